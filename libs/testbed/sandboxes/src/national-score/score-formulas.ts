import { GroupCode, type Metric } from './score-api.contract';
import { charges, countItems, online, paid, type Count, type UnitDossiers } from './score-counts';
import { portalTimeMs } from './score-period';
import { SCORE_ITEMS, type ScoreItem, type ScoringRules } from './score-table';

const round2 = (value: number) => Math.round(value * 100) / 100;
const DAY_MS = 86_400_000;
const NOTHING_COUNTED = 'Không có hồ sơ trong kỳ: chưa đủ dữ liệu để tính';
const FIXED = 'Không tính từ dữ liệu hồ sơ: giá trị cố định của sandbox';

export interface UnitScore {
  totalScore: number;
  groupScores: Record<GroupCode, number>;
  metrics: Record<GroupCode, Metric[]>;
  parameters: ReturnType<typeof groupParameters>;
}

/**
 * One unit's score for one period: each item max × min(1, rate ÷ fullAt), rounded to two decimals; a
 * group is the sum of its items, the total the sum of the groups. An item with nothing to count
 * (denominator 0) scores its max (nothing counts against the unit) with a data-quality message.
 */
export function scoreUnit(unit: UnitDossiers, rules: ScoringRules): UnitScore {
  const counted = countItems(unit, rules);
  const syncedRate = rate(counted.counts['1.4']) ?? 1;
  const metrics = Object.fromEntries(GroupCode.map((group) => [group, [] as Metric[]])) as Record<
    GroupCode,
    Metric[]
  >;
  for (const item of SCORE_ITEMS) {
    const max = rules.points[item.code];
    const metric = item.fixed
      ? fixedMetric(item, max, rules.fixedRates[item.code] ?? 1)
      : computedMetric(item, max, counted.counts[item.code], item.code === '3.3' ? syncedRate : 1);
    metrics[item.group].push(metric);
  }
  const groupScores = Object.fromEntries(
    GroupCode.map((group) => [group, round2(metrics[group].reduce((sum, metric) => sum + metric.score, 0))]),
  ) as Record<GroupCode, number>;
  const totalScore = round2(GroupCode.reduce((sum, group) => sum + groupScores[group], 0));
  return { totalScore, groupScores, metrics, parameters: groupParameters(unit, counted) };
}

function rate({ numerator, denominator }: Count): number | undefined {
  return denominator > 0 ? Math.min(1, numerator / denominator) : undefined;
}

function computedMetric(item: ScoreItem, max: number, count: Count, factor: number): Metric {
  const base = rate(count);
  const ratio = base === undefined ? undefined : base * factor;
  return {
    code: item.code,
    name: item.name,
    numerator: count.numerator,
    denominator: round2(count.denominator),
    ratio: ratio === undefined ? null : round2(ratio * 100),
    score: ratio === undefined ? max : round2(max * Math.min(1, ratio / item.fullAt)),
    maxScore: max,
    ...(ratio === undefined && { dataQualityMessage: NOTHING_COUNTED }),
  };
}

function fixedMetric(item: ScoreItem, max: number, fixedRate: number): Metric {
  return {
    code: item.code,
    name: item.name,
    numerator: null,
    denominator: null,
    ratio: round2(fixedRate * 100),
    score: round2(max * Math.min(1, fixedRate / item.fullAt)),
    maxScore: max,
    dataQualityMessage: FIXED,
  };
}

/** The parameters the tree endpoints and the satisfaction rows carry, as the crawlers name them. */
function groupParameters(unit: UnitDossiers, counted: ReturnType<typeof countItems>) {
  const { received } = unit;
  const completed = counted.judgements.filter((judgement) => judgement.finished);
  const timed = completed.filter((judgement) => judgement.endMs !== undefined);
  const days = timed.map(
    (judgement) => ((judgement.endMs ?? 0) - (portalTimeMs(judgement.record.NgayTiepNhan) ?? 0)) / DAY_MS,
  );
  const onlineJudgements = counted.judgements.filter((judgement) => online(judgement.record));
  const channel = (code: string) => received.filter(({ record }) => record.KenhThucHien === code).length;
  const feeDossiers = received.filter(({ record }) => charges(record));
  return {
    TDGQ: {
      totalReceived: received.length,
      totalOnTime: counted.onTime,
      totalOverdue: received.length - counted.onTime,
      totalCompleted: completed.length,
      avgProcessingDays: days.length ? round2(days.reduce((a, b) => a + b, 0) / days.length) : 0,
    },
    CLGQ: {
      authorityCount: counted.counts['3.2'].denominator,
      partialCount: counted.counts['3.2'].denominator - counted.counts['3.2'].numerator,
      fullCount: counted.counts['3.2'].numerator,
      onlineDossierCount: counted.counts['3.3'].numerator,
      onlineServiceTotal: counted.counts['3.2'].numerator,
      channelOnlineSum: channel('2'),
      channelDirectSum: channel('1'),
      channelPostalSum: channel('3'),
      channelTotalSum: received.length,
      onlineOnTimeSum: onlineJudgements.filter((judgement) => judgement.onTime).length,
      onlineOverdueSum: onlineJudgements.filter((judgement) => !judgement.onTime).length,
    },
    TTTT: {
      totalDossierOnlinePaymentSuccess: counted.counts['3.6'].numerator,
      totalDossierFinancialObligation: counted.counts['3.6'].denominator,
      totalDossierOnlineFormalityPaymentSuccess: counted.counts['3.4'].numerator,
      totalFeeDossierFormalityDistinct: counted.counts['3.5'].numerator,
      totalFeeDossierFormality: feeDossiers.filter(({ record }) => paid(record)).length,
      totalFeeFormality: counted.feeProcedures.size,
    },
    MDHL: {
      totalPetitions: 0,
      classifiedPetitions: 0,
      totalDossiers: received.length,
      averageScore: received.length ? round2((counted.counts['5.4'].numerator / received.length) * 100) : 0,
    },
  };
}
