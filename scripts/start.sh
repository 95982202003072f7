#!/usr/bin/env bash
# npm start: the whole flow on this machine — a local Kafka broker, the three sandboxes, the
# three connectors, the hub and the simulator. Ctrl-C stops everything it started.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

[ -d node_modules ] || npm ci --no-audit --no-fund
npm run --silent build

started_kafka=0
if [ -z "${KAFKA_BROKERS:-}" ] && ! bash scripts/kafka.sh status >/dev/null 2>&1; then
  bash scripts/kafka.sh start
  started_kafka=1
fi

node dist/apps/lienthong/src/main.js &
app=$!

stop_all() {
  kill -TERM "$app" 2>/dev/null || true
  wait "$app" 2>/dev/null || true
  if [ "$started_kafka" = 1 ]; then bash scripts/kafka.sh stop; fi
}
trap 'stop_all; exit 130' INT TERM

status=0
wait "$app" || status=$?
stop_all
exit "$status"
