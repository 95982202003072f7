import type { Database } from '@lienthong/database';
import {
  parsePeriod,
  type AgencyMapping,
  type NationalScoreReader,
  type ScorePeriod,
  type StoredScore,
} from '@lienthong/national-score';
import { BadRequestException, NotFoundException } from '@nestjs/common';
import type { KpiQueries } from '../kpi-queries';
import type { KpiReport } from '../kpi-report';
import { Period } from '../period';
import { periodCounts } from '../period-counts';
import { scorePeriod, type Score } from '../score';
import { matchAgencies, type Unmatched } from './agency-match';
import { driftCauses, notMeasurable, reconciliationFindings, type Cause } from './drift-causes';
import { compareScores, type GroupScores, type ItemComparison } from './item-comparison';
import { ranksWithinTiers } from './tier-ranks';

export interface NationalSide {
  totalScore: number | null;
  rank: number | null;
  groups: GroupScores;
  fetchedAt: string;
}

export interface AgencyComparison {
  agencyCode: string;
  name: string | null;
  national: NationalSide | null;
  own: { totalScore: number | null; rank: number | null; groups: GroupScores };
  drift: { totalScore: number | null; groups: GroupScores };
  causes: Omit<Cause, 'dossiers' | 'action' | 'how' | 'flag'>[];
}

export interface NationalOverview {
  period: string;
  agencies: AgencyComparison[];
  unmatched: Unmatched[];
}

interface Settings {
  mapping: readonly AgencyMapping[];
  rootDepartmentId: string;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const pad = (value: number) => String(value).padStart(2, '0');

/** A national period as the dashboard's days: a month, a quarter or a year, local calendar. */
export function daysOf(period: ScorePeriod, now = Date.now()): Period {
  const [firstMonth, months] =
    period.type === 'month'
      ? [period.part!, 1]
      : period.type === 'quarter'
        ? [period.part! * 3 - 2, 3]
        : [1, 12];
  const last = new Date(Date.UTC(period.year, firstMonth - 1 + months, 0)).getUTCDate();
  const lastMonth = firstMonth + months - 1;
  return Period.parse(
    `${period.year}-${pad(firstMonth)}-01`,
    `${period.year}-${pad(lastMonth)}-${pad(last)}`,
    now,
  );
}

export function periodOf(text: string | undefined): ScorePeriod {
  try {
    return parsePeriod(text ?? '');
  } catch (error) {
    throw new BadRequestException((error as Error).message);
  }
}

const hasDrift = (drift: AgencyComparison['drift']) =>
  (drift.totalScore ?? 0) !== 0 || Object.values(drift.groups).some((value) => (value ?? 0) !== 0);

/**
 * The nation's published score of each agency beside Lienthong's own reckoning from its dossiers, the
 * difference, and its causes (docs/dashboard.md, "National score").
 */
export class NationalComparison {
  constructor(
    private readonly database: Database,
    private readonly queries: KpiQueries,
    private readonly report: KpiReport,
    private readonly reader: NationalScoreReader,
    private readonly settings: Settings,
  ) {}

  /** Every agency of the period, both sides, with the causes' counts where the scores differ. */
  async overview(text: string | undefined, withCauses = true): Promise<NationalOverview> {
    const period = periodOf(text);
    const days = daysOf(period);
    const [ranking, latest, names] = await Promise.all([
      this.report.ranking(days),
      this.reader.latest(period.key),
      this.queries.agencyNames(),
    ]);
    const scores = new Map(ranking.agencies.map((agency) => [agency.agencyCode, agency.score]));
    const match = matchAgencies(
      latest.units,
      new Map(ranking.agencies.map((a) => [a.agencyCode, a.name])),
      this.settings.mapping,
      this.settings.rootDepartmentId,
    );
    const nationalRanks = this.nationalRanks(latest.units);
    const codes = [...new Set([...scores.keys(), ...match.units.keys()])].sort();
    const rows = codes.map((agencyCode) => {
      const unit = match.units.get(agencyCode) ?? null;
      const compared = compareScores(scores.get(agencyCode) ?? emptyScore(), unit);
      return {
        agencyCode,
        name: names.get(agencyCode) ?? unit?.unit.name ?? null,
        national: unit && nationalSide(unit, compared.drift.groups, nationalRanks.get(unit) ?? null),
        own: { ...compared.own, rank: null as number | null },
        drift: compared.drift,
        causes: [] as AgencyComparison['causes'],
      };
    });
    // Lienthong's own rank is among the agencies of the tier its national unit is ranked in, so the two compare.
    const tierOf = (row: (typeof rows)[number]) =>
      row.national ? tierOfUnit(match.units.get(row.agencyCode)!) : null;
    for (const [row, rank] of ranksWithinTiers(rows, tierOf, (row) => row.own.totalScore))
      row.own.rank = rank;
    const drifting = rows.filter((candidate) => candidate.national && hasDrift(candidate.drift));
    if (withCauses && drifting.length > 0) {
      // Two queries for every drifting agency together: their dossiers, then those dossiers' findings.
      const held = await this.queries.heldDossiers(
        drifting.map((row) => row.agencyCode),
        days.from,
        days.to,
      );
      const findings = await reconciliationFindings(this.database, [...held.values()].flat(), startOf(days));
      for (const row of drifting) {
        const unit = match.units.get(row.agencyCode)!;
        row.causes = driftCauses(held.get(row.agencyCode)!, findings, unit.fetchedAt).map(
          ({ kind, item, count }) => ({ kind, item, count }),
        );
      }
    }
    return { period: period.key, agencies: rows, unmatched: match.unmatched };
  }

