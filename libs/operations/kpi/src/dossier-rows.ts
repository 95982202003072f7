import { endTime, type DossierFacts, type RatingLevel } from './dossier-facts';
import { judgedAtQueryTime, localDay, type DailyCounters } from './period-counts';

/** How a dossier's facts and the counters are stored: the columns of kpi_dossiers and kpi_daily. */

/** Column of kpi_daily for each counter. */
export const COLUMNS: Record<keyof DailyCounters, string> = {
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

export interface DossierRow {
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
  paid_own_gateway: boolean;
  paid_national_platform: boolean;
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

export const FACT_COLUMNS = `dossier_code, agency_code, procedure_code, received_at, due_at, processed_at, returned_at,
  closed_at, status, last_sequence, channel, supplement_ms, supplement_since, supplement_entries,
  supplement_requests, has_fees, paid_own_gateway, paid_national_platform, paid_online, digitized, reused,
  from_warehouse, e_result, population_data, vneid_verified, population_checked, rating, portal_synced,
  applicant_masked`;

const ms = (date: Date | null) => (date ? date.getTime() : null);
const iso = (epochMs: number | null) => (epochMs === null ? null : new Date(epochMs).toISOString());

export function toFacts(row: DossierRow): DossierFacts {
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
    paidOwnGateway: row.paid_own_gateway,
    paidNationalPlatform: row.paid_national_platform,
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

export function toRow(facts: DossierFacts) {
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
    paid_own_gateway: facts.paidOwnGateway,
    paid_national_platform: facts.paidNationalPlatform,
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
