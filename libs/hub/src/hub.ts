import { TransactionalProcessor, type KafkaConnection, type Topics } from '@lienthong/kafka';
import { createLogger } from '@lienthong/observability';
import type { SourceMapper } from '@lienthong/sources';
import type { HubConfig } from './hub.config';
import { HubPipeline } from './hub-pipeline';

/** The running hub: creates its topics, then consumes every source topic transactionally. */
export class Hub {
  private readonly logger = createLogger('hub');
  private readonly pipeline: HubPipeline;
  private readonly connectors: string[];
  private processor?: TransactionalProcessor;

  constructor(
    private readonly kafka: KafkaConnection,
    private readonly topics: Topics,
    private readonly mappers: readonly SourceMapper[],
    private readonly config: HubConfig,
  ) {
    this.connectors = config.HUB_ROUTES.split(',')
      .map((name) => name.trim())
      .filter(Boolean);
    this.pipeline = new HubPipeline(topics, mappers, () => this.connectors);
  }

  async start(): Promise<void> {
    await this.kafka.ensureTopics(
      this.topics.hubTopics(
        this.mappers.map((mapper) => mapper.system),
        this.connectors,
      ),
    );
    const groupId = this.topics.group(this.config.HUB_GROUP_ID);
    this.processor = new TransactionalProcessor(this.kafka, {
      groupId,
      transactionalId: `${groupId}.${this.config.HUB_INSTANCE_ID}`,
      topics: this.pipeline.sourceTopics,
      transform: this.pipeline.transform,
    });
    await this.processor.start();
    this.logger.info({ sources: this.pipeline.sourceTopics, routes: this.connectors }, 'hub started');
  }

  async stop(): Promise<void> {
    await this.processor?.stop();
  }
}
