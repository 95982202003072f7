import type { Database } from '@lienthong/database';
import type { PoolClient } from 'pg';
import { endTime, type DossierFacts, type RatingLevel } from './dossier-facts';
import { splitPeriod } from './period';
import {
  COUNTER_NAMES,
  contribution,
  countersOf,
  judgedAtQueryTime,
  localDay,
  type DailyCounters,
  type ProcedureCounters,
  zeroCounters,
} from './period-counts';

/** Column of kpi_daily for each counter. */
const COLUMNS: Record<keyof DailyCounters, string> = {
  received: 'received',
  onTimeFinal: 'on_time_final',
  online: 'online',
  withFees: 'with_fees',
  paidOnline: 'paid_online',
  digitized: 'digitized',
  reused: 'reused',
  fromWarehouse: 'from_warehouse',
  settled: 'settled',
  eResult: 'e_result',
  populationData: 'population_data',
  rated: 'rated',
  notSatisfied: 'not_satisfied',
  synced: 'synced',
};

interface DossierRow {
  dossier_code: string;
  agency_code: string;
  procedure_code: string;
  received_at: Date;
  due_at: Date | null;
  processed_at: Date | null;
  returned_at: Date | null;
  closed_at: Date | null;
  status: number;
  last_sequence: string;
  channel: number;
  supplement_ms: string;
  supplement_since: Date | null;
  supplement_entries: number;
  supplement_requests: number;
  has_fees: boolean;
  paid_online: boolean;
  digitized: boolean;
  reused: boolean;
  from_warehouse: boolean;
  e_result: boolean;
  population_data: boolean;
  vneid_verified: boolean;
  population_checked: boolean;
  rating: RatingLevel | null;
  portal_synced: boolean;
  applicant_masked: string | null;
}

const FACT_COLUMNS = `dossier_code, agency_code, procedure_code, received_at, due_at, processed_at, returned_at,
  closed_at, status, last_sequence, channel, supplement_ms, supplement_since, supplement_entries,
  supplement_requests, has_fees, paid_online, digitized, reused, from_warehouse, e_result, population_data,
  vneid_verified, population_checked, rating, portal_synced, applicant_masked`;

const ms = (date: Date | null) => (date ? date.getTime() : null);
const iso = (epochMs: number | null) => (epochMs === null ? null : new Date(epochMs).toISOString());

function toFacts(row: DossierRow): DossierFacts {
  return {
    dossierCode: row.dossier_code,
    agencyCode: row.agency_code,
    procedureCode: row.procedure_code,
    channel: row.channel,
    status: row.status,
    lastSequence: Number(row.last_sequence),
    receivedAt: row.received_at.getTime(),
    dueAt: ms(row.due_at),
    processedAt: ms(row.processed_at),
    returnedAt: ms(row.returned_at),
    closedAt: ms(row.closed_at),
    supplementMs: Number(row.supplement_ms),
    supplementSince: ms(row.supplement_since),
    supplementEntries: row.supplement_entries,
    supplementRequests: row.supplement_requests,
    hasFees: row.has_fees,
    paidOnline: row.paid_online,
    digitized: row.digitized,
    reused: row.reused,
    fromWarehouse: row.from_warehouse,
    eResult: row.e_result,
    populationData: row.population_data,
    vneidVerified: row.vneid_verified,
    populationChecked: row.population_checked,
    rating: row.rating,
    portalSynced: row.portal_synced,
    applicantMasked: row.applicant_masked,
  };
}

function toRow(facts: DossierFacts) {
  return {
    dossier_code: facts.dossierCode,
    agency_code: facts.agencyCode,
    procedure_code: facts.procedureCode,
    received_day: localDay(facts.receivedAt),
    received_at: iso(facts.receivedAt),
    due_at: iso(facts.dueAt),
    end_at: iso(endTime(facts)),
    processed_at: iso(facts.processedAt),
    returned_at: iso(facts.returnedAt),
    closed_at: iso(facts.closedAt),
    status: facts.status,
    last_sequence: facts.lastSequence,
    channel: facts.channel,
    supplement_ms: facts.supplementMs,
    supplement_since: iso(facts.supplementSince),
    supplement_entries: facts.supplementEntries,
    supplement_requests: facts.supplementRequests,
    has_fees: facts.hasFees,
    paid_online: facts.paidOnline,
    digitized: facts.digitized,
    reused: facts.reused,
    from_warehouse: facts.fromWarehouse,
    e_result: facts.eResult,
    population_data: facts.populationData,
    vneid_verified: facts.vneidVerified,
    population_checked: facts.populationChecked,
    rating: facts.rating,
    on_time_final: !judgedAtQueryTime(facts),
    portal_synced: facts.portalSynced,
    applicant_masked: facts.applicantMasked,
  };
}

