import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { securedKafka, securedKafkaRuns } from './secured-kafka';

/** Stops only what the setup started: a broker that was already running is left running. */
export default async function globalTeardown(): Promise<void> {
  await globalThis.lienthongKafkaContainer?.stop();
  if (process.env.LIENTHONG_TEST_STARTED_KAFKA === '1' && process.env.LIENTHONG_KEEP_KAFKA !== '1') {
    execFileSync('bash', [join(__dirname, '../../scripts/kafka.sh'), 'stop'], { stdio: 'inherit' });
  }
  // The SASL_SSL test stops its broker itself; this catches a run that ended before its afterAll.
  if (securedKafkaRuns()) securedKafka('stop');
}
