import { Database } from '@lienthong/database';
import { Injectable } from '@nestjs/common';
import type { DeadLetterFilter, DeadLetterQuery } from './dead-letter.dto';

export interface DeadLetterSummary {
  id: number;
  stage: string;
  reason: string;
  message: string;
  sourceSystem: string | null;
  dossierCode: string | null;
  topic: string;
  partition: number;
  offset: string;
  failedAt: string;
  replayedAt: string | null;
  replayId: string | null;
  /** Kept past DLQ_RETENTION_DAYS while true. */
  held: boolean;
}

export interface DeadLetterDetail extends DeadLetterSummary {
  key: string | null;
  sourceTopic: string | null;
  sourcePartition: number | null;
  sourceOffset: string | null;
  headers: Record<string, string>;
  value: Buffer;
}

interface Row {
  id: string;
  stage: string;
  reason: string;
  message: string;
  source_system: string | null;
  dossier_code: string | null;
  topic: string;
  partition: number;
  offset: string;
  failed_at: Date;
  replayed_at: Date | null;
  replay_id: string | null;
  held: boolean;
  key?: string | null;
  source_topic?: string | null;
  source_partition?: number | null;
  source_offset?: string | null;
  headers?: Record<string, string>;
  value?: Buffer;
}

const SUMMARY = `id, stage, reason, message, source_system, dossier_code, topic, partition, "offset", failed_at, replayed_at, replay_id, held`;

/** The console's index of dead letters (`dead_letters`), filled by the trail indexer. */
@Injectable()
export class DeadLetterIndex {
  constructor(private readonly database: Database) {}

  async list(query: DeadLetterQuery): Promise<DeadLetterSummary[]> {
    const { where, params } = conditions(query);
    if (query.before) {
      params.push(query.before);
      where.push(`id < $${params.length}`);
    }
    params.push(query.limit ?? 100);
    const rows = await this.database.query<Row>(
      `SELECT ${SUMMARY} FROM dead_letters ${whereClause(where)} ORDER BY id DESC LIMIT $${params.length}`,
      params,
    );
    return rows.map(toSummary);
  }

  /** Ids of every dead letter matching the filter, oldest first (the order they are replayed in). */
  async matchingIds(filter: DeadLetterFilter, limit: number): Promise<number[]> {
    const { where, params } = conditions(filter);
    params.push(limit);
    const rows = await this.database.query<{ id: string }>(
      `SELECT id FROM dead_letters ${whereClause(where)} ORDER BY id LIMIT $${params.length}`,
      params,
    );
    return rows.map((row) => Number(row.id));
  }

  async get(ids: number[]): Promise<DeadLetterDetail[]> {
    const rows = await this.database.query<Row>(
      'SELECT * FROM dead_letters WHERE id = ANY($1::bigint[]) ORDER BY id',
      [ids],
    );
    return rows.map((row) => ({
      ...toSummary(row),
      key: row.key ?? null,
      sourceTopic: row.source_topic ?? null,
      sourcePartition: row.source_partition ?? null,
      sourceOffset: row.source_offset ?? null,
      headers: row.headers ?? {},
      value: row.value ?? Buffer.alloc(0),
    }));
  }

  /** Whether the dead letter exists. */
  async setHeld(id: number, held: boolean): Promise<boolean> {
    const rows = await this.database.query('UPDATE dead_letters SET held = $2 WHERE id = $1 RETURNING id', [
      id,
      held,
    ]);
    return rows.length > 0;
  }

  /** Counts per stage: all, and those of the last `recentMinutes`. */
  async countsByStage(recentMinutes: number): Promise<Map<string, { total: number; recent: number }>> {
    const rows = await this.database.query<{ stage: string; total: string; recent: string }>(
      `SELECT stage, count(*) AS total,
         count(*) FILTER (WHERE failed_at > now() - make_interval(mins => $1)) AS recent
       FROM dead_letters GROUP BY stage`,
      [recentMinutes],
    );
    return new Map(rows.map((row) => [row.stage, { total: Number(row.total), recent: Number(row.recent) }]));
  }
}

function conditions(filter: DeadLetterFilter): { where: string[]; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    where.push(sql.replace('?', `$${params.length}`));
  };
  if (filter.stage) add('stage = ?', filter.stage);
  if (filter.connector) add('stage = ?', filter.connector);
  if (filter.reason) add('reason = ?', filter.reason);
  if (filter.source) add('source_system = ?', filter.source);
  if (filter.dossierCode) add('dossier_code = ?', filter.dossierCode);
  if (filter.from) add('failed_at >= ?', filter.from);
  if (filter.to) add('failed_at < ?', filter.to);
  if (filter.replayed !== undefined)
    where.push(filter.replayed ? 'replayed_at IS NOT NULL' : 'replayed_at IS NULL');
  return { where, params };
}

const whereClause = (where: string[]) => (where.length > 0 ? `WHERE ${where.join(' AND ')}` : '');

function toSummary(row: Row): DeadLetterSummary {
  return {
    id: Number(row.id),
    stage: row.stage,
    reason: row.reason,
    message: row.message,
    sourceSystem: row.source_system,
    dossierCode: row.dossier_code,
    topic: row.topic,
    partition: row.partition,
    offset: String(row.offset),
    failedAt: row.failed_at.toISOString(),
    replayedAt: row.replayed_at?.toISOString() ?? null,
    replayId: row.replay_id,
    held: row.held,
  };
}
