#!/usr/bin/env bash
# npm test: lint and type-check, unit tests, then end-to-end tests on a real Kafka broker (fetched from
# Maven Central and started when none is given in KAFKA_BROKERS) and the PostgreSQL at DATABASE_URL.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

[ -d node_modules ] || npm ci --no-audit --no-fund
node scripts/generate-schema-types.js --check
npm run --silent lint
# The crash test runs the built hub as a real process.
npm run --silent build
LOG_LEVEL="${LOG_LEVEL:-warn}" npx jest --ci --maxWorkers=2 "$@"
