import { createHmac } from 'node:crypto';
import stableStringify from 'fast-json-stable-stringify';

/** What an operator did, as the console records it. */
export interface AuditEntry {
  actor: string;
  /** The id of the token the actor used; absent on rows written before tokens were named by id. */
  actorTokenId?: string;
  role: string;
  action: string;
  target: string;
  parameters: Record<string, unknown>;
  /** `ok`, `refused` or `failed`. */
  result: string;
  detail: Record<string, unknown>;
}

export interface AuditRecord extends AuditEntry {
  id: number;
  at: string;
  prevHash: string;
  hash: string;
}

/** The previous hash of the first row. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * The row's hash: an HMAC over everything in it and the previous row's hash, so rows chain. A field
 * added later (`actorTokenId`) is hashed only when present, so older rows keep their hash.
 */
export function chainHash(key: string, row: Omit<AuditRecord, 'hash'>): string {
  const content = stableStringify({
    id: row.id,
    at: row.at,
    actor: row.actor,
    ...(row.actorTokenId === undefined ? {} : { actorTokenId: row.actorTokenId }),
    role: row.role,
    action: row.action,
    target: row.target,
    parameters: row.parameters,
    result: row.result,
    detail: row.detail,
    prevHash: row.prevHash,
  });
  return createHmac('sha256', key).update(content, 'utf8').digest('hex');
}

export interface ChainProblem {
  id: number;
  problem: 'changed' | 'missing-before' | 'broken-link';
  message: string;
}

export interface ChainVerdict {
  ok: boolean;
  checked: number;
  problems: ChainProblem[];
  /** The last row: keep its id and hash elsewhere to detect rows deleted from the end. */
  head: { id: number; hash: string } | null;
}

/**
 * Checks a whole log, in id order: every row's hash matches its content (changed rows), ids have no
 * gaps (deleted rows), and each row names the previous row's hash (deleted or inserted rows).
 */
export function verifyChain(key: string, rows: AuditRecord[]): ChainVerdict {
  const problems: ChainProblem[] = [];
  let previous: AuditRecord | undefined;
  for (const row of rows) {
    if (chainHash(key, row) !== row.hash) {
      problems.push({ id: row.id, problem: 'changed', message: `row ${row.id} does not match its hash` });
    }
    const expectedId = (previous?.id ?? 0) + 1;
    if (row.id !== expectedId) {
      problems.push({
        id: row.id,
        problem: 'missing-before',
        message: `rows ${expectedId}..${row.id - 1} are missing before row ${row.id}`,
      });
    }
    if (row.prevHash !== (previous?.hash ?? GENESIS_HASH)) {
      problems.push({
        id: row.id,
        problem: 'broken-link',
        message: `row ${row.id} does not follow ${previous ? `row ${previous.id}` : 'the start of the log'}`,
      });
    }
    previous = row;
  }
  return {
    ok: problems.length === 0,
    checked: rows.length,
    problems,
    head: previous ? { id: previous.id, hash: previous.hash } : null,
  };
}
