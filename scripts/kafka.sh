#!/usr/bin/env bash
# Runs a real single-node Apache Kafka broker (KRaft) on 127.0.0.1 without Docker.
# The broker comes from Maven Central (version pinned in kafka/pom.xml); jars and data stay in .lienthong/.
#   scripts/kafka.sh fetch | start | stop | status | reset
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
home="${LIENTHONG_HOME:-$root/.lienthong}"
libs="$home/kafka/libs"
# A second broker (e.g. the fault tests', which stop and start it) keeps its own data beside the first.
instance="${KAFKA_INSTANCE:-kafka}"
data="$home/$instance/data"
logs="$home/$instance/logs"
pidfile="$home/$instance/broker.pid"
cluster_id="bGllbnRob25nLWRldi0x" # fixed so a kept data folder always matches
port="${KAFKA_PORT:-9092}"
controller_port=$((port + 1))
timeout_s="${KAFKA_START_TIMEOUT_S:-90}"

say() { printf '[kafka] %s\n' "$*" >&2; }

running() { [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; }

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; }

fetch() {
  if [ -f "$libs/.complete" ] && [ "$libs/.complete" -nt "$root/kafka/pom.xml" ]; then return 0; fi
  command -v mvn >/dev/null || { say "Maven (mvn) is needed to fetch the broker from Maven Central"; exit 1; }
  command -v java >/dev/null || { say "Java 17 is needed to run the broker"; exit 1; }
  say "fetching the broker from Maven Central into $libs"
  rm -rf "$libs" && mkdir -p "$libs"
  mvn -B -q -f "$root/kafka/pom.xml" dependency:copy-dependencies \
    -DincludeScope=runtime -DoutputDirectory="$libs"
  touch "$libs/.complete"
}

start() {
  if running; then say "already running (pid $(cat "$pidfile"))"; return 0; fi
  if port_open; then say "port $port already answers: using the broker that runs there"; return 0; fi
  fetch
  mkdir -p "$data" "$logs"
  local props="$home/$instance/server.properties"
  { sed -e "s/:9092/:$port/g" -e "s/:9093/:$controller_port/g" "$root/kafka/server.properties"; echo "log.dirs=$data"; } >"$props"
  if [ ! -f "$data/meta.properties" ]; then
    java -Dlog4j.configuration="file:$root/kafka/log4j.properties" -Dkafka.logs.dir="$logs" \
      -cp "$libs/*" kafka.tools.StorageTool format -t "$cluster_id" -c "$props" --ignore-formatted >/dev/null
  fi
  say "starting broker on 127.0.0.1:$port (logs: $logs/server.log)"
  : >"$logs/server.log"
  nohup java -Xms256m -Xmx${KAFKA_HEAP:-768m} -XX:+UseG1GC \
    -Dlog4j.configuration="file:$root/kafka/log4j.properties" -Dkafka.logs.dir="$logs" \
    -cp "$libs/*" kafka.Kafka "$props" >"$logs/stdout.log" 2>&1 &
  echo $! >"$pidfile"
  local waited=0
  until port_open && grep -q "Kafka Server started" "$logs/server.log" 2>/dev/null; do
    if ! running; then say "broker exited during start-up; last lines of its log:"; tail -n 20 "$logs/stdout.log" "$logs/server.log" >&2; exit 1; fi
    if [ "$waited" -ge "$((timeout_s * 2))" ]; then say "broker did not answer within ${timeout_s}s"; exit 1; fi
    sleep 0.5; waited=$((waited + 1))
  done
  say "ready"
}

stop() {
  if ! running; then say "not running"; rm -f "$pidfile"; return 0; fi
  local pid; pid="$(cat "$pidfile")"
  say "stopping broker (pid $pid)"
  kill -TERM "$pid"
  for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  if kill -0 "$pid" 2>/dev/null; then say "broker did not stop in 30s; killing it"; kill -KILL "$pid"; fi
  rm -f "$pidfile"
}

case "${1:-}" in
  fetch) fetch ;;
  start) start ;;
  stop) stop ;;
  status) if running; then echo "running (pid $(cat "$pidfile"))"; else echo "stopped"; exit 1; fi ;;
  reset) stop; rm -rf "$data"; say "data removed" ;;
  *) echo "usage: $0 fetch|start|stop|status|reset" >&2; exit 2 ;;
esac
