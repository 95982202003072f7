import { maskWords } from '@lienthong/personal-data';
import { paidThroughOwnGateway, type DossierEvent } from '@lienthong/schemas';

export type RatingLevel = 'very_satisfied' | 'satisfied' | 'not_satisfied';

/**
 * What the scoring needs to know about one dossier, folded from its dossier.v1 events in sequence
 * order (one row of `kpi_dossiers`). Times are epoch milliseconds.
 */
export interface DossierFacts {
  dossierCode: string;
  agencyCode: string;
  procedureCode: string;
  channel: number;
  status: number;
  lastSequence: number;
  receivedAt: number;
  /** The due date the dossier was received with (before any supplement moved it), if it has one. */
  dueAt: number | null;
  /** When status 9, 10, and 3/7/8 were reached (the source's own times first, else the event's). */
  processedAt: number | null;
  returnedAt: number | null;
  closedAt: number | null;
  /** Closed stretches spent in status 5, and the start of the open one. */
  supplementMs: number;
  supplementSince: number | null;
  /** Times the dossier entered status 5, and the longest supplement-request list a source sent. */
  supplementEntries: number;
  supplementRequests: number;
  hasFees: boolean;
  /** The source reports a fee paid through the province's own gateway (the latest event says so). */
  paidOwnGateway: boolean;
  /** The national payment platform confirmed a payment through Lienthong (payment.v1): never taken back. */
  paidNationalPlatform: boolean;
  /** Paid online (DuocThanhToanTrucTuyen 1 or 2): either of the two. */
  paidOnline: boolean;
  digitized: boolean;
  reused: boolean;
  fromWarehouse: boolean;
  eResult: boolean;
  /** The applicant is VNeID-verified (the latest event says so). */
  vneidVerified: boolean;
  /** The population database verified the applicant (identity.verified.v1, its newest outcome). */
  populationChecked: boolean;
  /** Population data used: either of the two. */
  populationData: boolean;
  rating: RatingLevel | null;
  /** The national portal holds the dossier (from the portal connector's state, not from events). */
  portalSynced: boolean;
  /** The applicant's name masked (`V** T*** C**`): the overdue list tells dossiers apart, the read model holds no name. */
  applicantMasked: string | null;
}

const SUPPLEMENT = 5;
const CLOSED = new Set([3, 7, 8]);

const time = (iso: string | undefined): number | null => (iso ? Date.parse(iso) : null);

/**
 * Folds one event into a dossier's facts. The caller applies only events newer than `lastSequence`
 * (stale and replayed ones change nothing), so a replay of the topic gives the same facts.
 */
