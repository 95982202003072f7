import { Gauge, metricsRegistry } from '@lienthong/observability';

/** One gauge for every consumer of Lienthong, so an operator reads lag the same way for each stage. */
export const consumerLag = new Gauge({
  name: 'lienthong_consumer_lag',
  help: 'Messages behind the end of the partition after the last batch',
  labelNames: ['group', 'topic', 'partition'],
  registers: [metricsRegistry],
});
