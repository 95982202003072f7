import { execFileSync } from 'node:child_process';
import { projectPath } from '@lienthong/config';

/**
 * A Kafka broker of the fault tests' own (127.0.0.1:19092, data beside the main one), which they stop
 * and start at will without touching the broker other tests use.
 */
export const FAULTS_BROKERS = '127.0.0.1:19092';

function kafkaScript(command: 'start' | 'stop'): void {
  execFileSync('bash', [projectPath('scripts', 'kafka.sh'), command], {
    env: { ...process.env, KAFKA_INSTANCE: 'faults-kafka', KAFKA_PORT: '19092' },
    stdio: 'inherit',
  });
}

export const startFaultsBroker = () => kafkaScript('start');
export const stopFaultsBroker = () => kafkaScript('stop');
