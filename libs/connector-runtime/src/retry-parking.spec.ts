import { Topics, type IncomingRecord } from '@lienthong/kafka';
import { RetriableError, TargetAccessError } from './errors';
import { park, RetryHeader } from './retry-parking';

const topics = new Topics('');
const DELAYS_S = [30, 300];

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
    const sut = park(record(), 'population', topics, DELAYS_S, new RetriableError('HTTP_503', 'down'));
    expect(sut.topic).toBe(topics.retry('population', 1));
    expect(sut.headers).toMatchObject({ [RetryHeader.Level]: '1', [RetryHeader.Reason]: 'HTTP_503' });
    expect(Number(sut.headers![RetryHeader.DueAt]) - Date.now()).toBeGreaterThan(29_000);
  });

  it('dead-letters an event still failing after the last level', () => {
    const sut = park(record(2), 'population', topics, DELAYS_S, new RetriableError('HTTP_503', 'down'));
    expect(sut.topic).toBe(topics.deadLetter('population'));
  });

  it('holds an event on the last level while the target refuses our access: the dossier is not at fault', () => {
    const refused = new TargetAccessError('POPULATION_AUTH', 'signature refused');
    const sut = park(record(2), 'population', topics, DELAYS_S, refused);
    expect(sut.topic).toBe(topics.retry('population', 2));
    expect(sut.headers).toMatchObject({ [RetryHeader.Level]: '2', [RetryHeader.Reason]: 'POPULATION_AUTH' });
  });
});
