import { endTime, isFinishedOnTime, type DossierFacts } from './dossier-facts';

/**
 * One dossier's share of the per agency × day × procedure aggregates (`kpi_daily`), keyed by the day it
 * was received. Only facts that do not depend on the period's end are aggregated; a dossier open or
 * late is judged at query time (`isOnTime`), everything else is a sum.
 */
export interface DailyCounters {
  received: number;
  /** Finished on time: on time at any period end (a dossier later finished on time was within time before). */
  onTimeFinal: number;
  online: number;
  withFees: number;
  paidOnline: number;
  digitized: number;
  reused: number;
  fromWarehouse: number;
  settled: number;
  eResult: number;
  populationData: number;
  rated: number;
  notSatisfied: number;
  synced: number;
}

export const COUNTER_NAMES = [
  'received',
  'onTimeFinal',
  'online',
  'withFees',
  'paidOnline',
  'digitized',
  'reused',
  'fromWarehouse',
  'settled',
  'eResult',
  'populationData',
  'rated',
  'notSatisfied',
  'synced',
] as const satisfies readonly (keyof DailyCounters)[];

const flag = (value: boolean) => (value ? 1 : 0);

export function zeroCounters(): DailyCounters {
  const counters = {} as DailyCounters;
  for (const name of COUNTER_NAMES) counters[name] = 0;
  return counters;
}

/** Counters read from a row whose columns are named like the counters. */
export function countersOf(row: Record<string, unknown>): DailyCounters {
  const counters = zeroCounters();
  for (const name of COUNTER_NAMES) counters[name] = Number(row[name] ?? 0);
  return counters;
}

export function contribution(facts: DossierFacts): DailyCounters {
  const settled = facts.processedAt !== null || facts.returnedAt !== null;
  return {
    received: 1,
    onTimeFinal: flag(isFinishedOnTime(facts)),
    online: flag(facts.channel === 2),
    withFees: flag(facts.hasFees),
    paidOnline: flag(facts.hasFees && facts.paidOnline),
    digitized: flag(facts.digitized),
    reused: flag(facts.reused),
    fromWarehouse: flag(facts.fromWarehouse),
    settled: flag(settled),
    eResult: flag(settled && facts.eResult),
    populationData: flag(facts.populationData),
    rated: flag(facts.rating !== null),
    notSatisfied: flag(facts.rating === 'not_satisfied'),
    synced: flag(facts.portalSynced),
  };
}

/** The local (Asia/Ho_Chi_Minh) day a dossier was received: the aggregates' day. */
export function localDay(epochMs: number): string {
  return new Date(epochMs + 7 * 3600_000).toISOString().slice(0, 10);
}

/** Whether a dossier must be judged at query time (open, or finished late). */
export function judgedAtQueryTime(facts: DossierFacts): boolean {
  return endTime(facts) === null || !isFinishedOnTime(facts);
}

/** What one agency's (or the city's) items are computed from, over a period. */
export interface PeriodCounts {
  received: number;
  onTime: number;
  overdue: number;
  online: number;
  /** Dossiers of procedures that received online dossiers in the period (procedures offered online). */
  receivedOfOnlineProcedures: number;
  withFees: number;
  paidOnline: number;
  proceduresWithFees: number;
  proceduresPaidOnline: number;
  settled: number;
  eResult: number;
  digitized: number;
  reused: number;
  fromWarehouse: number;
  populationData: number;
  procedures: number;
  proceduresWithPopulationData: number;
  rated: number;
  notSatisfied: number;
  synced: number;
}

/** Sums of one procedure at one agency over the period. */
export type ProcedureCounters = DailyCounters & { procedureCode: string };

/**
 * The period's counts from its per-procedure sums and the number of dossiers judged on time at query
 * time (open within time). Procedure counts are of distinct procedure codes.
 */
export function periodCounts(procedures: ProcedureCounters[], onTimeJudged: number): PeriodCounts {
  const byCode = new Map<string, ProcedureCounters>();
  for (const row of procedures) {
    const seen = byCode.get(row.procedureCode);
    if (!seen) byCode.set(row.procedureCode, { ...row });
    else for (const name of COUNTER_NAMES) seen[name] += row[name];
  }
  const all = [...byCode.values()];
  const sum = (name: keyof DailyCounters, rows = all) => rows.reduce((total, row) => total + row[name], 0);
  const received = sum('received');
  const onTime = sum('onTimeFinal') + onTimeJudged;
  return {
    received,
    onTime,
    overdue: received - onTime,
    online: sum('online'),
    receivedOfOnlineProcedures: sum(
      'received',
      all.filter((row) => row.online > 0),
    ),
    withFees: sum('withFees'),
    paidOnline: sum('paidOnline'),
    proceduresWithFees: all.filter((row) => row.withFees > 0).length,
    proceduresPaidOnline: all.filter((row) => row.paidOnline > 0).length,
    settled: sum('settled'),
    eResult: sum('eResult'),
    digitized: sum('digitized'),
    reused: sum('reused'),
    fromWarehouse: sum('fromWarehouse'),
    populationData: sum('populationData'),
    procedures: all.filter((row) => row.received > 0).length,
    proceduresWithPopulationData: all.filter((row) => row.populationData > 0).length,
    rated: sum('rated'),
    notSatisfied: sum('notSatisfied'),
    synced: sum('synced'),
  };
}
