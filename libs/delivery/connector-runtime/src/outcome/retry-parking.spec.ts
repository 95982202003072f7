import { Topics, type IncomingRecord } from '@lienthong/kafka';
import { RetriableError, TargetAccessError, WaitingForNewerError } from '../errors';
import { RetryHeader } from '@lienthong/kafka';
import { park } from './retry-parking';

const topics = new Topics('');
const DELAYS_S = [30, 300];
const HOLD_MAX_MS = 3_600_000;

const record = (level?: number): IncomingRecord => ({
  topic: level ? topics.retry('population', level) : topics.route('population'),
  partition: 0,
  offset: '7',
  key: Buffer.from('000.00.12.H26-240815-0042'),
  value: Buffer.from('{}'),
  headers: level ? { [RetryHeader.Level]: String(level) } : {},
  timestamp: '0',
});

describe(park.name, () => {
  it('parks a failing event on the next retry level, due after that level’s delay', () => {
    const sut = park(
      record(),
      'population',
      topics,
      DELAYS_S,
      new RetriableError('HTTP_503', 'down'),
      HOLD_MAX_MS,
    );
    expect(sut.topic).toBe(topics.retry('population', 1));
    expect(sut.headers).toMatchObject({ [RetryHeader.Level]: '1', [RetryHeader.Reason]: 'HTTP_503' });
    expect(Number(sut.headers![RetryHeader.DueAt]) - Date.now()).toBeGreaterThan(29_000);
  });

  it('dead-letters an event still failing after the last level', () => {
    const sut = park(
      record(2),
      'population',
      topics,
      DELAYS_S,
      new RetriableError('HTTP_503', 'down'),
      HOLD_MAX_MS,
    );
    expect(sut.topic).toBe(topics.deadLetter('population'));
  });

  it('holds an event on the last level while the target refuses our access: the dossier is not at fault', () => {
    const refused = new TargetAccessError('POPULATION_AUTH', 'signature refused');
    const sut = park(record(2), 'population', topics, DELAYS_S, refused, HOLD_MAX_MS);
    expect(sut.topic).toBe(topics.retry('population', 2));
    expect(sut.headers).toMatchObject({ [RetryHeader.Level]: '2', [RetryHeader.Reason]: 'POPULATION_AUTH' });
  });

  it('keeps an event waiting for a newer one on its level (at least the first), then dead-letters it after the hold', () => {
    const fromRoute = park(record(), 'population', topics, DELAYS_S, new WaitingForNewerError(), HOLD_MAX_MS);
    expect(fromRoute.headers).toMatchObject({
      [RetryHeader.Level]: '1',
      [RetryHeader.Reason]: 'NOT_AT_TARGET_YET',
    });
    const heldSince = Number(fromRoute.headers![RetryHeader.HeldSince]);
    expect(Math.abs(heldSince - Date.now())).toBeLessThan(1_000);

    const again = {
      ...record(2),
      headers: { [RetryHeader.Level]: '2', [RetryHeader.HeldSince]: String(heldSince) },
    };
    const stillWaiting = park(again, 'population', topics, DELAYS_S, new WaitingForNewerError(), HOLD_MAX_MS);
    expect(stillWaiting.topic).toBe(topics.retry('population', 2));
    expect(stillWaiting.headers![RetryHeader.HeldSince]).toBe(String(heldSince));

    const tooLong = {
      ...again,
      headers: { ...again.headers, [RetryHeader.HeldSince]: String(Date.now() - 2 * HOLD_MAX_MS) },
    };
    const given = park(tooLong, 'population', topics, DELAYS_S, new WaitingForNewerError(), HOLD_MAX_MS);
    expect(given.topic).toBe(topics.deadLetter('population'));
    expect(given.headers).toMatchObject({ 'lienthong-dlq-reason': 'HELD_TOO_LONG_NOT_AT_TARGET_YET' });
  });
});
