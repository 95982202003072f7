/** Where the national portal publishes its 766 scoring data (DOMAIN.md, "National scoring API"). */
export const SCORE_API_PATH = '/api/v1/reporting/evaluation';

export const GROUP_CODES = ['CKMB', 'TDGQ', 'CLGQ', 'MDSH', 'MDHL', 'TTTT'] as const;
export type GroupCode = (typeof GROUP_CODES)[number];

/**
 * The seven endpoints: the total (`service-results`, rows with `groupScores`) and one per group, each
 * answering `overview` + `evaluation[]` (rows with `metrics[]`) or `parent` + `children[]` (rows with
 * the group's parameters).
 */
export const SCORE_ENDPOINTS = {
  'service-results': { group: 'TOTAL', shape: 'evaluation' },
  transparency: { group: 'CKMB', shape: 'evaluation' },
  'dvc-progress-tree': { group: 'TDGQ', shape: 'tree' },
  'provide-online-tree': { group: 'CLGQ', shape: 'tree' },
  'dossier-digitized': { group: 'MDSH', shape: 'evaluation' },
  'handling-satisfaction': { group: 'MDHL', shape: 'evaluation' },
  'formality-online-payment-tree': { group: 'TTTT', shape: 'tree' },
} as const satisfies Record<string, { group: GroupCode | 'TOTAL'; shape: 'evaluation' | 'tree' }>;
export type ScoreEndpoint = keyof typeof SCORE_ENDPOINTS;
export const ENDPOINT_NAMES = Object.keys(SCORE_ENDPOINTS) as ScoreEndpoint[];

/** The fields of a shape: the root row and the list of units. */
export const SHAPE_FIELDS = {
  evaluation: { root: 'overview', rows: 'evaluation' },
  tree: { root: 'parent', rows: 'children' },
} as const;

/** What the portal's own dashboard sends: its firewall lets browser-like callers through. */
export const BROWSER_HEADERS = {
  Origin: 'https://dichvucong.gov.vn',
  Referer: 'https://dichvucong.gov.vn/danh-gia-chat-luong-phuc-vu',
  Accept: 'application/json, text/plain, */*',
  'Content-Type': 'application/json',
};
