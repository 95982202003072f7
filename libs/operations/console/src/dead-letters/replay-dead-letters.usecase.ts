import { randomUUID } from 'node:crypto';
import { KafkaConnection } from '@lienthong/kafka';
import { createLogger } from '@lienthong/observability';
import { Injectable, NotFoundException, ServiceUnavailableException } from '@nestjs/common';
import type { Producer } from 'kafkajs';
import { Flow } from '../flow';
import { DeadLetterIndex } from './dead-letter-index';
import type { DeadLetterFilter, RefusedReplay, ReplayResult } from './dead-letter.dto';
import { ReplayClaims, type ReplayCandidate } from './replay-claims';
import { replayRecord } from './replay-record';
import { replayTarget } from './replay-target';

const CHUNK = 500;
const MOST_AT_ONCE = 10_000;
const logger = createLogger('console');

/**
 * Sends dead letters back where they failed on the way from, each exactly once: they then meet the
 * normal duplicate and stale checks of the hub or the connector. Where a dead letter may go is computed
 * from its stage (`replayTarget`); one that may go nowhere is refused and named in the answer.
 */
@Injectable()
export class ReplayDeadLetters {
  /** Made on the first replay; the Kafka connection closes it when the console stops. */
  private producer?: Promise<Producer>;

  constructor(
    private readonly index: DeadLetterIndex,
    private readonly claims: ReplayClaims,
    private readonly kafka: KafkaConnection,
    private readonly flow: Flow,
  ) {}

  async byIds(ids: number[], by: string): Promise<ReplayResult> {
    const unique = [...new Set(ids)];
    const candidates = await this.claims.candidates(unique);
    const missing = unique.filter((id) => !candidates.some((candidate) => candidate.id === id));
    if (missing.length > 0) throw new NotFoundException(`no dead letter with id ${missing.join(', ')}`);
    return this.send(candidates, by);
  }

  async byFilter(filter: DeadLetterFilter, by: string): Promise<ReplayResult> {
    const ids = await this.index.matchingIds({ replayed: false, ...filter }, MOST_AT_ONCE);
    if (ids.length === 0) {
      return {
        replayId: null,
        matched: 0,
        replayed: 0,
        ids: [],
        alreadyReplayed: [],
        refused: [],
        message: 'no dead letter matches the filter; nothing replayed',
      };
    }
    return this.send(await this.claims.candidates(ids), by);
  }

  private async send(candidates: ReplayCandidate[], by: string): Promise<ReplayResult> {
    const { targets, refused } = this.targetsOf(candidates);
    const replayId = randomUUID();
    const ids = [...targets.keys()];
    const sent: number[] = [];
    const alreadyReplayed: number[] = [];
    // Claimed a chunk at a time: a large selection never holds every payload in memory at once.
    for (let start = 0; start < ids.length; start += CHUNK) {
      const chunk = ids.slice(start, start + CHUNK);
      const claimed = await this.claims.claim(chunk, replayId);
      alreadyReplayed.push(...chunk.filter((id) => !claimed.some((letter) => letter.id === id)));
      if (claimed.length === 0) continue;
      try {
        const producer = await (this.producer ??= this.kafka.producer());
        await this.kafka.send(
          producer,
          claimed.map((letter) => replayRecord(letter, targets.get(letter.id)!, replayId, by)),
        );
      } catch (error) {
        throw await this.released(
          claimed.map((letter) => letter.id),
          replayId,
          sent,
          error,
        );
      }
      sent.push(...claimed.map((letter) => letter.id));
      await this.claims.markReplayed(
        claimed.map((letter) => letter.id),
        replayId,
      );
    }
    const parts = [`replayed ${sent.length} dead letter(s)`];
    if (alreadyReplayed.length > 0)
      parts.push(`${alreadyReplayed.length} already replayed or being replayed (not sent again)`);
    if (refused.length > 0) parts.push(`${refused.length} refused`);
    return {
      replayId: sent.length > 0 ? replayId : null,
      matched: candidates.length,
      replayed: sent.length,
      ids: sent,
      alreadyReplayed,
      refused,
      message: parts.join('; '),
    };
  }

  private targetsOf(candidates: ReplayCandidate[]) {
    const refused: RefusedReplay[] = [];
    const targets = new Map<number, string>();
    for (const candidate of candidates) {
      const target = replayTarget(candidate, this.flow);
      if ('refused' in target) refused.push({ id: candidate.id, code: target.code, reason: target.refused });
      else targets.set(candidate.id, target.topic);
    }
    if (refused.length > 0) {
      logger.warn(
        { refused: refused.map(({ id }) => id).slice(0, 100), count: refused.length },
        'refused to replay dead letters with no topic of this flow to go back to',
      );
    }
    return { targets, refused };
  }

  /**
   * Gives the claims of a chunk that failed to publish back, for a later replay (what the chunks before
   * sent stays replayed; the chunks after were never claimed). Should that fail too, the claims lapse
   * on their own (`ReplayClaims`), so no dead letter is lost.
   */
  private async released(unsent: number[], replayId: string, sent: number[], cause: unknown): Promise<Error> {
    await this.claims
      .release(unsent, replayId)
      .catch((error: unknown) =>
        logger.warn(
          { err: error, replayId },
          'cannot release the claims of a failed replay; they lapse on their own',
        ),
      );
    return new ServiceUnavailableException(
      `replay ${replayId} sent ${sent.length} dead letter(s), then failed: ${(cause as Error).message}; the rest can be replayed again`,
    );
  }
}
