import { createHmac } from 'node:crypto';
import stableStringify from 'fast-json-stable-stringify';
import { chainHash, GENESIS_HASH, verifyChain, type AuditRecord } from './audit-chain';

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
