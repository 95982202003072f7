import type { BatchOutput, IncomingRecord } from '@lienthong/kafka';
import { Controller } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { HubPipeline } from './hub-pipeline';

/** The pattern the hub's transport hands each consumed batch of source events to. */
export const SOURCE_BATCH_PATTERN = 'hub.source-batch';

/** A thin consumer: the batch goes to the pipeline, whose output the transport writes transactionally. */
@Controller()
export class HubController {
  constructor(private readonly pipeline: HubPipeline) {}

  @MessagePattern(SOURCE_BATCH_PATTERN)
  transform(records: IncomingRecord[]): Promise<BatchOutput> {
    return this.pipeline.transform(records);
  }
}
