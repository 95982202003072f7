#!/usr/bin/env bash
# Runs a real single-node Apache Kafka broker (KRaft) on 127.0.0.1 without Docker.
# The broker comes from Maven Central (version pinned in kafka/pom.xml); jars and data stay in .lienthong/.
#   scripts/kafka.sh fetch | start | stop | status | reset | env | tls <folder> <host name>...
# KAFKA_SECURITY=sasl_ssl runs a secured broker instead (TLS + SASL SCRAM-SHA-512, by default instance
# kafka-sasl-ssl on 127.0.0.1:19094): a CA and a broker certificate are made in the instance's tls/
# folder, SCRAM users at format time, and the clients' settings are written to the instance's client.env.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
home="${LIENTHONG_HOME:-$root/.lienthong}"
libs="$home/kafka/libs"
security="${KAFKA_SECURITY:-plaintext}"
case "$security" in
  plaintext) default_instance=kafka default_port=9092 ;;
  sasl_ssl) default_instance=kafka-sasl-ssl default_port=19094 ;;
  *) printf '[kafka] KAFKA_SECURITY must be plaintext or sasl_ssl, not "%s"\n' "$security" >&2; exit 2 ;;
esac
# A second broker (e.g. the fault tests', which stop and start it) keeps its own data beside the first.
instance="${KAFKA_INSTANCE:-$default_instance}"
data="$home/$instance/data"
logs="$home/$instance/logs"
pidfile="$home/$instance/broker.pid"
tls="$home/$instance/tls"
client_env="$home/$instance/client.env"
admin_password_file="$home/$instance/admin.password"
cluster_id="bGllbnRob25nLWRldi0x" # fixed so a kept data folder always matches
port="${KAFKA_PORT:-$default_port}"
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

