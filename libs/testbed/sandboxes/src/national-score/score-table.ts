import type { GroupCode } from './score-api.contract';

/**
 * The 766 items the sandbox scores, in one table, from DOMAIN.md ("The national scoring of public
 * service" and its amendments). Codes are the sandbox's own (the real metric codes are not known). An
 * item scores max × min(1, rate ÷ fullAt). Items that the portal's dossier data cannot tell (the
 * procedure catalogue, petitions, e-certified copies) are `fixed`: they score a configured rate.
 */
export interface ScoreItem {
  code: string;
  group: GroupCode;
  name: string;
  /** Points, unless a split from the configuration sets them (3.1-3.3, 3.4-3.6). */
  max: number;
  fullAt: number;
  fixed?: true;
}

export const SCORE_ITEMS: readonly ScoreItem[] = [
  { code: '1.1', group: 'CKMB', name: 'Công bố thủ tục hành chính đúng hạn', max: 6, fullAt: 1, fixed: true },
  {
    code: '1.2',
    group: 'CKMB',
    name: 'Cập nhật thủ tục hành chính đúng hạn',
    max: 4,
    fullAt: 1,
    fixed: true,
  },
  { code: '1.3', group: 'CKMB', name: 'Công khai đầy đủ thủ tục hành chính', max: 2, fullAt: 1, fixed: true },
  { code: '1.4', group: 'CKMB', name: 'Đồng bộ hồ sơ lên Cổng DVCQG', max: 6, fullAt: 1 },
  { code: '2.1', group: 'TDGQ', name: 'Giải quyết hồ sơ đúng hạn', max: 20, fullAt: 1 },
  {
    code: '3.1',
    group: 'CLGQ',
    name: 'Thủ tục cung cấp dịch vụ công trực tuyến',
    max: 0,
    fullAt: 1,
    fixed: true,
  },
  { code: '3.2', group: 'CLGQ', name: 'Dịch vụ công trực tuyến có phát sinh hồ sơ', max: 0, fullAt: 1 },
  { code: '3.3', group: 'CLGQ', name: 'Tỷ lệ hồ sơ trực tuyến', max: 12, fullAt: 0.5 },
  { code: '3.4', group: 'TTTT', name: 'Thủ tục có thanh toán trực tuyến', max: 0, fullAt: 0.8 },
  { code: '3.5', group: 'TTTT', name: 'Thủ tục có hồ sơ phát sinh phí, lệ phí', max: 0, fullAt: 0.8 },
  { code: '3.6', group: 'TTTT', name: 'Hồ sơ thanh toán trực tuyến', max: 10, fullAt: 1 },
  { code: '4.1', group: 'MDSH', name: 'Cấp kết quả điện tử', max: 6, fullAt: 1 },
  { code: '4.2', group: 'MDSH', name: 'Số hóa thành phần hồ sơ', max: 4, fullAt: 0.8 },
  { code: '4.3', group: 'MDSH', name: 'Tái sử dụng dữ liệu số hóa', max: 2, fullAt: 0.8 },
  { code: '4.4', group: 'MDSH', name: 'Cấp bản sao điện tử', max: 2, fullAt: 1, fixed: true },
  { code: '4.5', group: 'MDSH', name: 'Khai thác dữ liệu từ Kho dữ liệu', max: 4, fullAt: 1 },
  { code: '4.6', group: 'MDSH', name: 'Sử dụng dữ liệu dân cư', max: 2, fullAt: 1 },
  { code: '4.7', group: 'MDSH', name: 'Thủ tục kết nối dữ liệu dân cư', max: 2, fullAt: 1 },
  { code: '5.1', group: 'MDHL', name: 'Xử lý phản ánh kiến nghị đúng hạn', max: 6, fullAt: 1, fixed: true },
  { code: '5.2', group: 'MDHL', name: 'Hài lòng xử lý phản ánh kiến nghị', max: 6, fullAt: 1, fixed: true },
  { code: '5.4', group: 'MDHL', name: 'Hài lòng giải quyết hồ sơ', max: 6, fullAt: 0.9 },
];

/** The items whose points a configuration table splits: the split is unsettled (DOMAIN.md amendments). */
export const ONLINE_ITEMS = ['3.1', '3.2', '3.3'] as const;
export const PAYMENT_ITEMS = ['3.4', '3.5', '3.6'] as const;
export const DEFAULT_ONLINE_SPLIT = { '3.1': 0, '3.2': 0, '3.3': 12 };
export const DEFAULT_PAYMENT_SPLIT = { '3.4': 0, '3.5': 0, '3.6': 10 };
export const FIXED_ITEMS = SCORE_ITEMS.filter((item) => item.fixed).map((item) => item.code);
export const DEFAULT_FIXED_RATES: Record<string, number> = Object.fromEntries(
  FIXED_ITEMS.map((code) => [code, 1]),
);

/** What the configuration decides about the reading of the table. */
export interface ScoringRules {
  /** Points of each item, the splits applied. */
  points: Record<string, number>;
  /** The rate (0..1) a fixed item scores. */
  fixedRates: Record<string, number>;
  /** Procedures that must return a paper result (items 3.3 and 4.1); '*' all. */
  paperResultProcedures: '*' | ReadonlySet<string>;
  /** Procedures with fees in the national procedure database; empty: those whose dossiers list fees. */
  feeProcedures: ReadonlySet<string>;
  /** `DSKetNoiCSDL[].MaCSDL` values that mean the population database. */
  populationDatabaseCodes: ReadonlySet<string>;
}

export function pointsWithSplits(
  online: Record<string, number>,
  payment: Record<string, number>,
): Record<string, number> {
  return Object.fromEntries(
    SCORE_ITEMS.map((item) => [item.code, online[item.code] ?? payment[item.code] ?? item.max]),
  );
}
