import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The project's broker in its secured mode (TLS + SASL SCRAM-SHA-512), as an instance of its own on
 * 127.0.0.1:19096, for the test that runs the flow over it. Never the shared broker's ports.
 */
const root = join(__dirname, '..', '..');
const instance = 'e2e-kafka-sasl-ssl';
const scriptEnv = {
  KAFKA_SECURITY: 'sasl_ssl',
  KAFKA_INSTANCE: instance,
  KAFKA_PORT: '19096',
  // A busy two-core machine may take long to start a JVM beside the tests'.
  KAFKA_START_TIMEOUT_S: '180',
};

export function securedKafka(command: 'start' | 'stop'): void {
  execFileSync('bash', [join(root, 'scripts', 'kafka.sh'), command], {
    env: { ...process.env, ...scriptEnv },
    stdio: 'inherit',
  });
}

/** Whether the secured test broker was left running (a test run killed before its afterAll). */
export function securedKafkaRuns(): boolean {
  return existsSync(join(process.env.LIENTHONG_HOME ?? join(root, '.lienthong'), instance, 'broker.pid'));
}

/** The clients' settings the script wrote: KAFKA_BROKERS, KAFKA_SSL, KAFKA_SSL_CA_FILE and KAFKA_SASL_*. */
export function securedKafkaClientEnv(): Record<string, string> {
  const file = join(process.env.LIENTHONG_HOME ?? join(root, '.lienthong'), instance, 'client.env');
  return Object.fromEntries(
    readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => line.includes('='))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
}
