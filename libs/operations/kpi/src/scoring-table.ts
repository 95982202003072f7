import { readFileSync } from 'node:fs';
import { ConfigError, projectPath } from '@lienthong/config';
import type { GroupCode as NationalGroupCode } from '@lienthong/national-score';
import { SchemaValidator, type ScoringTableFile } from '@lienthong/schemas';
import { parse as parseYaml } from 'yaml';
import type { PeriodCounts } from './period-counts';

/**
 * The national scoring of public service (Decision 766/QĐ-TTg) as the national dashboard computes it
 * (DOMAIN.md, "The national scoring" and its amendments), read from one validated file,
 * `config/scoring-766.yaml`: a point, a split or a rule is corrected there, not in code.
 *
 * An item scores `max × rate`, or `max × min(1, rate / fullAt)` when it is full before 100%. An item
 * whose data Lienthong does not receive (the procedure catalogue, complaints) has no `rate`: it is shown
 * as "không đo được", never as zero or as full marks.
 */
export interface Ratio {
  numerator: number;
  denominator: number;
}

export { GROUP_CODES, type GroupCode as NationalGroupCode } from '@lienthong/national-score';

/** Where the national scoring data gives the same item: a metric, or two parameters of a tree endpoint. */
export type NationalSource = { metric: string } | { numerator: string; denominator: string };

export interface ScoringItem {
  id: string;
  /** Vietnamese label shown on the dashboard. */
  label: string;
  max: number;
  /** The rate is full at this value (reuse 80%, satisfaction 90%); absent = full at 100%. */
  fullAt?: number;
  /** How the rate is read from the dossiers of the period; absent = not measurable from dossier events. */
  rate?: (counts: PeriodCounts) => Ratio;
  /** The national rule in one line (shown on hover, and in docs/dashboard.md). */
  rule: string;
  national?: NationalSource;
}

export interface ScoringGroup {
  id: string;
  /** The group's code in the national data. */
  code: NationalGroupCode;
  label: string;
  /** The group's points; its items may add up to more (payment: 6 + 2 + 2.5), the group caps them. */
  max: number;
  items: ScoringItem[];
}

/** How the file's readings that the amendments left open are taken (see docs/dashboard.md). */
export interface ScoringOptions {
  online: { denominator: 'received' | 'received_of_online_procedures'; timesSyncedRate: boolean };
  reuse: { counts: 'digitized' | 'reused' };
  satisfaction: { countLocalRatings: boolean };
}

/** The rates a scoring item may read, as schemas/scoring-766.v1.json names them. */
type RateName = NonNullable<ScoringTableFile['groups'][number]['items'][number]['rate']>;

interface ScoringFile {
  groups: (Omit<ScoringGroup, 'items'> & { items: (Omit<ScoringItem, 'rate'> & { rate?: RateName })[] })[];
  options: ScoringOptions;
}

export const SCORING_FILE = projectPath('config', 'scoring-766.yaml');

const ratio = (numerator: number, denominator: number): Ratio => ({ numerator, denominator });

/** The rates Lienthong measures, by the name the file gives them; the options choose between readings. */
function rates(options: ScoringOptions): Record<RateName, (c: PeriodCounts) => Ratio> {
  return {
    synced: (c) => ratio(c.synced, c.received),
    on_time: (c) => ratio(c.onTime, c.received),
    online: (c) => {
      const denominator =
        options.online.denominator === 'received' ? c.received : c.receivedOfOnlineProcedures;
      // 3.3 is multiplied by the synced rate: a dossier the portal never got is not online to the nation.
      const synced = options.online.timesSyncedRate && c.received > 0 ? c.synced / c.received : 1;
      return ratio(c.online * synced, denominator);
    },
    paid_online: (c) => ratio(c.paidOnline, c.withFees),
    payment_procedures: (c) => ratio(c.proceduresPaidOnline, c.proceduresWithFees),
    e_result: (c) => ratio(c.eResult, c.settled),
    digitized: (c) => ratio(c.digitized, c.received),
    reused: (c) => ratio(options.reuse.counts === 'digitized' ? c.digitized : c.reused, c.received),
    from_warehouse: (c) => ratio(c.fromWarehouse, c.received),
    // "A file from the warehouse, or an e-result link" counted from two sums: an upper bound where both meet.
    from_warehouse_or_e_result: (c) => ratio(Math.min(c.received, c.fromWarehouse + c.eResult), c.received),
    population_data: (c) => ratio(c.populationData, c.received),
    population_procedures: (c) => ratio(c.proceduresWithPopulationData, c.procedures),
    dossier_satisfaction: (c) =>
      ratio(
        c.received - c.overdue - (options.satisfaction.countLocalRatings ? c.notSatisfied : 0),
        c.received,
      ),
  };
}

/**
 * Reads and checks a scoring file; a bad one throws a ConfigError naming the file and the key (as a
 * JSON pointer), so the dashboard does not start on it.
 */
export function readScoringTable(path = SCORING_FILE): { groups: ScoringGroup[]; options: ScoringOptions } {
  let parsed: unknown;
  try {
    parsed = parseYaml(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ConfigError({ [path]: (error as Error).message });
  }
  const violation = new SchemaValidator<ScoringFile>('scoring-766.v1.json').violation(parsed);
  if (violation) throw new ConfigError({ [`${path}#${violation.path}`]: violation.message });
  const file = parsed as ScoringFile;
  const seen = new Set<string>();
  file.groups.forEach((group, g) =>
    group.items.forEach((item, i) => {
      if (seen.has(item.id)) throw new ConfigError({ [`${path}#/groups/${g}/items/${i}/id`]: 'used twice' });
      seen.add(item.id);
    }),
  );
  const byName = rates(file.options);
  const groups = file.groups.map((group) => ({
    ...group,
    items: group.items.map(({ rate, ...item }) => ({ ...item, ...(rate && { rate: byName[rate] }) })),
  }));
  return { groups, options: file.options };
}

const table = readScoringTable();

export const SCORING_TABLE: readonly ScoringGroup[] = table.groups;
export const SCORING_OPTIONS: Readonly<ScoringOptions> = table.options;

/** The index's total: 100 points. */
export const SCORING_MAX = SCORING_TABLE.reduce((sum, group) => sum + group.max, 0);
