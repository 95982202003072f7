import type { Database } from '@lienthong/database';

/**
 * What others read of the delivery ledger and the targets' dossier state, tables this lib writes: the
 * console's trace and status, the portal's reconciliation and the KPI read model ask here, not in SQL
 * of their own.
 */

/** One event's delivery outcome at one connector. */
export interface LedgerDelivery {
  connector: string;
  sourceSystem: string;
  sourceEventId: string;
  sequence: number;
  status: number | null;
  outcome: 'delivered' | 'skipped_stale' | 'failed';
  attempts: number;
  answer: unknown;
  deliveredAt: Date;
}

/** The latest state of a dossier at one target: what was sent last, and whether the target created it. */
export interface TargetDossierState {
  connector: string;
  dossierCode: string;
  lastSequence: number;
  status: number | null;
  created: boolean;
  record: unknown;
  updatedAt: Date;
}

/** How many events of a connector ended with one outcome, in all and in the last minutes asked. */
export interface OutcomeCount {
  outcome: LedgerDelivery['outcome'];
  total: number;
  recent: number;
}

/** Every delivery outcome of one dossier, at every connector. */
export async function deliveriesOf(database: Database, dossierCode: string): Promise<LedgerDelivery[]> {
  const rows = await database.query<{
    connector: string;
    source_system: string;
    source_event_id: string;
    sequence: string;
    status: number | null;
    outcome: LedgerDelivery['outcome'];
    attempts: number;
    answer: unknown;
    delivered_at: Date;
  }>(
    `SELECT connector, source_system, source_event_id, sequence, status, outcome, attempts, answer, delivered_at
     FROM delivery_ledger WHERE dossier_code = $1`,
    [dossierCode],
  );
  return rows.map((row) => ({
    connector: row.connector,
    sourceSystem: row.source_system,
    sourceEventId: row.source_event_id,
    sequence: Number(row.sequence),
    status: row.status,
    outcome: row.outcome,
    attempts: row.attempts,
    answer: row.answer,
    deliveredAt: row.delivered_at,
  }));
}

/** A connector's outcomes counted, in all and over the last `recentMinutes`. */
export async function deliveryOutcomeCounts(
  database: Database,
  connector: string,
  recentMinutes: number,
): Promise<OutcomeCount[]> {
  const rows = await database.query<{ outcome: OutcomeCount['outcome']; total: string; recent: string }>(
    `SELECT outcome, count(*) AS total,
       count(*) FILTER (WHERE delivered_at > now() - make_interval(mins => $2)) AS recent
     FROM delivery_ledger WHERE connector = $1 GROUP BY outcome`,
    [connector, recentMinutes],
  );
  return rows.map((row) => ({ outcome: row.outcome, total: Number(row.total), recent: Number(row.recent) }));
}

const TARGET_STATE = `connector, dossier_code, last_sequence, status, created, record, updated_at`;

interface TargetStateRow {
  connector: string;
  dossier_code: string;
  last_sequence: string;
  status: number | null;
  created: boolean;
  record: unknown;
  updated_at: Date;
}

const toTargetState = (row: TargetStateRow): TargetDossierState => ({
  connector: row.connector,
  dossierCode: row.dossier_code,
  lastSequence: Number(row.last_sequence),
  status: row.status,
  created: row.created,
  record: row.record,
  updatedAt: row.updated_at,
});

/** One dossier's state at every target, by connector name. */
export async function targetStatesOf(database: Database, dossierCode: string): Promise<TargetDossierState[]> {
  const rows = await database.query<TargetStateRow>(
    `SELECT ${TARGET_STATE} FROM target_dossier_state WHERE dossier_code = $1 ORDER BY connector`,
    [dossierCode],
  );
  return rows.map(toTargetState);
}

/** The dossiers one target created, changed since `since` when given, by dossier code. */
export async function createdAtTarget(
  database: Database,
  connector: string,
  since?: Date,
): Promise<TargetDossierState[]> {
  const rows = await database.query<TargetStateRow>(
    `SELECT ${TARGET_STATE} FROM target_dossier_state
     WHERE connector = $1 AND created AND ($2::timestamptz IS NULL OR updated_at >= $2)
     ORDER BY dossier_code`,
    [connector, since ?? null],
  );
  return rows.map(toTargetState);
}

/** What one target was last sent for a dossier: only the record fields asked for. */
export interface SentFields {
  created: boolean;
  status: number | null;
  fields: Record<string, unknown>;
}

/** What one target was last sent for a dossier, with when that state was written. */
export interface SentFieldsAt extends SentFields {
  dossierCode: string;
  /** Its `updated_at` as PostgreSQL writes it (microseconds, which a Date would lose): a cursor that resumes exactly. */
  updatedAt: string;
}

interface SentFieldsRow {
  dossier_code: string;
  created: boolean;
  status: number | null;
  fields: Record<string, unknown> | null;
  updated_at: string;
}

/** One jsonb_build_object of the fields asked for, each a parameter from `first` on: no per-row subquery. */
const sentColumns = (fields: string[], first: number) =>
  `dossier_code, created, status, updated_at::text AS updated_at,
   jsonb_build_object(${fields.map((_, i) => `$${i + first}::text, record -> $${i + first}::text`).join(', ')}) AS fields`;

const toSentFieldsAt = (row: SentFieldsRow): SentFieldsAt => ({
  dossierCode: row.dossier_code,
  created: row.created,
  status: row.status,
  fields: row.fields ?? {},
  updatedAt: row.updated_at,
});

/** For these dossiers, what one target was last sent (the named record fields) and whether it created them. */
export async function sentFieldsAmong(
  database: Database,
  connector: string,
  dossierCodes: string[],
  fields: string[],
): Promise<Map<string, SentFieldsAt>> {
  if (dossierCodes.length === 0) return new Map();
  const rows = await database.query<SentFieldsRow>(
    `SELECT ${sentColumns(fields, 3)}
     FROM target_dossier_state WHERE connector = $1 AND dossier_code = ANY($2::text[])`,
    [connector, dossierCodes, ...fields],
  );
  return new Map(rows.map((row) => [row.dossier_code, toSentFieldsAt(row)]));
}

/**
 * A page of what one target was last sent (the named record fields), of the dossiers whose state was
 * written at `since` or later, oldest first; the next page starts after the last one's (updatedAt, dossierCode).
 */
export async function sentFieldsChangedSince(
  database: Database,
  connector: string,
  since: { at: string; after: string },
  fields: string[],
  limit: number,
): Promise<SentFieldsAt[]> {
  const rows = await database.query<SentFieldsRow>(
    `SELECT ${sentColumns(fields, 5)}
     FROM target_dossier_state WHERE connector = $1 AND (updated_at, dossier_code) > ($2::timestamptz, $3)
     ORDER BY updated_at, dossier_code LIMIT $4`,
    [connector, since.at, since.after, limit, ...fields],
  );
  return rows.map(toSentFieldsAt);
}
