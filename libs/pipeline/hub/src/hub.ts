import type { KafkaConnection, Topics } from '@lienthong/kafka';
import { createLogger } from '@lienthong/observability';
import type { SourceMapper } from '@lienthong/sources';

/** Creates the topics the hub reads and writes, with their settings, before it consumes. */
export class HubTopics {
  private readonly logger = createLogger('hub');

  constructor(
    private readonly kafka: KafkaConnection,
    private readonly topics: Topics,
    private readonly mappers: readonly SourceMapper[],
    private readonly connectors: string[],
  ) {}

  async start(): Promise<void> {
    const sources = this.mappers.map((mapper) => mapper.system);
    await this.kafka.ensureTopics(this.topics.hubTopics(sources, this.connectors));
    this.logger.info({ sources, routes: this.connectors }, 'hub topics ready');
  }
}
