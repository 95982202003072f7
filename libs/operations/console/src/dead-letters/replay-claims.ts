import { Database } from '@lienthong/database';
import { Injectable } from '@nestjs/common';
import type { ReplayOrigin } from './replay-target';

/** A dead letter as the broker held it, claimed by one replay. */
export interface ClaimedLetter {
  id: number;
  stage: string;
  reason: string;
  message: string;
  topic: string;
  partition: number;
  offset: string;
  failedAt: string;
  key: Buffer | null;
  headers: Record<string, string>;
  value: Buffer;
}

export interface ReplayCandidate extends ReplayOrigin {
  replayed: boolean;
}

interface ClaimedRow {
  id: string;
  stage: string;
  reason: string;
  message: string;
  topic: string;
  partition: number;
  offset: string;
  failed_at: Date;
  key: string | null;
  key_bytes: Buffer | null;
  headers: Record<string, string>;
  headers_bytes: Buffer | null;
  value: Buffer;
}

/**
 * A claim left this long by a replay that never finished (the console stopped between claim and
 * publish) may be taken by another: far beyond the producer's own send timeout, so a replay still in
 * flight is never sent twice.
 */
const ABANDONED_AFTER_MINUTES = 10;

/**
 * Which replay sends which dead letter. A replay claims its rows in one UPDATE before it publishes, so
 * of two replays running at once each row goes to exactly one; `replayed_at` is set once the broker
 * has the record. A claim whose publish failed is released for a later replay (the broker may still
 * have taken some of it: the hub's and connectors' duplicate checks meet that copy).
 */
@Injectable()
export class ReplayClaims {
  constructor(private readonly database: Database) {}

  async candidates(ids: number[]): Promise<ReplayCandidate[]> {
    const rows = await this.database.query<{
      id: string;
      stage: string;
      source_topic: string | null;
      replayed: boolean;
    }>(
      `SELECT id, stage, source_topic, replayed_at IS NOT NULL AS replayed
       FROM dead_letters WHERE id = ANY($1::bigint[]) ORDER BY id`,
      [ids],
    );
    return rows.map((row) => ({
      id: Number(row.id),
      stage: row.stage,
      sourceTopic: row.source_topic,
      replayed: row.replayed,
    }));
  }

  /** The given rows no replay has sent or is sending, now claimed by `replayId`, oldest first. */
  async claim(ids: number[], replayId: string): Promise<ClaimedLetter[]> {
    const rows = await this.database.query<ClaimedRow>(
      `UPDATE dead_letters SET replay_id = $2, replay_claimed_at = now()
       WHERE id = ANY($1::bigint[]) AND replayed_at IS NULL
         AND (replay_claimed_at IS NULL OR replay_claimed_at < now() - make_interval(mins => $3))
       RETURNING id, stage, reason, message, topic, partition, "offset", failed_at, key, key_bytes,
         headers, headers_bytes, value`,
      [ids, replayId, ABANDONED_AFTER_MINUTES],
    );
    return rows.map(toClaimed).sort((a, b) => a.id - b.id);
  }

  async markReplayed(ids: number[], replayId: string): Promise<void> {
    await this.database.query(
      'UPDATE dead_letters SET replayed_at = now() WHERE id = ANY($1::bigint[]) AND replay_id = $2',
      [ids, replayId],
    );
  }

  async release(ids: number[], replayId: string): Promise<void> {
    await this.database.query(
      `UPDATE dead_letters SET replay_id = NULL, replay_claimed_at = NULL
       WHERE id = ANY($1::bigint[]) AND replay_id = $2 AND replayed_at IS NULL`,
      [ids, replayId],
    );
  }
}

/** Rows indexed before the exact bytes were kept have only the readable key and headers. */
function toClaimed(row: ClaimedRow): ClaimedLetter {
  return {
    id: Number(row.id),
    stage: row.stage,
    reason: row.reason,
    message: row.message,
    topic: row.topic,
    partition: row.partition,
    offset: String(row.offset),
    failedAt: row.failed_at.toISOString(),
    key: row.key_bytes ?? (row.key === null ? null : Buffer.from(row.key)),
    headers: row.headers_bytes
      ? (JSON.parse(row.headers_bytes.toString('utf8')) as Record<string, string>)
      : row.headers,
    value: row.value,
  };
}
