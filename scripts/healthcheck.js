#!/usr/bin/env node
/**
 * Container health check without curl in the image: `node scripts/healthcheck.js <port> [path]` exits 0
 * when http://127.0.0.1:<port><path> answers 2xx within 4 s (path: /health/ready, the app's readiness).
 */
/* global fetch, AbortSignal */
const [port, path = '/health/ready'] = process.argv.slice(2);
fetch(`http://127.0.0.1:${port}${path}`, { signal: AbortSignal.timeout(4000) })
  .then((response) => process.exit(response.ok ? 0 : 1))
  .catch(() => process.exit(1));
