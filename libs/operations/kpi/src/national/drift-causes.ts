import type { Database } from '@lienthong/database';
import { latestFindingsAmong, type Finding } from '@lienthong/national-portal';
import { SCORING_TABLE } from '../scoring-table';
import { fieldOf, FLAGS, type OwnFlags, type PortalFacts } from './portal-facts';

/**
 * Why Lienthong's reckoning and the nation's differ, computed per dossier: what Lienthong holds (the
 * KPI facts) against what reached the portal (what the portal connector last sent, and what the
 * portal's reconciliation found there). The national side publishes only sums; these are the dossiers
 * whose portal-side record explains them. Dossier codes only: no personal data.
 */
export type CauseKind = 'not_at_portal' | 'flag_differs' | 'status_time_missing' | 'not_measurable';

export interface CauseDossier {
  code: string;
  detail: string;
}

export interface Cause {
  kind: CauseKind;
  /** The scoring item the cause moves (config/scoring-766.yaml). */
  item: string;
  /** For flag_differs: the portal field that differs. */
  flag?: string;
  count: number;
  /** What an operator can do: re-send from Lienthong, or correct it where the data is born. */
  action: 'resync' | 'fix_at_source';
  how: string;
  dossiers: CauseDossier[];
}

/**
 * One dossier's facts as the KPI read model holds them: what the causes compare, Lienthong's own and
 * what the portal connector last sent (none: never sent).
 */
export interface HeldDossier extends OwnFlags {
  dossier_code: string;
  finished: boolean;
  portal: PortalFacts | undefined;
}

const RESEND =
  "Re-sync the dossier from Lienthong: its trace in the console, button 'Re-sync with the portal' " +
  '(POST /api/v1/dossiers/{code}/resync, operator, audited), or `npm run lienthong -- reconcile --dossier <code>` ' +
  'on the host; a delivery that ended in a dead letter is replayed in the console ' +
  '(POST /api/v1/dead-letters/{id}/replay, operator, audited).';
const AT_SOURCE =
  'Not in the dossiers Lienthong receives: correct it in the system the item is computed from (its rule says which).';
const END_STATUSES = new Set([3, 7, 8, 9, 10]);
const STATUS_FIELDS = new Set(['TrangThaiHoSo', 'NgayKetThucXuLy', 'NgayTraKetQua']);

const yesNo = (value: boolean) => (value ? 'có' : 'không');

export interface Found {
  kind: CauseKind;
  item: string;
  flag?: string;
  dossier: CauseDossier;
}

function ledgerCauses(dossier: HeldDossier): Found[] {
  const sent = dossier.portal;
  const code = dossier.dossier_code;
  if (!sent?.created) {
    const detail = sent
      ? 'sent, not created at the portal (delivery refused or failed)'
      : 'never sent to the portal';
    return [{ kind: 'not_at_portal', item: 'portal_sync', dossier: { code, detail } }];
  }
  const found: Found[] = [];
  for (const { flag, item, own } of FLAGS) {
    const mine = own(dossier);
    const theirs = sent.flags[flag];
    if (mine !== theirs) {
      const detail = `${flag}: Lienthong ${yesNo(mine)}, sent to the portal ${yesNo(theirs)}`;
      found.push({ kind: 'flag_differs', item, flag, dossier: { code, detail } });
    }
  }
  if (dossier.finished && (sent.status === null || !END_STATUSES.has(sent.status))) {
    const detail = `finished here; the portal's last status is ${sent.status ?? 'none'}: judged unfinished, late after its due date`;
    found.push({ kind: 'status_time_missing', item: 'on_time', dossier: { code, detail } });
  }
  return found;
}

function portalCauses(code: string, finding: Finding | undefined, publishedAt: Date | null): Found[] {
  if (!finding) return [];
  // Restored before the national figures were published: they already count it as the portal holds it.
  if (finding.outcome === 'restored' && publishedAt && finding.foundAt < publishedAt) return [];
  const when = `reconciliation ${finding.foundAt.toISOString()}, ${finding.outcome}`;
  if (finding.drift === 'missing') {
    return [
      {
        kind: 'not_at_portal',
        item: 'portal_sync',
        dossier: { code, detail: `missing at the portal (${when})` },
      },
    ];
  }
  const found: Found[] = [];
  for (const { flag, item } of FLAGS.filter(({ flag }) => finding.fields.includes(fieldOf(flag)))) {
    const detail = `the portal held another ${flag} than sent (${when})`;
    found.push({ kind: 'flag_differs', item, flag, dossier: { code, detail } });
  }
  const statuses = finding.fields.filter((field) => STATUS_FIELDS.has(field));
  if (statuses.length > 0) {
    const detail = `the portal held other ${statuses.join(', ')} than sent (${when})`;
    found.push({ kind: 'status_time_missing', item: 'on_time', dossier: { code, detail } });
  }
  return found;
}

/** One dossier's causes; one the portal lacks is that and nothing else. */
export function dossierCauses(
  dossier: HeldDossier,
  finding: Finding | undefined,
  publishedAt: Date | null,
): Found[] {
  const atPortal = portalCauses(dossier.dossier_code, finding, publishedAt);
  return atPortal.some((found) => found.kind === 'not_at_portal')
    ? atPortal
    : [...ledgerCauses(dossier), ...atPortal];
}

/** The items Lienthong cannot measure from dossier events: the national figure stands for them. */
export function notMeasurable(): Cause[] {
  return SCORING_TABLE.flatMap((group) => group.items)
    .filter((item) => !item.rate && item.max > 0)
    .map((item) => ({
      kind: 'not_measurable' as const,
      item: item.id,
      count: 0,
      action: 'fix_at_source' as const,
      how: `${AT_SOURCE} ${item.rule}`,
      dossiers: [],
    }));
}

/**
 * The causes among these dossiers (one agency's, one period's), each listing its dossiers, given the
 * latest reconciliation findings of the period (`reconciliationFindings`); a restored one counts only
 * when the national figures (`publishedAt`: when their version was first seen) predate the restoring.
 * A dossier the portal lacks is that and nothing else.
 */
export function driftCauses(
  dossiers: HeldDossier[],
  findings: ReadonlyMap<string, Finding>,
  publishedAt: Date | null,
): Cause[] {
  const causes = new Map<string, Cause>();
  for (const dossier of dossiers) {
    const code = dossier.dossier_code;
    const all = dossierCauses(dossier, findings.get(code), publishedAt);
    const seen = new Set<string>();
    for (const found of all) {
      const key = `${found.kind}|${found.item}|${found.flag ?? ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const cause = causes.get(key) ?? {
        kind: found.kind,
        item: found.item,
        ...(found.flag && { flag: found.flag }),
        count: 0,
        action: 'resync' as const,
        how: RESEND,
        dossiers: [],
      };
      cause.count += 1;
      cause.dossiers.push(found.dossier);
      causes.set(key, cause);
    }
  }
  return [...causes.values()].sort((a, b) => a.kind.localeCompare(b.kind) || a.item.localeCompare(b.item));
}

/** The latest reconciliation finding of each of these dossiers whose run finished since `since`. */
export const reconciliationFindings = (database: Database, dossiers: HeldDossier[], since: Date) =>
  latestFindingsAmong(
    database,
    dossiers.map((dossier) => dossier.dossier_code),
    since,
  );
