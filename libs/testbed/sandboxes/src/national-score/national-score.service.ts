import type { NationalScoreSandboxConfig } from './national-score.config';
import { isScoreEndpoint } from './score-api.contract';
import { answerData, type ScoredUnit } from './score-answers';
import { renameFields, type ScoreDrift } from './score-drift';
import { scoreUnit } from './score-formulas';
import {
  inPeriod,
  periodsPerYear,
  portalTimeMs,
  previousPeriod,
  scorePeriod,
  type ScorePeriod,
} from './score-period';
import type { ScorePoliteness } from './score-politeness';
import { parseScoreRequest } from './score-request';
import { pointsWithSplits, type ScoringRules } from './score-table';
import { derivedUnits, provinceUnit, unitsFor, type ScoreUnit } from './score-units';
import { agencyOf, type SyncedDossier, type SyncedDossierReader } from './synced-dossier';

export interface ScoreAnswer {
  status: number;
  body: unknown;
}

const list = (value: string) =>
  new Set(
    value
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean),
  );

export function scoringRules(config: NationalScoreSandboxConfig): ScoringRules {
  const paper = config.NATIONAL_SCORE_SANDBOX_PAPER_RESULT_PROCEDURES.trim();
  return {
    points: pointsWithSplits(
      config.NATIONAL_SCORE_SANDBOX_ONLINE_SPLIT,
      config.NATIONAL_SCORE_SANDBOX_PAYMENT_SPLIT,
    ),
    fixedRates: config.NATIONAL_SCORE_SANDBOX_FIXED_RATES,
    paperResultProcedures: paper === '*' ? '*' : list(paper),
    feeProcedures: list(config.NATIONAL_SCORE_SANDBOX_FEE_PROCEDURES),
    populationDatabaseCodes: list(config.NATIONAL_SCORE_SANDBOX_POPULATION_DB_CODES),
  };
}

/** The national side: publishes, per unit and period, the 766 numbers of what reached the portal. */
export class NationalScoreService {
  private readonly rules: ScoringRules;
  private readonly province: ScoreUnit;

  constructor(
    private readonly config: NationalScoreSandboxConfig,
    private readonly reader: SyncedDossierReader,
    readonly drift: ScoreDrift,
    readonly politeness: ScorePoliteness,
    private readonly configuredUnits: ScoreUnit[] | undefined,
    private readonly now: () => number = Date.now,
  ) {
    this.rules = scoringRules(config);
    this.province = provinceUnit(config.NATIONAL_SCORE_SANDBOX_PROVINCE);
  }

  async answer(endpoint: string, body: Record<string, unknown>): Promise<ScoreAnswer> {
    if (!isScoreEndpoint(endpoint))
      return { status: 404, body: { statusCode: 404, message: `no endpoint ${endpoint}` } };
    const admission = this.politeness.admit(endpoint);
    if (admission.status === 429)
      return { status: 429, body: { statusCode: 429, message: 'Too Many Requests' } };
    if (admission.status === 403) return { status: 403, body: { statusCode: 403, message: 'Forbidden' } };
    const parsed = parseScoreRequest(body);
    if (!parsed.ok) return { status: 400, body: { statusCode: 400, message: parsed.message } };
    const { request, period } = parsed;
    const { seen, lost } = this.drift.apply(await this.reader.dossiers());
    const units = this.units([...seen, ...lost]);
    const { root, children } = this.tree(request.rootDepartmentId, units);
    const first = (request.currentPage - 1) * request.pageSize;
    const page = children.slice(first, first + request.pageSize);
    const score = (unit: ScoreUnit) => this.scored(unit, period, seen, lost);
    const data = answerData(endpoint, root && score(root), page.map(score), first + 1);
    return {
      status: this.config.NATIONAL_SCORE_SANDBOX_STATUS,
      body: renameFields({ data }, this.drift.renamed),
    };
  }

  /** What the portal holds now, for `/_sandbox/drift` to choose from. */
  async held(): Promise<SyncedDossier[]> {
    return this.reader.dossiers();
  }

  /** Forgets every drift, the counters, and a rate changed at run time. */
  reset(): void {
    this.drift.reset();
    this.politeness.resetStats();
    this.politeness.set({ ratePerSecond: this.config.NATIONAL_SCORE_SANDBOX_RATE_PER_S });
  }

  private units(dossiers: SyncedDossier[]): ScoreUnit[] {
    return unitsFor(this.configuredUnits, () =>
      derivedUnits(
        dossiers.map(({ record }) => ({ code: agencyOf(record), name: record.DonViXuLy })),
        this.config.NATIONAL_SCORE_SANDBOX_DEPARTMENTS,
      ),
    );
  }

  private tree(
    rootId: string | undefined,
    units: ScoreUnit[],
  ): { root: ScoreUnit | null; children: ScoreUnit[] } {
    if (!rootId) return { root: null, children: [this.province] };
    if (rootId === this.province.departmentId) return { root: this.province, children: units };
    const unit = units.find((candidate) => candidate.departmentId === rootId);
    return { root: unit ?? null, children: [] };
  }

  private scored(
    unit: ScoreUnit,
    period: ScorePeriod,
    seen: SyncedDossier[],
    lost: SyncedDossier[],
  ): ScoredUnit {
    const ofUnit = (dossier: SyncedDossier) =>
      unit === this.province || unit.agencyCodes.includes(agencyOf(dossier.record));
    const mine = seen.filter(ofUnit);
    const mineLost = lost.filter(ofUnit);
    const at = (whole: Pick<ScorePeriod, 'startMs' | 'endMs'>) => (dossier: SyncedDossier) =>
      inPeriod(portalTimeMs(dossier.record.NgayTiepNhan), whole);
    const scoreIn = (within: ScorePeriod) => {
      const lastYear = scorePeriod('year', within.year - 1);
      return scoreUnit(
        {
          received: mine.filter(at(within)),
          lost: mineLost.filter(at(within)).length,
          lastYearTotal: mine.filter(at(lastYear)).length + mineLost.filter(at(lastYear)).length,
          periodsPerYear: periodsPerYear(within),
          disliked: this.drift.disliked,
          judgeAtMs: Math.min(within.endMs, this.now()),
        },
        this.rules,
      );
    };
    return { unit, score: scoreIn(period), previous: scoreIn(previousPeriod(period)) };
  }
}
