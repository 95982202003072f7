import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';

/**
 * A real Kafka broker for the end-to-end tests: KAFKA_BROKERS when set; else, where a Docker engine
 * runs, a testcontainers broker (apache/kafka); else the project's own broker from Maven Central.
 */
export default async function globalSetup(): Promise<void> {
  await checkPostgres();
  if (process.env.KAFKA_BROKERS) return;
  if (process.env.DOCKER_HOST || existsSync('/var/run/docker.sock')) {
    const { startKafkaContainer } = await import('./kafka-container');
    process.env.KAFKA_BROKERS = await startKafkaContainer();
    return;
  }
  const script = join(__dirname, '../../scripts/kafka.sh');
  const wasRunning = runs(script);
  execFileSync('bash', [script, 'start'], { stdio: 'inherit' });
  if (!wasRunning) process.env.LIENTHONG_TEST_STARTED_KAFKA = '1';
  process.env.KAFKA_BROKERS = '127.0.0.1:9092';
}

function runs(script: string): boolean {
  try {
    execFileSync('bash', [script, 'status'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

async function checkPostgres(): Promise<void> {
  const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const client = new Client({ connectionString: url });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    throw new Error(`The tests need PostgreSQL at ${url} (set DATABASE_URL): ${(error as Error).message}`);
  } finally {
    await client.end().catch(() => undefined);
  }
}
