import type { AgencyMapping, StoredScore } from '@lienthong/national-score';
import { normalizeAgencyCode } from '@lienthong/sources';

/** A unit or an agency that has no partner on the other side: listed, never dropped. */
export interface Unmatched {
  side: 'national' | 'lienthong';
  code: string;
  name: string | null;
}

export interface AgencyMatch {
  /** Lienthong agency code → its national unit. */
  units: Map<string, StoredScore>;
  unmatched: Unmatched[];
}

/** The four-part form of an agency code in either form (SOURCES.md), or undefined when it is neither. */
export function agencyCodeOf(code: string | null): string | undefined {
  if (!code) return undefined;
  try {
    return normalizeAgencyCode(code, 'departmentCode');
  } catch {
    return undefined;
  }
}

/**
 * Pairs the national units of a period with Lienthong's agencies: a line of the mapping file (by
 * departmentId, then departmentCode) wins; else a unit whose departmentCode is an agency code, in
 * either form, is that agency. The province's own row is no agency. Units and agencies left without a
 * partner are listed in `unmatched`; a second unit claiming an agency already taken is listed too.
 */
export function matchAgencies(
  units: StoredScore[],
  agencies: Map<string, string | null>,
  mapping: readonly AgencyMapping[],
  rootDepartmentId: string,
): AgencyMatch {
  const byId = new Map(mapping.flatMap((line) => (line.departmentId ? [[line.departmentId, line]] : [])));
  const byCode = new Map(
    mapping.flatMap((line) => (line.departmentCode ? [[line.departmentCode, line]] : [])),
  );
  const matched = new Map<string, StoredScore>();
  const unmatched: Unmatched[] = [];
  const ordered = [...units].sort((a, b) => (a.unit.code ?? '').localeCompare(b.unit.code ?? ''));
  for (const score of ordered) {
    const { departmentId, code, name } = score.unit;
    if (departmentId === rootDepartmentId) continue;
    const line = byId.get(departmentId) ?? (code ? byCode.get(code) : undefined);
    const own = line ? (agencyCodeOf(line.agencyCode) ?? line.agencyCode) : agencyCodeOf(code);
    const known = own !== undefined && (line !== undefined || agencies.has(own));
    if (known && !matched.has(own)) matched.set(own, score);
    else unmatched.push({ side: 'national', code: code ?? departmentId, name });
  }
  for (const [agencyCode, name] of agencies) {
    if (!matched.has(agencyCode)) unmatched.push({ side: 'lienthong', code: agencyCode, name });
  }
  return { units: matched, unmatched };
}
