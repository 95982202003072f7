#!/bin/sh
# Starts one Apache Kafka broker+controller (KRaft, apache/kafka image) with TLS and SASL on, for
# docker-compose.yml and the backing-services component:
# - clients and brokers: SASL_SSL on :9092, SCRAM-SHA-512 only; the brokers log in to each other as `admin`;
# - controllers: TLS with client certificates on :9093 (SCRAM cannot serve there: its users live in the
#   metadata the controllers hold);
# - the SCRAM users (admin, and the apps' KAFKA_SASL_USERNAME) are made when the data folder is formatted.
# TLS material in $KAFKA_TLS_DIR: ca.crt, tls.crt, tls.key (PKCS#8), as a kubernetes.io/tls Secret made by
# cert-manager holds them, or as `scripts/kafka.sh tls <folder> kafka kafka-2 kafka-3 localhost` writes them.
set -eu
: "${KAFKA_NODE_ID:?}" "${KAFKA_ADVERTISED_HOST:?}" "${KAFKA_CONTROLLER_QUORUM_VOTERS:?}" "${CLUSTER_ID:?}"
: "${KAFKA_ADMIN_PASSWORD:?}" "${KAFKA_SASL_USERNAME:?}" "${KAFKA_SASL_PASSWORD:?}"
# The passwords go inside --add-scram's [name=...,password=...] and a quoted JAAS option.
for password in "$KAFKA_ADMIN_PASSWORD" "$KAFKA_SASL_PASSWORD"; do
  case "$password" in *[\",\]\\=]* | "")
    echo "kafka-sasl-ssl.sh: a SCRAM password must not be empty or hold \" , ] \\ =" >&2
    exit 1
    ;;
  esac
done
bin="${KAFKA_HOME:-/opt/kafka}/bin"
tls="${KAFKA_TLS_DIR:-/etc/kafka/tls}"
data="${KAFKA_LOG_DIRS:-/var/lib/kafka/data/logs}"
conf=/tmp/lienthong-kafka
rf="${KAFKA_REPLICATION_FACTOR:-1}"
umask 077
mkdir -p "$conf"
# Kafka's PEM key store is one file: the unencrypted PKCS#8 key, then the certificate chain.
cat "$tls/tls.key" "$tls/tls.crt" >"$conf/keystore.pem"

cat >"$conf/server.properties" <<PROPERTIES
process.roles=broker,controller
node.id=$KAFKA_NODE_ID
controller.quorum.voters=$KAFKA_CONTROLLER_QUORUM_VOTERS
listeners=SASL_SSL://0.0.0.0:9092,CONTROLLER://0.0.0.0:9093
advertised.listeners=SASL_SSL://$KAFKA_ADVERTISED_HOST:9092
controller.listener.names=CONTROLLER
listener.security.protocol.map=CONTROLLER:SSL,SASL_SSL:SASL_SSL
inter.broker.listener.name=SASL_SSL
sasl.enabled.mechanisms=SCRAM-SHA-512
sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512
listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="$KAFKA_ADMIN_PASSWORD";
ssl.keystore.type=PEM
ssl.keystore.location=$conf/keystore.pem
ssl.truststore.type=PEM
ssl.truststore.location=$tls/ca.crt
ssl.enabled.protocols=TLSv1.3,TLSv1.2
ssl.endpoint.identification.algorithm=https
listener.name.controller.ssl.client.auth=required
log.dirs=$data
num.partitions=6
default.replication.factor=$rf
min.insync.replicas=${KAFKA_MIN_INSYNC_REPLICAS:-1}
offsets.topic.replication.factor=$rf
transaction.state.log.replication.factor=$rf
transaction.state.log.min.isr=${KAFKA_MIN_INSYNC_REPLICAS:-1}
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=false
PROPERTIES

# What the health check and an operator's kafka-*.sh tools connect with (--command-config).
cat >"$conf/admin.properties" <<PROPERTIES
security.protocol=SASL_SSL
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="$KAFKA_ADMIN_PASSWORD";
ssl.truststore.type=PEM
ssl.truststore.location=$tls/ca.crt
PROPERTIES

"$bin/kafka-storage.sh" format --ignore-formatted -t "$CLUSTER_ID" -c "$conf/server.properties" \
  --add-scram "SCRAM-SHA-512=[name=admin,password=$KAFKA_ADMIN_PASSWORD]" \
  --add-scram "SCRAM-SHA-512=[name=$KAFKA_SASL_USERNAME,password=$KAFKA_SASL_PASSWORD]"
exec "$bin/kafka-server-start.sh" "$conf/server.properties"
