#!/usr/bin/env bash
# npm test: lint and type-check, unit tests, then end-to-end tests on a real Kafka broker (fetched from
# Maven Central and started when none is given in KAFKA_BROKERS) and the PostgreSQL at DATABASE_URL.
# Runs under Node.js 24 LTS where the machine's Node is older (scripts/node-env.sh).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

. scripts/ensure-installed.sh
node scripts/generate-schema-types.js --check
npm run --silent lint
# The crash test runs the built hub as a real process.
npm run --silent build
# The web console is tested in a real headless Chromium (Debian's package).
bash scripts/ensure-chromium.sh
if [ "$#" -gt 0 ]; then
  LOG_LEVEL="${LOG_LEVEL:-warn}" npx jest --ci --maxWorkers=2 "$@"
  exit
fi
# --forceExit: a handle a test leaves open must not hold CI until its time limit.
LOG_LEVEL="${LOG_LEVEL:-warn}" npx jest --ci --maxWorkers=2 --forceExit --selectProjects unit e2e
# Faults that stop a broker or PostgreSQL, and the thousand payments under platform faults, run alone,
# after everything else.
npm run --silent test:faults
