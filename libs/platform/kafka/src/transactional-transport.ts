import { Server, type CustomTransportStrategy } from '@nestjs/microservices';
import { lastValueFrom } from 'rxjs';
import type { KafkaConnection } from './kafka-connection';
import type { IncomingRecord } from './records';
import {
  TransactionalProcessor,
  type BatchOutput,
  type TransactionalProcessorOptions,
} from './transactional-processor';

export interface TransactionalTransportOptions extends Omit<TransactionalProcessorOptions, 'transform'> {
  /** The message pattern of the handler that transforms a batch (`@MessagePattern(pattern)`). */
  pattern: string;
}

/**
 * A NestJS transport: consumed batches go to the `@MessagePattern` handler, and what it returns is
 * written in the same Kafka transaction as the consumed offsets.
 */
export class TransactionalKafkaTransport extends Server implements CustomTransportStrategy {
  private processor?: TransactionalProcessor;

  constructor(
    private readonly connection: KafkaConnection,
    private readonly options: TransactionalTransportOptions,
  ) {
    super();
  }

  listen(callback: (error?: unknown) => void): void {
    this.processor = new TransactionalProcessor(this.connection, {
      ...this.options,
      transform: (records) => this.handle(records),
    });
    this.processor.start().then(() => callback(), callback);
  }

  async close(): Promise<void> {
    await this.processor?.stop();
  }

  on(): never {
    throw new Error('TransactionalKafkaTransport has no events to listen to');
  }

  unwrap<T>(): T {
    return this.connection as T;
  }

  private async handle(records: IncomingRecord[]): Promise<BatchOutput> {
    const handler = this.getHandlerByPattern(this.options.pattern);
    if (!handler) throw new Error(`no @MessagePattern('${this.options.pattern}') handler is registered`);
    return lastValueFrom(this.transformToObservable<BatchOutput>(await handler(records)));
  }
}
