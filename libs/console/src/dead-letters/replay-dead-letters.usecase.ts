import { randomUUID } from 'node:crypto';
import { KafkaConnection, Topics } from '@lienthong/kafka';
import { Injectable, NotFoundException } from '@nestjs/common';
import type { Producer } from 'kafkajs';
import { DeadLetterIndex } from './dead-letter-index';
import type { DeadLetterFilter, ReplayResult } from './dead-letter.dto';
import { replayRecord } from './replay-record';

const CHUNK = 500;
const MOST_AT_ONCE = 10_000;

/**
 * Sends dead letters back where they failed on the way from; they then meet the normal duplicate and
 * stale checks of the hub or the connector. Marked replayed in the index once the broker has them.
 */
@Injectable()
export class ReplayDeadLetters {
  /** Made on the first replay; the Kafka connection closes it when the console stops. */
  private producer?: Promise<Producer>;

  constructor(
    private readonly index: DeadLetterIndex,
    private readonly kafka: KafkaConnection,
    private readonly topics: Topics,
  ) {}

  async byIds(ids: number[], by: string): Promise<ReplayResult> {
    const unique = [...new Set(ids)];
    const letters = await this.index.get(unique);
    const missing = unique.filter((id) => !letters.some((letter) => letter.id === id));
    if (missing.length > 0) throw new NotFoundException(`no dead letter with id ${missing.join(', ')}`);
    return this.send(letters, by);
  }

  async byFilter(filter: DeadLetterFilter, by: string): Promise<ReplayResult> {
    const ids = await this.index.matchingIds({ replayed: false, ...filter }, MOST_AT_ONCE);
    if (ids.length === 0) {
      return {
        replayId: null,
        matched: 0,
        replayed: 0,
        ids: [],
        message: 'no dead letter matches the filter; nothing replayed',
      };
    }
    return this.send(await this.index.get(ids), by);
  }

  private async send(
    letters: Awaited<ReturnType<DeadLetterIndex['get']>>,
    by: string,
  ): Promise<ReplayResult> {
    const replayId = randomUUID();
    const producer = await (this.producer ??= this.kafka.producer());
    for (let start = 0; start < letters.length; start += CHUNK) {
      const chunk = letters.slice(start, start + CHUNK);
      await this.kafka.send(
        producer,
        chunk.map((letter) => replayRecord(letter, this.topics, replayId, by)),
      );
      await this.index.markReplayed(
        chunk.map((letter) => letter.id),
        replayId,
      );
    }
    const ids = letters.map((letter) => letter.id);
    return {
      replayId,
      matched: letters.length,
      replayed: letters.length,
      ids,
      message: `replayed ${letters.length} dead letter(s)`,
    };
  }
}
