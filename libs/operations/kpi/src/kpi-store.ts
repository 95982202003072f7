import type { Database } from '@lienthong/database';
import type { PoolClient } from 'pg';
import { dailyDeltas, merged } from './daily-deltas';
import type { DossierFacts } from './dossier-facts';
import { COLUMNS, FACT_COLUMNS, toFacts, toRow, type DossierRow } from './dossier-rows';
import { PortalFactsWriter, type PortalWatermark } from './national/portal-facts';
import { COUNTER_NAMES } from './period-counts';

/** Not yet synced dossiers asked about at once: one statement's array stays small, however many wait. */
const SYNC_MARK_PAGE = 5000;

/** The read model's writes: what the projection folds in, in its transactions. */
export class KpiStore {
  private readonly portalFacts: PortalFactsWriter;
  /** How far this replica followed the portal connector's writes into kpi_dossiers.portal_*. */
  private portalFollowed: PortalWatermark | undefined;

  constructor(private readonly database: Database) {
    this.portalFacts = new PortalFactsWriter(database);
  }

  transaction<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    return this.database.transaction(work);
  }

  /**
   * Serializes the transactions that touch these dossiers (a dossier's events, its population check and
   * its payments come from different topics, so from different batches), in one order so none waits on another.
   */
  async lockDossiers(client: PoolClient, codes: string[]): Promise<void> {
    if (codes.length === 0) return;
    await client.query(
      `SELECT pg_advisory_xact_lock(hashtext('kpi:' || code)) FROM unnest($1::text[]) AS code ORDER BY code`,
      [[...codes].sort()],
    );
  }

  /** Keeps each dossier's newest population check; answers the newest check of each of these dossiers. */
  async recordChecks(
    client: PoolClient,
    checks: { dossierCode: string; verified: boolean; checkedAt: string }[],
    codes: string[],
  ): Promise<Map<string, boolean>> {
    if (checks.length > 0) {
      const newest = new Map<string, (typeof checks)[number]>();
      for (const check of checks) {
        const seen = newest.get(check.dossierCode);
        if (!seen || Date.parse(check.checkedAt) >= Date.parse(seen.checkedAt))
          newest.set(check.dossierCode, check);
      }
      const rows = [...newest.values()].sort((a, b) => (a.dossierCode < b.dossierCode ? -1 : 1));
      await client.query(
        `INSERT INTO kpi_population_checks (dossier_code, verified, checked_at)
         SELECT * FROM unnest($1::text[], $2::boolean[], $3::timestamptz[])
         ON CONFLICT (dossier_code) DO UPDATE SET verified = EXCLUDED.verified, checked_at = EXCLUDED.checked_at
         WHERE kpi_population_checks.checked_at <= EXCLUDED.checked_at`,
        [
          rows.map((row) => row.dossierCode),
          rows.map((row) => row.verified),
          rows.map((row) => row.checkedAt),
        ],
      );
    }
    if (codes.length === 0) return new Map();
    const { rows } = await client.query<{ dossier_code: string; verified: boolean }>(
      'SELECT dossier_code, verified FROM kpi_population_checks WHERE dossier_code = ANY($1::text[])',
      [codes],
    );
    return new Map(rows.map((row) => [row.dossier_code, row.verified]));
  }

  /**
   * Keeps each dossier's first confirmation by the national payment platform (payment.v1, paid on the
   * national channel; a copy or a later one adds nothing); answers which of these dossiers have one.
   */
  async recordPayments(
    client: PoolClient,
    confirmations: { dossierCode: string; at: string }[],
    codes: string[],
  ): Promise<Set<string>> {
    if (confirmations.length > 0) {
      const first = new Map<string, string>();
      for (const { dossierCode, at } of confirmations)
        if (!first.has(dossierCode)) first.set(dossierCode, at);
      const rows = [...first].sort(([a], [b]) => (a < b ? -1 : 1));
      await client.query(
        `INSERT INTO kpi_payment_confirmations (dossier_code, paid_at)
         SELECT * FROM unnest($1::text[], $2::timestamptz[])
         ON CONFLICT (dossier_code) DO NOTHING`,
        [rows.map(([code]) => code), rows.map(([, at]) => at)],
      );
    }
    if (codes.length === 0) return new Set();
    const { rows } = await client.query<{ dossier_code: string }>(
      'SELECT dossier_code FROM kpi_payment_confirmations WHERE dossier_code = ANY($1::text[])',
      [codes],
    );
    return new Set(rows.map((row) => row.dossier_code));
  }

  /** The facts of these dossiers, locked until the transaction ends. */
  async lockFacts(client: PoolClient, codes: string[]): Promise<Map<string, DossierFacts>> {
    const { rows } = await client.query<DossierRow>(
      `SELECT ${FACT_COLUMNS} FROM kpi_dossiers WHERE dossier_code = ANY($1::text[])
       ORDER BY dossier_code FOR UPDATE`,
      [codes],
    );
    return new Map(rows.map((row) => [row.dossier_code, toFacts(row)]));
  }

  /** Writes a batch's dossiers, their share of the sums, the agencies' names and the progress marker. */
  async write(
    client: PoolClient,
    changes: { before?: DossierFacts; after: DossierFacts }[],
    agencies: Map<string, string | null>,
    events: number,
  ): Promise<void> {
    if (changes.length > 0) {
      const rows = changes
        .map(({ after }) => toRow(after))
        .sort((a, b) => (a.dossier_code < b.dossier_code ? -1 : 1));
      const updates = Object.keys(rows[0])
        .filter((column) => column !== 'dossier_code')
        .map((column) => `${column} = EXCLUDED.${column}`)
        .join(', ');
      await client.query(
        `INSERT INTO kpi_dossiers SELECT * FROM json_populate_recordset(NULL::kpi_dossiers, $1)
         ON CONFLICT (dossier_code) DO UPDATE SET ${updates}, updated_at = now()`,
        [JSON.stringify(rows.map((row) => ({ ...row, updated_at: new Date().toISOString() })))],
      );
      await this.addToDaily(client, dailyDeltas(changes));
    }
    const named = [...agencies].filter(([, name]) => name).sort(([a], [b]) => (a < b ? -1 : 1));
    if (named.length > 0) {
      await client.query(
        `INSERT INTO kpi_agencies (agency_code, name) SELECT * FROM unnest($1::text[], $2::text[])
         ON CONFLICT (agency_code) DO UPDATE SET name = EXCLUDED.name WHERE kpi_agencies.name IS DISTINCT FROM EXCLUDED.name`,
        [named.map(([code]) => code), named.map(([, name]) => name)],
      );
    }
    await client.query(
      `UPDATE kpi_projection_progress SET version = version + 1, events = events + $1, updated_at = now()`,
      [events],
    );
  }

  /** Adds the deltas to the daily sums, and merged to the monthly and the per-agency daily ones. */
  private async addToDaily(client: PoolClient, deltas: ReturnType<typeof dailyDeltas>): Promise<void> {
    if (deltas.length === 0) return;
    await this.addTo(client, 'kpi_daily', ['day', 'agency_code', 'procedure_code'], deltas);
    await this.addTo(
      client,
      'kpi_monthly',
      ['month', 'agency_code', 'procedure_code'],
      merged(deltas, (d) => ({ ...d, day: `${d.day.slice(0, 7)}-01` })),
    );
    await this.addTo(
      client,
      'kpi_agency_daily',
      ['day', 'agency_code'],
      merged(deltas, (d) => ({ ...d, procedureCode: '' })),
    );
  }

  private async addTo(
    client: PoolClient,
    table: 'kpi_daily' | 'kpi_monthly' | 'kpi_agency_daily',
    keys: string[],
    deltas: ReturnType<typeof dailyDeltas>,
  ): Promise<void> {
    const columns = COUNTER_NAMES.map((name) => COLUMNS[name]);
    const keyArrays = [
      deltas.map((d) => d.day),
      deltas.map((d) => d.agencyCode),
      deltas.map((d) => d.procedureCode),
    ].slice(0, keys.length);
    const types = ['date', 'text', 'text'].slice(0, keys.length);
    await client.query(
      `INSERT INTO ${table} (${keys.join(', ')}, ${columns.join(', ')})
       SELECT * FROM unnest(${[...types, ...columns.map(() => 'int')].map((type, i) => `$${i + 1}::${type}[]`).join(', ')})
       ON CONFLICT (${keys.join(', ')}) DO UPDATE SET
       ${columns.map((column) => `${column} = ${table}.${column} + EXCLUDED.${column}`).join(', ')}`,
      [...keyArrays, ...COUNTER_NAMES.map((name) => deltas.map((d) => d.delta[name]))],
    );
  }

  /**
   * Marks the dossiers the national portal now holds (the portal connector's target state) and counts
   * them in the sums, a page of not yet marked dossiers at a time; on the way, keeps what the connector
   * last sent of each dossier (kpi_dossiers.portal_*): of the unmarked ones, and of every dossier the
   * connector wrote since the last run. Returns how many were marked.
   */
  async markPortalSynced(): Promise<number> {
    let marked = 0;
    for (let after = ''; ;) {
      const page = await this.database.query<{ dossier_code: string }>(
        `SELECT dossier_code FROM kpi_dossiers WHERE NOT portal_synced AND dossier_code > $1
         ORDER BY dossier_code LIMIT $2`,
        [after, SYNC_MARK_PAGE],
      );
      if (page.length === 0) break;
      after = page[page.length - 1].dossier_code;
      const sent = await this.portalFacts.among(page.map((row) => row.dossier_code));
      const held = [...sent.values()].filter((one) => one.created).map((one) => one.dossierCode);
      if (held.length > 0) marked += await this.markSynced(held);
    }
    this.portalFollowed = await this.portalFacts.changedSince(
      this.portalFollowed ?? (await this.portalFacts.newest()),
    );
    return marked;
  }

  /** Marks these dossiers synced, unless marked already (by a concurrent run), and adds them to the sums. */
  private async markSynced(codes: string[]): Promise<number> {
    const rows = await this.database.query<{ marked: string }>(
      `WITH marked AS (
         UPDATE kpi_dossiers d SET portal_synced = true
         WHERE d.dossier_code = ANY($1::text[]) AND NOT d.portal_synced
         RETURNING d.received_day, d.agency_code, d.procedure_code
       ), counted AS (
         INSERT INTO kpi_daily (day, agency_code, procedure_code, synced)
         SELECT received_day, agency_code, procedure_code, count(*) FROM marked GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
         ON CONFLICT (day, agency_code, procedure_code) DO UPDATE SET synced = kpi_daily.synced + EXCLUDED.synced
       ), counted_agency_daily AS (
         INSERT INTO kpi_agency_daily (day, agency_code, synced)
         SELECT received_day, agency_code, count(*) FROM marked GROUP BY 1, 2 ORDER BY 1, 2
         ON CONFLICT (day, agency_code) DO UPDATE SET synced = kpi_agency_daily.synced + EXCLUDED.synced
       ), counted_monthly AS (
         INSERT INTO kpi_monthly (month, agency_code, procedure_code, synced)
         SELECT date_trunc('month', received_day)::date, agency_code, procedure_code, count(*) FROM marked
         GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
         ON CONFLICT (month, agency_code, procedure_code) DO UPDATE SET synced = kpi_monthly.synced + EXCLUDED.synced
       )
       SELECT count(*) AS marked FROM marked`,
      [codes],
    );
    return Number(rows[0].marked);
  }
}
