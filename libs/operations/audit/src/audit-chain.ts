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

/** The chain's head as kept outside the table (the anchor), to find rows cut from the end. */
export interface ChainAnchor {
  id: number;
  hash: string;
  /** The hash of the row before, as the append found it committed. */
  prevHash: string;
  at: string;
}

/** What the anchors kept outside the table say, read before the rows. */
export interface AnchorReading {
  /** The latest head; null when none was ever anchored. */
  head: ChainAnchor | null;
  /**
   * Row id to the hash that row had when the next row was appended after it, from every anchor still
   * kept (the first one per row): rows cut from the end and then written anew do not match it.
   */
  committed: ReadonlyMap<number, string>;
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
  problem:
    | 'changed'
    | 'missing-before'
    | 'broken-link'
    | 'missing-tail'
    | 'truncated'
    | 'anchor-mismatch'
    | 'no-anchor';
  message: string;
}

export interface ChainVerdict {
  ok: boolean;
  checked: number;
  /** The first problems found (at most MAX_LISTED_PROBLEMS); `problemCount` counts them all. */
  problems: ChainProblem[];
  problemCount: number;
  /** The last row of the table. */
  head: { id: number; hash: string } | null;
  /** The head anchored outside the table when the check began; null when none was; absent when not asked. */
  anchor?: ChainAnchor | null;
}

/** Folds the anchors kept outside the table, oldest first, into what they say. */
export class AnchorHistory {
  private head: ChainAnchor | null = null;
  private readonly committed = new Map<number, string>();

  /** null: the anchor was deleted (a tombstone). */
  add(anchor: ChainAnchor | null): void {
    this.head = anchor;
    // The first word on a row is the true one: a later, different one means it was cut and rewritten.
    if (anchor && anchor.id > 1 && !this.committed.has(anchor.id - 1)) {
      this.committed.set(anchor.id - 1, anchor.prevHash);
    }
  }

  reading(): AnchorReading {
    return { head: this.head, committed: this.committed };
  }
}

/** A wholly rewritten log must not make the verdict itself unbounded. */
export const MAX_LISTED_PROBLEMS = 1000;

/**
 * Checks a log row by row, in id order, holding only the previous row: every row's hash matches its
 * content (changed rows), ids have no gaps (deleted rows), and each row names the previous row's hash
 * (deleted or inserted rows). Given the anchor read before the rows, it also finds rows cut from the
 * end, a truncated table and a head rewritten with the key. Rows after the anchor are checked by the
 * chain alone: an append may commit while the rows are read.
 */
export class ChainChecker {
  private previous: { id: number; hash: string } | null = null;
  private checked = 0;
  private problemCount = 0;
  private readonly problems: ChainProblem[] = [];
  private anchorReached = false;
  private readonly anchor?: ChainAnchor | null;
  private readonly lastCommitted: number;

  /** Leave `anchors` out only to check the chain alone (unit tests). */
  constructor(
    private readonly key: string,
    private readonly anchors?: AnchorReading,
  ) {
    this.anchor = anchors?.head;
    let lastCommitted = 0;
    for (const id of anchors?.committed.keys() ?? []) lastCommitted = Math.max(lastCommitted, id);
    this.lastCommitted = lastCommitted;
  }

  add(row: AuditRecord): void {
    const previous = this.previous;
    if (chainHash(this.key, row) !== row.hash) {
      this.report(row.id, 'changed', `row ${row.id} does not match its hash`);
    }
    const expectedId = (previous?.id ?? 0) + 1;
    if (row.id !== expectedId) {
      this.report(
        row.id,
        'missing-before',
        `rows ${expectedId}..${row.id - 1} are missing before row ${row.id}`,
      );
    }
    if (row.prevHash !== (previous?.hash ?? GENESIS_HASH)) {
      this.report(
        row.id,
        'broken-link',
        `row ${row.id} does not follow ${previous ? `row ${previous.id}` : 'the start of the log'}`,
      );
    }
    const committed = this.anchors?.committed.get(row.id);
    if (committed !== undefined && committed !== row.hash) {
      this.report(row.id, 'anchor-mismatch', `row ${row.id} is not the row the anchors saw committed`);
    }
    if (this.anchor && row.id === this.anchor.id) {
      this.anchorReached = true;
      if (row.hash !== this.anchor.hash) {
        this.report(row.id, 'anchor-mismatch', `row ${row.id} is not the row anchored as the head`);
      }
    }
    this.previous = { id: row.id, hash: row.hash };
    this.checked += 1;
  }

  verdict(): ChainVerdict {
    this.checkTail();
    return {
      ok: this.problemCount === 0,
      checked: this.checked,
      problems: this.problems,
      problemCount: this.problemCount,
      head: this.previous,
      ...(this.anchor === undefined ? {} : { anchor: this.anchor }),
    };
  }

  private checkTail(): void {
    const { anchor, previous: head } = this;
    if (anchor === undefined) return;
    if (anchor === null) {
      // Without an anchor a cut-off tail cannot be seen, so the log cannot be called intact.
      if (head) this.report(head.id, 'no-anchor', 'no head is anchored outside the table');
      return;
    }
    const anchoredId = Math.max(anchor.id, this.lastCommitted);
    if (this.anchorReached && (head?.id ?? 0) >= anchoredId) return;
    if (!head) {
      this.report(anchoredId, 'truncated', `the table is empty, but row ${anchoredId} was anchored`);
    } else if (head.id < anchoredId) {
      this.report(
        anchoredId,
        'missing-tail',
        `rows ${head.id + 1}..${anchoredId} are missing from the end (row ${anchoredId} was anchored)`,
      );
    } else {
      this.report(anchor.id, 'anchor-mismatch', `row ${anchor.id}, anchored as the head, is missing`);
    }
  }

  private report(id: number, problem: ChainProblem['problem'], message: string): void {
    this.problemCount += 1;
    if (this.problems.length < MAX_LISTED_PROBLEMS) this.problems.push({ id, problem, message });
  }
}

/** Checks a whole log held in memory (see ChainChecker). */
export function verifyChain(key: string, rows: Iterable<AuditRecord>, anchors?: AnchorReading): ChainVerdict {
  const checker = new ChainChecker(key, anchors);
  for (const row of rows) checker.add(row);
  return checker.verdict();
}