type DeltaKey = `${string}|${string}|${string}`;

/** What a batch changed in kpi_daily: each dossier's new share less its old one. */
export function dailyDeltas(changes: { before?: DossierFacts; after: DossierFacts }[]) {
  const deltas = new Map<DeltaKey, DailyCounters>();
  const add = (facts: DossierFacts, sign: 1 | -1) => {
    const key: DeltaKey = `${localDay(facts.receivedAt)}|${facts.agencyCode}|${facts.procedureCode}`;
    const share = contribution(facts);
    const delta = deltas.get(key) ?? zeroCounters();
    for (const name of COUNTER_NAMES) delta[name] += sign * share[name];
    deltas.set(key, delta);
  };
  for (const { before, after } of changes) {
    if (before) add(before, -1);
    add(after, 1);
  }
  // Sorted, so concurrent batches lock the rows they share in one order (no deadlock).
  return [...deltas]
    .filter(([, delta]) => COUNTER_NAMES.some((name) => delta[name] !== 0))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, delta]) => {
      const [day, agencyCode, procedureCode] = key.split('|');
      return { day, agencyCode, procedureCode, delta };
    });
}

export interface OpenDossier {
  dossierCode: string;
  /** Masked: `V** T*** C**`. */
  applicant: string | null;
  procedureCode: string;
  status: number;
  receivedAt: string;
  dueAt: string | null;
  facts: DossierFacts;
}

/** Deltas summed under a coarser key (a month, or no procedure), in key order. */
function merged(
  deltas: ReturnType<typeof dailyDeltas>,
  coarser: (delta: ReturnType<typeof dailyDeltas>[number]) => ReturnType<typeof dailyDeltas>[number],
): ReturnType<typeof dailyDeltas> {
  const sums = new Map<string, ReturnType<typeof dailyDeltas>[number]>();
  for (const delta of deltas) {
    const key = coarser(delta);
    const id = `${key.day}|${key.agencyCode}|${key.procedureCode}`;
    const sum = sums.get(id) ?? { ...key, delta: zeroCounters() };
    for (const name of COUNTER_NAMES) sum.delta[name] += delta.delta[name];
    sums.set(id, sum);
  }
  return [...sums].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, sum]) => sum);
}

/** The read model's SQL: the projection's writes and the dashboard's reads. */
export class KpiStore {
  constructor(private readonly database: Database) {}

