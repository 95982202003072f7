#!/usr/bin/env bash
# npm start: the whole flow on this machine — a local Kafka broker, PostgreSQL (the one at DATABASE_URL,
# or an embedded one when nothing answers there), the three sandboxes, the three connectors, the hub and
# the simulator. Ctrl-C stops everything it started. KAFKA_SECURITY=sasl_ssl: the broker and the apps
# use TLS and SASL SCRAM-SHA-512 (scripts/kafka.sh).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

. scripts/ensure-installed.sh
# LIENTHONG_SKIP_BUILD=1: dist/ is already built (the tests build once for all).
[ -n "${LIENTHONG_SKIP_BUILD:-}" ] || npm run --silent build

started_kafka=0
postgres=
app=

stop_all() {
  if [ -n "$app" ]; then
    kill -TERM "$app" 2>/dev/null || true
    wait "$app" 2>/dev/null || true
  fi
  if [ "$started_kafka" = 1 ]; then bash scripts/kafka.sh stop; fi
  if [ -n "$postgres" ]; then
    kill -TERM "$postgres" 2>/dev/null || true
    wait "$postgres" 2>/dev/null || true
  fi
}
trap 'stop_all; exit 130' INT TERM

if [ -z "${KAFKA_BROKERS:-}" ] && ! bash scripts/kafka.sh status >/dev/null 2>&1; then
  bash scripts/kafka.sh start
  started_kafka=1
fi
# KAFKA_SECURITY=sasl_ssl: the apps connect to the secured broker with the settings it was made with.
if [ -z "${KAFKA_BROKERS:-}" ] && [ "${KAFKA_SECURITY:-plaintext}" = sasl_ssl ]; then
  set -a
  # shellcheck disable=SC1090
  . <(bash scripts/kafka.sh env)
  set +a
fi

# PostgreSQL: the server at DATABASE_URL (default: the apps' own default) when one answers there;
# otherwise a real PostgreSQL from the embedded-postgres package, data under .lienthong/postgres.
# LIENTHONG_EMBEDDED_POSTGRES=never refuses the fallback.
if ! node scripts/embedded-postgres.mjs probe "${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/test}"; then
  if [ "${LIENTHONG_EMBEDDED_POSTGRES:-auto}" = never ]; then
    echo "npm start: no PostgreSQL answers at DATABASE_URL" >&2
    stop_all
    exit 1
  fi
  echo "npm start: no PostgreSQL answers at DATABASE_URL; starting the embedded one" >&2
  url_file="${LIENTHONG_EMBEDDED_POSTGRES_DIR:-.lienthong/postgres}/url"
  rm -f "$url_file"
  node scripts/embedded-postgres.mjs serve &
  postgres=$!
  for _ in $(seq 180); do
    [ -f "$url_file" ] && break
    if ! kill -0 "$postgres" 2>/dev/null; then
      echo "npm start: the embedded PostgreSQL did not start" >&2
      postgres=
      stop_all
      exit 1
    fi
    sleep 1
  done
  DATABASE_URL="$(cat "$url_file")"
  export DATABASE_URL
fi

node dist/apps/lienthong/src/main.js &
app=$!

status=0
wait "$app" || status=$?
app=
stop_all
exit "$status"
