import { bool, num, secret, str, type ConfigOf } from '@lienthong/config';

export const kafkaConfigSpec = {
  KAFKA_BROKERS: str({
    default: '127.0.0.1:9092',
    desc: 'Comma-separated bootstrap brokers',
    example: 'kafka-1:9092,kafka-2:9092',
  }),
  KAFKA_CLIENT_ID: str({
    default: 'lienthong',
    desc: 'Client id sent to the brokers (shows in broker logs and quotas)',
  }),
  KAFKA_TOPIC_PREFIX: str({
    default: '',
    desc: 'Prefix for every topic name, to run several isolated hubs on one cluster',
    example: 'staging.',
  }),
  KAFKA_PARTITIONS: num({ default: 6, desc: 'Partitions for topics the project creates' }),
  KAFKA_REPLICATION_FACTOR: num({ default: 1, desc: 'Replication factor for topics the project creates' }),
  KAFKA_RETENTION_HOURS: num({
    default: 168,
    desc: 'How long the brokers keep the records of topics Lienthong creates (sources, dossier.v1, routes, retries)',
  }),
  KAFKA_DLQ_RETENTION_HOURS: num({
    default: 720,
    desc: 'How long the brokers keep dead letters (whole events, with personal data); the console keeps its own copy',
  }),
  KAFKA_SSL: bool({ default: false, desc: 'Connect to the brokers over TLS (certificates always verified)' }),
  KAFKA_SSL_CA_FILE: str({
    default: '',
    desc: "PEM file of the CA that signed the brokers' certificates; empty trusts the system's CAs",
    example: '/etc/lienthong/kafka-ca/ca.crt',
  }),
  KAFKA_SSL_CERT_FILE: str({
    default: '',
    desc: 'PEM client certificate, for brokers that require mutual TLS (with KAFKA_SSL_KEY_FILE)',
  }),
  KAFKA_SSL_KEY_FILE: str({ default: '', desc: 'PEM private key of KAFKA_SSL_CERT_FILE' }),
  KAFKA_SASL_MECHANISM: str({
    default: '',
    choices: ['', 'plain', 'scram-sha-256', 'scram-sha-512'],
    desc: 'SASL mechanism; empty for none. `plain` only with KAFKA_SSL=true',
  }),
  KAFKA_SASL_USERNAME: str({ default: '', desc: 'SASL user name (required with a mechanism)' }),
  KAFKA_SASL_PASSWORD: secret({
    default: '',
    optional: true,
    desc: 'SASL password (required with a mechanism)',
  }),
};

export type KafkaConfig = ConfigOf<typeof kafkaConfigSpec>;
