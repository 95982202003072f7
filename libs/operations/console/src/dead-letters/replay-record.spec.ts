import type { ClaimedLetter } from './replay-claims';
import { ReplayHeader } from '@lienthong/kafka';
import { parseHistory, replayRecord } from './replay-record';

const ROUTE = 't.route.national-portal.v1';

function letter(overrides: Partial<ClaimedLetter> = {}): ClaimedLetter {
  return {
    id: 7,
    stage: 'national-portal',
    reason: 'RETRIES_EXHAUSTED_PORTAL_UNAVAILABLE',
    message: 'still failing after 3 retry topics',
    topic: 't.dlq.national-portal.v1',
    partition: 0,
    offset: '12',
    failedAt: '2026-11-01T08:00:00.000Z',
    key: Buffer.from('H26.99-261101-0001'),
    headers: {
      ce_id: 'motcua:e1',
      traceparent: '00-0123456789abcdef0123456789abcdef-0123456789abcdef-01',
      'lienthong-dlq-reason': 'RETRIES_EXHAUSTED_PORTAL_UNAVAILABLE',
      'lienthong-dlq-source-topic': 't.retry.national-portal.3',
      'lienthong-retry-level': '3',
      'lienthong-retry-due-at': '1762000000000',
      'lienthong-held-since': '1761990000000',
    },
    value: Buffer.from('{"dossierCode":"H26.99-261101-0001"}'),
    ...overrides,
  };
}

describe(replayRecord.name, () => {
  it('sends a dead letter to its target with its original bytes and its retry state reset', () => {
    const sut = replayRecord(letter(), ROUTE, 'replay-1', 'alice');
    expect(sut.topic).toBe(ROUTE);
    expect(sut.key).toEqual(Buffer.from('H26.99-261101-0001'));
    expect(sut.value.toString()).toBe('{"dossierCode":"H26.99-261101-0001"}');
    expect(Object.keys(sut.headers).filter((name) => /^lienthong-(dlq|retry|held)-/.test(name))).toEqual([]);
    expect(sut.headers).toMatchObject({
      ce_id: 'motcua:e1',
      traceparent: '00-0123456789abcdef0123456789abcdef-0123456789abcdef-01',
      [ReplayHeader.Id]: 'replay-1',
      [ReplayHeader.Of]: 't.dlq.national-portal.v1/0/12',
      [ReplayHeader.By]: 'alice',
    });
  });

  it('keeps a key and headers that hold a NUL byte as they were', () => {
    const sut = replayRecord(
      letter({ key: Buffer.from('H26\u0000x'), headers: { note: 'a\u0000b' } }),
      ROUTE,
      'r',
      'a',
    );
    expect(sut.key).toEqual(Buffer.from('H26\u0000x'));
    expect(sut.headers.note).toBe('a\u0000b');
  });

  it('adds this failure to the history an earlier replay left', () => {
    const earlier = replayRecord(letter(), ROUTE, 'replay-1', 'alice');
    const again = letter({
      id: 9,
      offset: '30',
      headers: { ...earlier.headers, 'lienthong-dlq-reason': 'X' },
    });
    const sut = replayRecord(again, ROUTE, 'replay-2', 'bob');
    expect(
      parseHistory(sut.headers[ReplayHeader.History]).map((item) => [item.deadLetter, item.replayId]),
    ).toEqual([
      ['t.dlq.national-portal.v1/0/12', 'replay-1'],
      ['t.dlq.national-portal.v1/0/30', 'replay-2'],
    ]);
  });
});
