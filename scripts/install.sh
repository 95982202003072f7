#!/usr/bin/env bash
# Installs what the project needs on a fresh machine: a supported Node.js (scripts/node-env.sh: Node.js
# 24 LTS from the npm registry where the machine's is older than 22), librdkafka (Debian's
# librdkafka-dev, which node-rdkafka, the hub benchmark's candidate client, is built against), the npm
# packages (npm ci, under that Node: native modules are built for the Node that runs them), then dist/
# (npm run build) once, so `npx lienthong` starts at once.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

. scripts/node-env.sh
bash scripts/ensure-debian-package.sh librdkafka-dev /usr/include/librdkafka/rdkafka.h \
  "install librdkafka-dev (librdkafka >= 2.0 with its headers)"
# node-rdkafka links the system librdkafka instead of building its bundled copy (which downloads).
BUILD_LIBRDKAFKA=0 npm ci --no-audit --no-fund
# Which Node the native modules were built for: test.sh and start.sh install again when it changes.
node -p process.versions.modules >node_modules/.built-for-node-abi
npm run --silent build
