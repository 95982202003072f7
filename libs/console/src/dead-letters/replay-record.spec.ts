import { Topics } from '@lienthong/kafka';
import type { DeadLetterDetail } from './dead-letter-index';
import { parseHistory, replayRecord, ReplayHeader } from './replay-record';

const topics = new Topics('t.');

function letter(overrides: Partial<DeadLetterDetail> = {}): DeadLetterDetail {
  return {
    id: 7,
    stage: 'national-portal',
    reason: 'RETRIES_EXHAUSTED_PORTAL_UNAVAILABLE',
    message: 'still failing after 3 retry topics',
    sourceSystem: 'motcua',
    dossierCode: 'H26.99-261101-0001',
    topic: 't.dlq.national-portal.v1',
    partition: 0,
    offset: '12',
    failedAt: '2026-11-01T08:00:00.000Z',
    replayedAt: null,
    replayId: null,
    key: 'H26.99-261101-0001',
    sourceTopic: 't.retry.national-portal.3',
    sourcePartition: 2,
    sourceOffset: '40',
    headers: {
      ce_id: 'motcua:e1',
      traceparent: '00-0123456789abcdef0123456789abcdef-0123456789abcdef-01',
      'lienthong-dlq-reason': 'RETRIES_EXHAUSTED_PORTAL_UNAVAILABLE',
      'lienthong-dlq-source-topic': 't.retry.national-portal.3',
      'lienthong-retry-level': '3',
      'lienthong-retry-due-at': '1762000000000',
    },
    value: Buffer.from('{"dossierCode":"H26.99-261101-0001"}'),
    ...overrides,
  };
}

describe(replayRecord.name, () => {
  it('sends a connector dead letter back to its route topic with its retry state reset', () => {
    const sut = replayRecord(letter(), topics, 'replay-1', 'alice');
    expect(sut.topic).toBe('t.route.national-portal.v1');
    expect(sut.key).toBe('H26.99-261101-0001');
    expect(sut.value.toString()).toBe('{"dossierCode":"H26.99-261101-0001"}');
    expect(Object.keys(sut.headers).filter((name) => /^lienthong-(dlq|retry)-/.test(name))).toEqual([]);
    expect(sut.headers).toMatchObject({
      ce_id: 'motcua:e1',
      traceparent: '00-0123456789abcdef0123456789abcdef-0123456789abcdef-01',
      [ReplayHeader.Id]: 'replay-1',
      [ReplayHeader.Of]: 't.dlq.national-portal.v1/0/12',
      [ReplayHeader.By]: 'alice',
    });
  });

  it('sends a hub dead letter back to the source topic it was read from', () => {
    const sut = replayRecord(
      letter({ stage: 'hub', sourceTopic: 't.src.motcua.dossier-events' }),
      topics,
      'r',
      'a',
    );
    expect(sut.topic).toBe('t.src.motcua.dossier-events');
  });

  it('adds this failure to the history an earlier replay left', () => {
    const earlier = replayRecord(letter(), topics, 'replay-1', 'alice');
    const again = letter({
      id: 9,
      offset: '30',
      headers: { ...earlier.headers, 'lienthong-dlq-reason': 'X' },
    });
    const sut = replayRecord(again, topics, 'replay-2', 'bob');
    expect(
      parseHistory(sut.headers[ReplayHeader.History]).map((item) => [item.deadLetter, item.replayId]),
    ).toEqual([
      ['t.dlq.national-portal.v1/0/12', 'replay-1'],
      ['t.dlq.national-portal.v1/0/30', 'replay-2'],
    ]);
  });
});