  /** One agency's items side by side, and every cause with its dossiers. */
  async agency(agencyCode: string, text: string | undefined) {
    const period = periodOf(text);
    const days = daysOf(period);
    const [own, latest, names, held] = await Promise.all([
      this.report.agencyScore(agencyCode, days),
      this.reader.latest(period.key),
      this.queries.agencyNames(),
      this.queries
        .heldDossiers([agencyCode], days.from, days.to)
        .then((byAgency) => byAgency.get(agencyCode)!),
    ]);
    const { mapping, rootDepartmentId } = this.settings;
    const unit = matchAgencies(latest.units, names, mapping, rootDepartmentId).units.get(agencyCode) ?? null;
    if (!own && !unit) {
      throw new NotFoundException(
        `agency ${agencyCode} has neither dossiers nor a national score in ${period.key}`,
      );
    }
    const compared = compareScores(own?.score ?? emptyScore(), unit);
    const findings = await reconciliationFindings(this.database, held, startOf(days));
    const causes = driftCauses(held, findings, unit?.fetchedAt ?? null);
    return {
      period: period.key,
      agencyCode,
      name: names.get(agencyCode) ?? unit?.unit.name ?? null,
      items: compared.items satisfies ItemComparison[],
      causes: [...causes, ...notMeasurable()],
    };
  }

  /** Both scores of one agency month by month, `from` to `to` (at most three years). */
  async history(agencyCode: string, from: string | undefined, to: string | undefined) {
    if (!from || !to || !MONTH.test(from) || !MONTH.test(to) || from > to) {
      throw new BadRequestException('from and to must be months YYYY-MM, from not after to');
    }
    const months: string[] = [];
    for (
      let [year, month] = from.split('-').map(Number);
      `${year}-${pad(month)}` <= to;
      month === 12 ? ((month = 1), year++) : month++
    ) {
      months.push(`${year}-${pad(month)}`);
      if (months.length > 36) throw new BadRequestException('at most 36 months at once');
    }
    // Each month's ranks need that month's whole ranking; the months are read side by side.
    const points = await Promise.all(
      months.map(async (month) => {
        const overview = await this.overview(month, false);
        const row = overview.agencies.find((agency) => agency.agencyCode === agencyCode);
        return {
          period: month,
          national: row?.national ? { totalScore: row.national.totalScore, rank: row.national.rank } : null,
          own: row
            ? { totalScore: row.own.totalScore, rank: row.own.rank }
            : { totalScore: null, rank: null },
        };
      }),
    );
    return { agencyCode, months: points };
  }

  /** Each national unit's rank among the units of its tier (provincial agencies; communes). */
  private nationalRanks(units: StoredScore[]): Map<StoredScore, number> {
    const children = units.filter((unit) => unit.unit.departmentId !== this.settings.rootDepartmentId);
    return ranksWithinTiers(children, tierOfUnit, (unit) => unit.totalScore);
  }
}

/** A unit's tier: the group the nation lists it in (agencies, communes), else its level (PROVINCE, COMMUNE). */
export const tierOfUnit = (unit: StoredScore): string | null => unit.unit.childGroup ?? unit.unit.level;

function nationalSide(unit: StoredScore, shape: GroupScores, rank: number | null): NationalSide {
  const groups = Object.fromEntries(
    Object.keys(shape).map((code) => [code, unit.groups[code as keyof GroupScores]?.score ?? null]),
  ) as GroupScores;
  return { totalScore: unit.totalScore, rank, groups, fetchedAt: unit.fetchedAt.toISOString() };
}

/** A reconciliation counts from the period's first day on: what it found earlier is older than the period's dossiers. */
const startOf = (days: Period) => new Date(`${days.from}T00:00:00+07:00`);

function emptyScore(): Score {
  return scorePeriod(periodCounts([], 0));
}
