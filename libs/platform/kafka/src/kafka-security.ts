import { readFileSync } from 'node:fs';
import type { ConnectionOptions } from 'node:tls';
import { ConfigError } from '@lienthong/config';
import type { SASLOptions } from 'kafkajs';
import type { KafkaConfig } from './kafka.config';

/** How a client reaches the brokers: TLS options (or none) and SASL credentials (or none). */
export interface KafkaSecurity {
  ssl: ConnectionOptions | false;
  sasl?: SASLOptions;
}

type Problems = Record<string, string>;

/**
 * The TLS and SASL settings, checked together at start-up: a half-configured secured connection (a
 * mechanism without a password, a CA file that cannot be read) stops the app naming the key, instead
 * of surfacing later as a broker that "does not answer". Certificates are always verified.
 */
export function kafkaSecurity(config: KafkaConfig): KafkaSecurity {
  const problems: Problems = {};
  const ssl = tlsOptions(config, problems);
  const sasl = saslOptions(config, problems);
  if (process.env.NODE_ENV === 'production') productionNeeds(config, problems);
  if (Object.keys(problems).length > 0) throw new ConfigError(problems);
  return { ssl, sasl };
}

function tlsOptions(config: KafkaConfig, problems: Problems): ConnectionOptions | false {
  const files = {
    KAFKA_SSL_CA_FILE: config.KAFKA_SSL_CA_FILE,
    KAFKA_SSL_CERT_FILE: config.KAFKA_SSL_CERT_FILE,
    KAFKA_SSL_KEY_FILE: config.KAFKA_SSL_KEY_FILE,
  };
  if (!config.KAFKA_SSL) {
    for (const [key, path] of Object.entries(files)) {
      if (path) problems[key] = 'set, but KAFKA_SSL is false: the connection would not use it';
    }
    return false;
  }
  if (Boolean(files.KAFKA_SSL_CERT_FILE) !== Boolean(files.KAFKA_SSL_KEY_FILE)) {
    const missing = files.KAFKA_SSL_CERT_FILE ? 'KAFKA_SSL_KEY_FILE' : 'KAFKA_SSL_CERT_FILE';
    problems[missing] = 'mutual TLS needs both KAFKA_SSL_CERT_FILE and KAFKA_SSL_KEY_FILE';
  }
  const read = (key: keyof typeof files): Buffer | undefined => {
    if (!files[key]) return undefined;
    try {
      return readFileSync(files[key]);
    } catch (error) {
      problems[key] = `cannot read ${files[key]}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`;
      return undefined;
    }
  };
  const ca = read('KAFKA_SSL_CA_FILE');
  const cert = read('KAFKA_SSL_CERT_FILE');
  const key = read('KAFKA_SSL_KEY_FILE');
  return { rejectUnauthorized: true, ...(ca && { ca: [ca] }), ...(cert && key && { cert, key }) };
}

function saslOptions(config: KafkaConfig, problems: Problems): SASLOptions | undefined {
  const {
    KAFKA_SASL_MECHANISM: mechanism,
    KAFKA_SASL_USERNAME: username,
    KAFKA_SASL_PASSWORD: password,
  } = config;
  if (!mechanism) {
    if (username) problems.KAFKA_SASL_USERNAME = 'set, but KAFKA_SASL_MECHANISM is empty';
    if (password) problems.KAFKA_SASL_PASSWORD = 'set, but KAFKA_SASL_MECHANISM is empty';
    return undefined;
  }
  if (!username) problems.KAFKA_SASL_USERNAME = `required with KAFKA_SASL_MECHANISM=${mechanism}`;
  if (!password) problems.KAFKA_SASL_PASSWORD = `required with KAFKA_SASL_MECHANISM=${mechanism}`;
  // PLAIN sends the password as it is: only inside TLS.
  if (mechanism === 'plain' && !config.KAFKA_SSL) {
    problems.KAFKA_SASL_MECHANISM = 'plain sends the password in clear: set KAFKA_SSL=true';
  }
  return { mechanism, username, password } as SASLOptions;
}

/** The topics carry citizens' personal data: in production, never in clear and never unauthenticated. */
function productionNeeds(config: KafkaConfig, problems: Problems): void {
  if (!config.KAFKA_SSL) problems.KAFKA_SSL ??= 'must be true with NODE_ENV=production';
  if (!config.KAFKA_SASL_MECHANISM && !config.KAFKA_SSL_CERT_FILE) {
    problems.KAFKA_SASL_MECHANISM ??=
      'required with NODE_ENV=production (or a client certificate, KAFKA_SSL_CERT_FILE)';
  }
}