export function applyEvent(previous: DossierFacts | undefined, event: DossierEvent): DossierFacts {
  const at = Date.parse(event.provenance.eventTime);
  const wasInSupplement = previous?.status === SUPPLEMENT;
  const inSupplement = event.status === SUPPLEMENT;
  let supplementMs = previous?.supplementMs ?? 0;
  let supplementSince = previous?.supplementSince ?? null;
  let supplementEntries = previous?.supplementEntries ?? 0;
  if (wasInSupplement && !inSupplement && supplementSince !== null) {
    supplementMs += Math.max(0, at - supplementSince);
    supplementSince = null;
  }
  if (!wasInSupplement && inSupplement) {
    supplementSince = at;
    supplementEntries += 1;
  }
  const reached = (status: number, sourceTime: number | null, before: number | null | undefined) =>
    sourceTime ?? before ?? (event.status === status ? at : null);
  const originalDues = event.supplementRequests
    .map((request) => time(request.previousDueAt))
    .filter((due): due is number => due !== null);
  const fees = event.fees.filter((fee) => fee.amount > 0);
  const paidOwnGateway = fees.some(paidThroughOwnGateway);
  const paidNationalPlatform = previous?.paidNationalPlatform ?? false;
  return {
    dossierCode: event.dossierCode,
    agencyCode: event.agency.code,
    procedureCode: event.procedure.code,
    channel: event.channel,
    status: event.status,
    lastSequence: event.provenance.sequence,
    receivedAt: Date.parse(event.times.receivedAt),
    dueAt: originalDues.length > 0 ? Math.min(...originalDues) : time(event.times.dueAt),
    processedAt: reached(9, time(event.times.finishedAt), previous?.processedAt),
    returnedAt: reached(10, time(event.times.returnedAt), previous?.returnedAt),
    closedAt: CLOSED.has(event.status)
      ? (time(event.times.rejectedAt) ?? previous?.closedAt ?? at)
      : (previous?.closedAt ?? null),
    supplementMs,
    supplementSince,
    supplementEntries,
    supplementRequests: Math.max(previous?.supplementRequests ?? 0, event.supplementRequests.length),
    hasFees: fees.length > 0,
    paidOwnGateway,
    paidNationalPlatform,
    paidOnline: paidOwnGateway || paidNationalPlatform,
    digitized: event.documents.some((document) => document.digitized),
    reused: event.documents.some((document) => document.reused || !!document.replacesResult),
    fromWarehouse: event.documents.some((document) => document.fromNationalWarehouse === true),
    eResult: event.results.some((result) => !!result.url),
    vneidVerified: event.applicant.vneidVerified === true,
    populationChecked: previous?.populationChecked ?? false,
    populationData: event.applicant.vneidVerified === true || (previous?.populationChecked ?? false),
    rating: event.rating?.level ?? previous?.rating ?? null,
    portalSynced: previous?.portalSynced ?? false,
    // The hub masks the name it replaces by a pseudonym; events written before that carry it in clear.
    applicantMasked: event.applicant.masked ?? maskWords(event.applicant.name),
  };
}

/** The facts with the population database's newest outcome for the applicant. */
export function withPopulationCheck(facts: DossierFacts, verified: boolean): DossierFacts {
  if (facts.populationChecked === verified) return facts;
  return { ...facts, populationChecked: verified, populationData: facts.vneidVerified || verified };
}

/** The facts with the national platform's confirmation of a payment (payment.v1): paid online from then on. */
export function withNationalPayment(facts: DossierFacts): DossierFacts {
  if (facts.paidNationalPlatform) return facts;
  return { ...facts, paidNationalPlatform: true, paidOnline: true };
}

/** End time by the national rule: status 9, else 10, else 3/7/8; null while unfinished. */
export function endTime(facts: DossierFacts): number | null {
  return facts.processedAt ?? facts.returnedAt ?? facts.closedAt;
}

/** Supplement requests: each entry into status 5, or the source's own list when it names more. */
export function supplementCount(facts: DossierFacts): number {
  return Math.max(facts.supplementEntries, facts.supplementRequests);
}

/** Time spent in status 5 up to `until` (an open supplement counts until then). */
export function supplementTime(facts: DossierFacts, until: number): number {
  const open = facts.supplementSince !== null ? Math.max(0, until - facts.supplementSince) : 0;
  return facts.supplementMs + open;
}

/**
 * On time by the national rule, judged at `judgeAt` (the period's end, or now): a dossier finished by
 * then is on time when its end, less the time in supplement, is not after its due date; one still
 * unfinished then is on time while that holds at `judgeAt`. More than one supplement request is
 * overdue. A dossier with no due date (settled on the spot) is on time.
 */
export function isOnTime(facts: DossierFacts, judgeAt: number): boolean {
  if (supplementCount(facts) > 1) return false;
  if (facts.dueAt === null) return true;
  const end = endTime(facts);
  const at = end !== null && end <= judgeAt ? end : judgeAt;
  return at - supplementTime(facts, at) <= facts.dueAt;
}

/** Finished and on time: true whatever the period's end (see `DailyCounters.onTimeFinal`). */
export function isFinishedOnTime(facts: DossierFacts): boolean {
  const end = endTime(facts);
  return end !== null && isOnTime(facts, end);
}
