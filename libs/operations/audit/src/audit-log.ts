import { setImmediate } from 'node:timers/promises';
import type { Database } from '@lienthong/database';
import type { ClientBase } from 'pg';
import type { AuditAnchorStore } from './audit-anchor';
import {
  ChainChecker,
  chainHash,
  GENESIS_HASH,
  type AuditEntry,
  type AuditRecord,
  type ChainVerdict,
} from './audit-chain';

interface AuditRow {
  id: string;
  at: string;
  actor: string;
  actor_token_id: string | null;
  role: string;
  action: string;
  target: string;
  parameters: Record<string, unknown>;
  result: string;
  detail: Record<string, unknown>;
  prev_hash: string;
  hash: string;
}

export interface AuditQuery {
  limit?: number;
  action?: string;
  actor?: string;
  target?: string;
}

/** Serializes appends across every console replica: each row needs the previous row's hash. */
const APPEND_LOCK = 0x6c74_6175; // "ltau"

/** `at` as the ISO text it was hashed as: much cheaper to read than a Date for every row of a verify. */
const COLUMNS = `id, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at, actor, actor_token_id, role, action,
  target, parameters, result, detail, prev_hash, hash`;

/** Rows per query of `verify`: its memory stays bounded however long the log grows. */
const VERIFY_PAGE = 5000;

/**
 * The append-only, hash-chained log of operator actions (`audit_log`), its head anchored outside the
 * database on every append.
 */
export class AuditLog {
  constructor(
    private readonly database: Database,
    private readonly key: string,
    private readonly anchor: AuditAnchorStore,
  ) {}

  async append(entry: AuditEntry): Promise<AuditRecord> {
    return this.database.transaction((client) => this.appendWithin(client, entry));
  }

  /**
   * Appends in the caller's transaction: the row exists only if that transaction commits, with
   * whatever else it wrote (an operator action and its record succeed or fail together).
   */
  async appendWithin(client: ClientBase, entry: AuditEntry): Promise<AuditRecord> {
    await client.query('SELECT pg_advisory_xact_lock($1)', [APPEND_LOCK]);
    const { rows } = await client.query<{ id: string; hash: string }>(
      'SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1',
    );
    const unhashed = {
      ...entry,
      id: rows.length > 0 ? Number(rows[0].id) + 1 : 1,
      at: new Date().toISOString(),
      prevHash: rows[0]?.hash ?? GENESIS_HASH,
    };
    const record = { ...unhashed, hash: chainHash(this.key, unhashed) };
    await client.query(
      `INSERT INTO audit_log (id, at, actor, role, action, target, parameters, result, detail, prev_hash, hash, actor_token_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [
        record.id,
        record.at,
        record.actor,
        record.role,
        record.action,
        record.target,
        JSON.stringify(record.parameters),
        record.result,
        JSON.stringify(record.detail),
        record.prevHash,
        record.hash,
        record.actorTokenId ?? null,
      ],
    );
    await this.anchor.publish({ id: record.id, hash: record.hash, prevHash: record.prevHash, at: record.at });
    return record;
  }

  /** The newest rows first. */
  async list(query: AuditQuery = {}): Promise<AuditRecord[]> {
    const rows = await this.database.query<AuditRow>(
      `SELECT ${COLUMNS} FROM audit_log
       WHERE ($1::text IS NULL OR action = $1) AND ($2::text IS NULL OR actor = $2) AND ($3::text IS NULL OR target = $3)
       ORDER BY id DESC LIMIT $4`,
      [query.action ?? null, query.actor ?? null, query.target ?? null, query.limit ?? 100],
    );
    return rows.map(toRecord);
  }

  /** Checks the chain of the whole log, read in pages by id, and its tail against the anchors read first. */
  async verify(): Promise<ChainVerdict> {
    const checker = new ChainChecker(this.key, await this.anchor.read());
    for await (const rows of this.pages()) {
      for (const [index, row] of rows.entries()) {
        checker.add(toRecord(row));
        // Hashing holds the thread; a pause now and then lets the next page arrive meanwhile.
        if (index % 1000 === 999) await setImmediate();
      }
    }
    return checker.verdict();
  }

  /** The whole log in id order, a page per query, the next one asked for before this one is checked. */
  private async *pages(): AsyncGenerator<AuditRow[]> {
    let next = this.page(null);
    for (;;) {
      const rows = await next;
      const full = rows.length === VERIFY_PAGE;
      if (full) next = this.page(rows[rows.length - 1].id);
      yield rows;
      if (!full) return;
    }
  }

  private page(after: string | null): Promise<AuditRow[]> {
    return this.database.query<AuditRow>(
      `SELECT ${COLUMNS} FROM audit_log WHERE $1::bigint IS NULL OR id > $1 ORDER BY id LIMIT $2`,
      [after, VERIFY_PAGE],
    );
  }
}

function toRecord(row: AuditRow): AuditRecord {
  return {
    id: Number(row.id),
    at: row.at,
    actor: row.actor,
    ...(row.actor_token_id === null ? {} : { actorTokenId: row.actor_token_id }),
    role: row.role,
    action: row.action,
    target: row.target,
    parameters: row.parameters,
    result: row.result,
    detail: row.detail,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}
