import { createHmac } from 'node:crypto';
import stableStringify from 'fast-json-stable-stringify';
import {
  AnchorHistory,
  ChainChecker,
  chainHash,
  GENESIS_HASH,
  MAX_LISTED_PROBLEMS,
  verifyChain,
  type AuditRecord,
} from './audit-chain';

const KEY = 'test-audit-key';

function chain(count: number): AuditRecord[] {
  const rows: AuditRecord[] = [];
  for (let id = 1; id <= count; id += 1) {
    const row = {
      id,
      at: new Date(Date.UTC(2026, 10, 1, 8, id)).toISOString(),
      actor: 'alice',
      role: 'operator',
      action: 'connector.pause',
      target: `connector/national-portal`,
      parameters: { reason: `maintenance ${id}` },
      result: 'ok',
      detail: {},
      prevHash: rows.at(-1)?.hash ?? GENESIS_HASH,
    };
    rows.push({ ...row, hash: chainHash(KEY, row) });
  }
  return rows;
}

describe(verifyChain.name, () => {
  it('accepts an untouched log and names its head', () => {
    const sut = verifyChain(KEY, chain(5));
    expect(sut).toMatchObject({ ok: true, checked: 5, problems: [], head: { id: 5 } });
  });

  it('finds a row changed after it was written', () => {
    const rows = chain(5);
    rows[2] = { ...rows[2], parameters: { reason: 'nothing happened' } };
    const sut = verifyChain(KEY, rows);
    expect(sut.ok).toBe(false);
    expect(sut.problems).toEqual([expect.objectContaining({ id: 3, problem: 'changed' })]);
  });

  it('finds a deleted row', () => {
    const rows = chain(5);
    rows.splice(1, 1);
    const problems = verifyChain(KEY, rows).problems.map(({ id, problem }) => [id, problem]);
    expect(problems).toEqual([
      [3, 'missing-before'],
      [3, 'broken-link'],
    ]);
  });

  it('finds a row inserted with a made-up hash, even with the ids renumbered', () => {
    const rows = chain(4);
    const forged = { ...rows[1], actor: 'mallory', hash: 'f'.repeat(64) };
    const tampered = [rows[0], rows[1], forged, ...rows.slice(2)].map((row, index) => ({
      ...row,
      id: index + 1,
    }));
    expect(verifyChain(KEY, tampered).ok).toBe(false);
  });

  it('refuses a log written with another key', () => {
    expect(verifyChain('another key', chain(2)).problems[0]).toMatchObject({ id: 1, problem: 'changed' });
  });

  it('hashes the token id when a row has one, and rows written before keep their hash', () => {
    const [row] = chain(1);
    const { hash, ...unhashed } = row;
    const asFirstWritten = createHmac('sha256', KEY)
      .update(stableStringify({ ...unhashed }), 'utf8')
      .digest('hex');
    expect(hash).toBe(asFirstWritten);
    const withToken = { ...row, actorTokenId: 'a1b2c3' };
    expect(verifyChain(KEY, [withToken]).problems[0]).toMatchObject({ problem: 'changed' });
    expect(verifyChain(KEY, [{ ...withToken, hash: chainHash(KEY, withToken) }]).ok).toBe(true);
  });
});

/** What the anchors say after each of these rows was appended, in order. */
function anchorsOf(...appended: AuditRecord[]) {
  const history = new AnchorHistory();
  for (const { id, hash, prevHash, at } of appended) history.add({ id, hash, prevHash, at });
  return history.reading();
}

describe(ChainChecker.name, () => {
  const anchorOf = (row: AuditRecord) => anchorsOf(row);

  it('accepts a log whose last row is the anchored head', () => {
    const rows = chain(5);
    const sut = new ChainChecker(KEY, anchorOf(rows[4]));
    rows.forEach((row) => sut.add(row));
    expect(sut.verdict()).toMatchObject({ ok: true, checked: 5, anchor: { id: 5 } });
  });

  it('accepts rows appended after the anchor was read', () => {
    const rows = chain(5);
    expect(verifyChain(KEY, rows, anchorOf(rows[2])).ok).toBe(true);
  });

  it('finds rows cut from the end', () => {
    const rows = chain(5);
    const sut = verifyChain(KEY, rows.slice(0, 3), anchorOf(rows[4]));
    expect(sut.ok).toBe(false);
    expect(sut.problems).toEqual([expect.objectContaining({ id: 5, problem: 'missing-tail' })]);
  });

  it('finds a truncated table', () => {
    const rows = chain(2);
    expect(verifyChain(KEY, [], anchorOf(rows[1])).problems).toEqual([
      expect.objectContaining({ id: 2, problem: 'truncated' }),
    ]);
  });

  it('finds a head rewritten with the key, which the chain alone cannot see', () => {
    const rows = chain(3);
    const anchor = anchorsOf(...rows);
    const unhashed = { ...rows[2], actor: 'mallory' };
    rows[2] = { ...unhashed, hash: chainHash(KEY, unhashed) };
    expect(verifyChain(KEY, rows).ok).toBe(true);
    expect(verifyChain(KEY, rows, anchor).problems).toEqual([
      expect.objectContaining({ id: 3, problem: 'anchor-mismatch' }),
    ]);
  });

  it('finds rows cut from the end and written anew, by what earlier anchors saw committed', () => {
    const rows = chain(5);
    const unhashed = { ...rows[3], actor: 'mallory' };
    const rewritten = [...rows.slice(0, 3), { ...unhashed, hash: chainHash(KEY, unhashed) }];
    const anchors = anchorsOf(...rows, rewritten[3]);
    expect(verifyChain(KEY, rewritten).ok).toBe(true);
    expect(verifyChain(KEY, rewritten, anchors).problems).toEqual([
      expect.objectContaining({ id: 4, problem: 'anchor-mismatch' }),
    ]);
  });

  it('accepts a head written again after a commit that failed', () => {
    const rows = chain(4);
    const unhashed = { ...rows[3], actor: 'never committed' };
    const failed = { ...unhashed, hash: chainHash(KEY, unhashed) };
    expect(verifyChain(KEY, rows, anchorsOf(...rows.slice(0, 3), failed, rows[3])).ok).toBe(true);
  });

  it('fails rows with no anchor, and accepts an empty log with none', () => {
    const none = { head: null, committed: new Map() };
    expect(verifyChain(KEY, chain(2), none).problems).toEqual([
      expect.objectContaining({ id: 2, problem: 'no-anchor' }),
    ]);
    expect(verifyChain(KEY, [], none)).toMatchObject({ ok: true, checked: 0, anchor: null });
  });

  it('keeps the verdict bounded when every row is wrong', () => {
    const rows = chain(MAX_LISTED_PROBLEMS + 10).map((row) => ({ ...row, hash: 'f'.repeat(64) }));
    const sut = verifyChain('another key', rows);
    expect(sut.problems).toHaveLength(MAX_LISTED_PROBLEMS);
    expect(sut.problemCount).toBeGreaterThan(MAX_LISTED_PROBLEMS);
  });
});
