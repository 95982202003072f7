import { isDeepStrictEqual } from 'node:util';

export type Drift = 'missing' | 'differing';

export interface DriftFound {
  dossierCode: string;
  drift: Drift;
  /** Portal fields that differ from what was last sent (for `differing`). */
  fields: string[];
  outcome: 'restored' | 'failed' | 'superseded';
  /** Progress records (status steps) sent again because the portal lacked them. */
  steps?: number;
  error?: string;
}

export interface ReconciliationReport {
  connector: string;
  trigger: 'schedule' | 'operator';
  since: string | null;
  startedAt: string;
  finishedAt: string;
  checked: number;
  missing: number;
  differing: number;
  restored: number;
  failed: number;
  drifts: DriftFound[];
}

/** Fields of what was sent that the portal holds differently (absent or another value); key order aside, as the ledger's jsonb does not keep it. */
export function differingFields(sent: Record<string, unknown>, held: Record<string, unknown>): string[] {
  return Object.keys(sent)
    .filter((field) => sent[field] !== undefined && sent[field] !== null)
    .filter((field) => !isDeepStrictEqual(sent[field], held[field]));
}