  transaction<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    return this.database.transaction(work);
  }

  /**
   * Serializes the transactions that touch these dossiers (a dossier's events and its population check
   * come from different topics, so from different batches), in one order so none waits on another.
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
   * Marks the dossiers the national portal now holds (the portal connector's `target_dossier_state`)
   * and counts them in the sums. Returns how many were marked.
   */
  async markPortalSynced(): Promise<number> {
    const rows = await this.database.query<{ marked: string }>(
      `WITH held AS (
         SELECT d.dossier_code FROM kpi_dossiers d
         JOIN target_dossier_state t ON t.connector = 'national-portal' AND t.dossier_code = d.dossier_code AND t.created
         WHERE NOT d.portal_synced ORDER BY d.dossier_code FOR UPDATE OF d
       ), marked AS (
         UPDATE kpi_dossiers d SET portal_synced = true FROM held
         WHERE d.dossier_code = held.dossier_code AND NOT d.portal_synced
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
    );
    return Number(rows[0].marked);
  }

  /**
   * Sums per agency and procedure over [from, to] (local days): whole months from kpi_monthly, the
   * edge days from kpi_daily. A procedure may come twice (months and days); `periodCounts` adds them up.
   */
  async sums(from: string, to: string, agencyCode?: string): Promise<Map<string, ProcedureCounters[]>> {
    const { months, days } = splitPeriod(from, to);
    const select = (table: string, period: string) =>
      `SELECT agency_code, procedure_code,
       ${COUNTER_NAMES.map((name) => `sum(${COLUMNS[name]})::int AS "${name}"`).join(', ')}
       FROM ${table} WHERE ${period} BETWEEN $1 AND $2 AND ($3::text IS NULL OR agency_code = $3)
       GROUP BY agency_code, procedure_code`;
    const parts = await Promise.all([
      ...(months
        ? [
            this.database.query<Record<string, string>>(select('kpi_monthly', 'month'), [
              ...months,
              agencyCode ?? null,
            ]),
          ]
        : []),
      ...days.map((range) =>
        this.database.query<Record<string, string>>(select('kpi_daily', 'day'), [
          ...range,
          agencyCode ?? null,
        ]),
      ),
    ]);
    const byAgency = new Map<string, ProcedureCounters[]>();
    for (const row of parts.flat()) {
      const list = byAgency.get(row.agency_code) ?? [];
      list.push({ ...countersOf(row), procedureCode: row.procedure_code });
      byAgency.set(row.agency_code, list);
    }
    return byAgency;
  }

  /**
   * The dossiers received in [from, to] that were still open at `judgeAt`, unless finished on time (on
   * time at any period end): the only ones judged at query time. One finished late by then is overdue,
   * whatever else: it needs no judging.
   */
  async judged(from: string, to: string, judgeAt: number, agencyCode?: string): Promise<DossierFacts[]> {
    const rows = await this.database.query<DossierRow>(
      `SELECT ${FACT_COLUMNS} FROM kpi_dossiers
       WHERE NOT on_time_final AND received_day BETWEEN $1 AND $2 AND ($3::text IS NULL OR agency_code = $3)
         AND (end_at IS NULL OR end_at > $4)`,
      [from, to, agencyCode ?? null, new Date(judgeAt).toISOString()],
    );
    return rows.map(toFacts);
  }

  /** One agency's unfinished dossiers that are past their due date or asked for more than one supplement. */
  async openPastDue(agencyCode: string, now: number, limit: number): Promise<OpenDossier[]> {
    const rows = await this.database.query<DossierRow>(
      `SELECT ${FACT_COLUMNS} FROM kpi_dossiers
       WHERE agency_code = $1 AND end_at IS NULL
         AND (due_at < $2 OR greatest(supplement_entries, supplement_requests) > 1)
       ORDER BY due_at NULLS LAST LIMIT $3`,
      [agencyCode, new Date(now).toISOString(), limit],
    );
    return rows.map((row) => ({
      dossierCode: row.dossier_code,
      applicant: row.applicant_masked,
      procedureCode: row.procedure_code,
      status: row.status,
      receivedAt: row.received_at.toISOString(),
      dueAt: row.due_at?.toISOString() ?? null,
      facts: toFacts(row),
    }));
  }

  /** Per day received: the sums of [from, to], for one agency or the city. */
  async daily(from: string, to: string, agencyCode?: string): Promise<(DailyCounters & { day: string })[]> {
    const rows = await this.database.query<Record<string, string>>(
      `SELECT to_char(day, 'YYYY-MM-DD') AS day,
       ${COUNTER_NAMES.map((name) => `sum(${COLUMNS[name]})::int AS "${name}"`).join(', ')}
       FROM kpi_agency_daily WHERE day BETWEEN $1 AND $2 AND ($3::text IS NULL OR agency_code = $3)
       GROUP BY day ORDER BY day`,
      [from, to, agencyCode ?? null],
    );
    return rows.map((row) => ({
      day: row.day,
      ...countersOf(row),
    }));
  }

  async agencyNames(): Promise<Map<string, string | null>> {
    const rows = await this.database.query<{ agency_code: string; name: string | null }>(
      'SELECT agency_code, name FROM kpi_agencies',
    );
    return new Map(rows.map((row) => [row.agency_code, row.name]));
  }

  /** The projection's progress marker: changes with every projected batch. */
  async progress(): Promise<{ version: number; events: number; updatedAt: string }> {
    const [row] = await this.database.query<{ version: string; events: string; updated_at: Date }>(
      'SELECT version, events, updated_at FROM kpi_projection_progress WHERE id = 1',
    );
    return {
      version: Number(row.version),
      events: Number(row.events),
      updatedAt: row.updated_at.toISOString(),
    };
  }
}
