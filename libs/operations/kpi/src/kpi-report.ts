import { isOnTime, type DossierFacts } from './dossier-facts';
import type { KpiQueries, OpenDossier } from './kpi-queries';
import {
  localDay,
  periodCounts,
  type DailyCounters,
  type PeriodCounts,
  type ProcedureCounters,
} from './period-counts';
import type { Period } from './period';
import { scorePeriod, type ItemScore, type Score } from './score';

export interface AgencyReport {
  agencyCode: string;
  name: string | null;
  rank: number;
  counts: PeriodCounts;
  score: Score;
}

export interface Ranking {
  period: ReturnType<Period['toJSON']>;
  city: { counts: PeriodCounts; score: Score };
  agencies: AgencyReport[];
}

export interface DayPoint {
  day: string;
  received: number;
  onTime: number;
  overdue: number;
  online: number;
  paidOnline: number;
  withFees: number;
  digitized: number;
  reused: number;
}

/** An open dossier past its due date (the applicant's name masked, never in clear). */
export interface OverdueDossier extends Omit<OpenDossier, 'facts'> {
  supplementRequests: number;
}

const countOnTime = (facts: DossierFacts[], judgeAt: number) =>
  facts.filter((dossier) => isOnTime(dossier, judgeAt)).length;

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const list = groups.get(key(item)) ?? [];
    list.push(item);
    groups.set(key(item), list);
  }
  return groups;
}

function seriesOf(
  days: (DailyCounters & { day: string })[],
  judged: DossierFacts[],
  judgeAt: number,
): DayPoint[] {
  const judgedByDay = groupBy(judged, (facts) => localDay(facts.receivedAt));
  return days.map((day) => {
    const onTime = day.onTimeFinal + countOnTime(judgedByDay.get(day.day) ?? [], judgeAt);
    return {
      day: day.day,
      received: day.received,
      onTime,
      overdue: day.received - onTime,
      online: day.online,
      paidOnline: day.paidOnline,
      withFees: day.withFees,
      digitized: day.digitized,
      reused: day.reused,
    };
  });
}

/** The ranking's scores without each item's label and rule (the same for every agency: see /api/scoring). */
function compact(score: Score): Score {
  return {
    ...score,
    groups: score.groups.map((group) => ({
      ...group,
      items: group.items.map(({ label: _label, rule: _rule, ...item }) => item as ItemScore),
    })),
  };
}

/** The dashboard's numbers: sums from kpi_daily, open and late dossiers judged here, scored by the table. */
export class KpiReport {
  constructor(private readonly queries: KpiQueries) {}

  async ranking(period: Period): Promise<Ranking> {
    const [sums, judged, names] = await Promise.all([
      this.queries.sums(period.from, period.to),
      this.queries.judged(period.from, period.to, period.judgeAt),
      this.queries.agencyNames(),
    ]);
    const judgedByAgency = groupBy(judged, (facts) => facts.agencyCode);
    const agencies = [...sums].map(([agencyCode, procedures]) => {
      const counts = periodCounts(
        procedures,
        countOnTime(judgedByAgency.get(agencyCode) ?? [], period.judgeAt),
      );
      return {
        agencyCode,
        name: names.get(agencyCode) ?? null,
        rank: 0,
        counts,
        score: compact(scorePeriod(counts)),
      };
    });
    agencies.sort(
      (a, b) => (b.score.percent ?? -1) - (a.score.percent ?? -1) || a.agencyCode.localeCompare(b.agencyCode),
    );
    agencies.forEach((agency, index) => (agency.rank = index + 1));
    const all: ProcedureCounters[] = [...sums.values()].flat();
    const cityCounts = periodCounts(all, countOnTime(judged, period.judgeAt));
    return {
      period: period.toJSON(),
      city: { counts: cityCounts, score: scorePeriod(cityCounts) },
      agencies,
    };
  }

  /** One agency's score for the period (null when it received nothing in it). */
  async agency(
    agencyCode: string,
    period: Period,
  ): Promise<(Omit<AgencyReport, 'rank'> & { series: DayPoint[] }) | null> {
    const [sums, judged, names, days] = await Promise.all([
      this.queries.sums(period.from, period.to, agencyCode),
      this.queries.judged(period.from, period.to, period.judgeAt, agencyCode),
      this.queries.agencyNames(),
      this.queries.daily(period.from, period.to, agencyCode),
    ]);
    const procedures = sums.get(agencyCode);
    if (!procedures) return null;
    const counts = periodCounts(procedures, countOnTime(judged, period.judgeAt));
    return {
      agencyCode,
      name: names.get(agencyCode) ?? null,
      counts,
      score: scorePeriod(counts),
      series: seriesOf(days, judged, period.judgeAt),
    };
  }

  /** One agency's counts and score for the period, without its series (null when it received nothing). */
  async agencyScore(
    agencyCode: string,
    period: Period,
  ): Promise<{ counts: PeriodCounts; score: Score } | null> {
    const [sums, judged] = await Promise.all([
      this.queries.sums(period.from, period.to, agencyCode),
      this.queries.judged(period.from, period.to, period.judgeAt, agencyCode),
    ]);
    const procedures = sums.get(agencyCode);
    if (!procedures) return null;
    const counts = periodCounts(procedures, countOnTime(judged, period.judgeAt));
    return { counts, score: scorePeriod(counts) };
  }

  /** Per day received, for one agency or the city: on time judged at the period's end like the score. */
  async series(period: Period, agencyCode?: string): Promise<DayPoint[]> {
    const [days, judged] = await Promise.all([
      this.queries.daily(period.from, period.to, agencyCode),
      this.queries.judged(period.from, period.to, period.judgeAt, agencyCode),
    ]);
    return seriesOf(days, judged, period.judgeAt);
  }

  /** One agency's unfinished dossiers overdue now (past due less supplement time, or two supplement requests). */
  async overdueNow(agencyCode: string, now = Date.now(), limit = 500): Promise<OverdueDossier[]> {
    const open: OpenDossier[] = await this.queries.openPastDue(agencyCode, now, limit);
    return open
      .filter((dossier) => !isOnTime(dossier.facts, now))
      .map(({ facts, ...dossier }) => ({
        ...dossier,
        supplementRequests: Math.max(facts.supplementEntries, facts.supplementRequests),
      }));
  }
}
