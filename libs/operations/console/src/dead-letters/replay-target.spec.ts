import { Topics } from '@lienthong/kafka';
import { Flow } from '../flow';
import { replayTarget } from './replay-target';

const topics = new Topics('t.');
const flow = new Flow(topics, ['motcua', 'lltp'], ['national-portal'], 2, 't.hub');
const hub = (sourceTopic: string | null) => ({ id: 1, stage: 'hub', sourceTopic });

describe(replayTarget.name, () => {
  it('sends a hub dead letter back to the source topic of its system', () => {
    expect(replayTarget(hub('t.src.motcua.dossier-events'), flow)).toEqual({
      topic: 't.src.motcua.dossier-events',
    });
  });

  it.each(['t.dossier.v1', 't.route.national-portal.v1', 't.retry.national-portal.2'])(
    'sends a connector dead letter from %s to its own route topic',
    (sourceTopic) => {
      const sut = replayTarget({ id: 2, stage: 'national-portal', sourceTopic }, flow);
      expect(sut).toEqual({ topic: 't.route.national-portal.v1' });
    },
  );

  it.each([
    ["another connector's route", 't.route.documents.v1'],
    ['an inbox outside Kafka', 'documents.status-inbox'],
    ['nothing', null],
  ])('refuses a connector dead letter that came from %s', (_, sourceTopic) => {
    const sut = replayTarget({ id: 2, stage: 'national-portal', sourceTopic }, flow);
    expect(sut).toEqual({
      code: 'REPLAY_NOT_FROM_ROUTE',
      refused: expect.stringContaining("national-portal's route or retry topics"),
    });
  });

  it.each([
    ['the canonical topic', 't.dossier.v1'],
    ['a route topic', 't.route.national-portal.v1'],
    ['a source topic of an unknown system', 't.src.evil.dossier-events'],
    ['a source topic of another prefix', 'src.motcua.dossier-events'],
    ['a foreign topic', '__consumer_offsets'],
  ])('refuses a hub dead letter whose source topic is %s', (_, sourceTopic) => {
    const sut = replayTarget(hub(sourceTopic), flow);
    expect(sut).toEqual({
      code: 'REPLAY_UNKNOWN_SOURCE',
      refused: expect.stringContaining('is not the topic of a known source system'),
    });
  });

  it('refuses a hub dead letter that names no source topic', () => {
    expect(replayTarget(hub(null), flow)).toEqual({
      code: 'REPLAY_NO_SOURCE_TOPIC',
      refused: 'it names no source topic',
    });
  });

  it('refuses a dead letter of a stage the flow does not have', () => {
    const sut = replayTarget({ id: 3, stage: 'old-connector', sourceTopic: null }, flow);
    expect(sut).toEqual({
      code: 'REPLAY_UNKNOWN_STAGE',
      refused: expect.stringContaining('neither the hub nor a known connector'),
    });
  });
});
