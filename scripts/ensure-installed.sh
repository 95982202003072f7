#!/usr/bin/env bash
# Sourced by test.sh and start.sh: a supported Node.js first on PATH, and node_modules installed for it
# (again when the Node's ABI changed since: native modules would not load).
# Usage: . scripts/ensure-installed.sh   (from the repository root)
. scripts/node-env.sh
if [ "$(cat node_modules/.built-for-node-abi 2>/dev/null)" != "$(node -p process.versions.modules)" ]; then
  bash scripts/install.sh
fi