# A private CA and a broker certificate (PEM: ca.crt, tls.crt, tls.key, as in a kubernetes.io/tls Secret)
# for the given host names, in the given folder; kept when it is already there.
make_tls() {
  local dir="$1"; shift
  [ -f "$dir/tls.key" ] && return 0
  command -v openssl >/dev/null || { say "openssl is needed to make certificates"; exit 1; }
  say "making a CA and a broker certificate for $* in $dir"
  mkdir -p "$dir" && chmod 700 "$dir"
  local names; names="$(printf 'DNS:%s,' "$@")IP:127.0.0.1"
  openssl req -x509 -newkey rsa:2048 -nodes -sha256 -days 825 -subj "/CN=Lienthong Kafka CA" \
    -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign \
    -keyout "$dir/ca.key" -out "$dir/ca.crt" 2>/dev/null
  openssl req -newkey rsa:2048 -nodes -sha256 -subj "/CN=$1" -keyout "$dir/tls.key" -out "$dir/tls.csr" 2>/dev/null
  # serverAuth for the clients, clientAuth for a broker's own connection to the controller listener.
  printf '%s\n' "subjectAltName=$names" 'basicConstraints=CA:FALSE' \
    'keyUsage=digitalSignature,keyEncipherment' 'extendedKeyUsage=serverAuth,clientAuth' >"$dir/tls.ext"
  openssl x509 -req -sha256 -days 825 -in "$dir/tls.csr" -CA "$dir/ca.crt" -CAkey "$dir/ca.key" \
    -CAcreateserial -extfile "$dir/tls.ext" -out "$dir/tls.crt" 2>/dev/null
  rm -f "$dir/tls.csr" "$dir/tls.ext" "$dir/ca.srl"
  chmod 600 "$dir"/*
}

# A SCRAM password goes inside --add-scram's [name=...,password=...] and the JAAS line: no separators.
check_password() {
  [[ "$2" =~ ^[A-Za-z0-9._~+/-]{12,}$ ]] ||
    { say "$1: at least 12 of letters, digits and ._~+/- for the local broker"; exit 2; }
}

# The SCRAM users exist from the format on (KRaft stores them in the metadata log), so they are made
# there: the admin (the broker's own inter-broker login) and the clients' user. Their passwords stay
# beside the data, for the JAAS line at every start and for the clients (client.env).
format_sasl_ssl() {
  local user="${KAFKA_SASL_USERNAME:-lienthong}" password="${KAFKA_SASL_PASSWORD:-$(openssl rand -hex 24)}"
  local admin_password="${KAFKA_ADMIN_PASSWORD:-$(openssl rand -hex 24)}"
  [[ "$user" =~ ^[A-Za-z0-9._-]+$ ]] || { say "KAFKA_SASL_USERNAME: letters, digits and ._- only"; exit 2; }
  check_password KAFKA_SASL_PASSWORD "$password"
  check_password KAFKA_ADMIN_PASSWORD "$admin_password"
  java -Dlog4j.configuration="file:$root/kafka/log4j.properties" -Dkafka.logs.dir="$logs" \
    -cp "$libs/*" kafka.tools.StorageTool format -t "$cluster_id" -c "$1" --ignore-formatted \
    --add-scram "SCRAM-SHA-512=[name=admin,password=$admin_password]" \
    --add-scram "SCRAM-SHA-512=[name=$user,password=$password]" >/dev/null
  (
    umask 077
    printf '%s\n' "$admin_password" >"$admin_password_file"
    printf '%s\n' "KAFKA_BROKERS=127.0.0.1:$port" KAFKA_SSL=true "KAFKA_SSL_CA_FILE=$tls/ca.crt" \
      KAFKA_SASL_MECHANISM=scram-sha-512 "KAFKA_SASL_USERNAME=$user" "KAFKA_SASL_PASSWORD=$password" >"$client_env"
  )
}

# Secured, the file holds the admin password: readable by its owner only.
write_properties() {
  (
    umask 077
    {
      sed -e "s/:9092/:$port/g" -e "s/:9093/:$controller_port/g" "$root/kafka/server.properties"
      if [ "$security" = sasl_ssl ]; then
        sed -e "s/:9092/:$port/g" -e "s/:9093/:$controller_port/g" -e "s#@TLS_DIR@#$tls#g" \
          -e "s/@ADMIN_USER@/admin/" -e "s|@ADMIN_PASSWORD@|$(cat "$admin_password_file")|" \
          "$root/kafka/sasl-ssl.properties"
      fi
      echo "log.dirs=$data"
    } >"$1"
    chmod 600 "$1"
  )
}

start() {
  if running; then say "already running (pid $(cat "$pidfile"))"; return 0; fi
  if port_open; then say "port $port already answers: using the broker that runs there"; return 0; fi
  fetch
  mkdir -p "$data" "$logs"
  local props="$home/$instance/server.properties"
  if [ "$security" = sasl_ssl ]; then
    make_tls "$tls" localhost
    # Kafka's PEM key store is one file: the (unencrypted PKCS#8) key, then the certificate.
    (umask 077 && cat "$tls/tls.key" "$tls/tls.crt" >"$tls/keystore.pem")
    if [ ! -f "$data/meta.properties" ]; then
      (umask 077 && : >"$admin_password_file") && write_properties "$props"
      format_sasl_ssl "$props"
    elif [ ! -s "$admin_password_file" ]; then
      say "$data was formatted without SCRAM users: scripts/kafka.sh reset it, or choose another KAFKA_INSTANCE"
      exit 1
    fi
  fi
  write_properties "$props"
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
  if [ "$security" = sasl_ssl ]; then say "SASL_SSL on 127.0.0.1:$port; the clients' settings: $client_env"; fi
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
  reset) stop; rm -rf "$data" "$client_env" "$admin_password_file"; say "data removed" ;;
  # The clients' settings for this broker (KAFKA_BROKERS, and with sasl_ssl KAFKA_SSL*, KAFKA_SASL_*).
  env) if [ "$security" = sasl_ssl ]; then cat "$client_env"; else echo "KAFKA_BROKERS=127.0.0.1:$port"; fi ;;
  # For compose and Kubernetes: `scripts/kafka.sh tls <folder> kafka kafka-2 kafka-3 localhost`.
  tls) [ $# -ge 3 ] || { echo "usage: $0 tls <folder> <host name>..." >&2; exit 2; }; make_tls "${@:2}" ;;
  *) echo "usage: $0 fetch|start|stop|status|reset|env|tls" >&2; exit 2 ;;
esac
