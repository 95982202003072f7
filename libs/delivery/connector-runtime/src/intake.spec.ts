import { projectPath } from '@lienthong/config';
import { Topics, type IncomingRecord } from '@lienthong/kafka';
import type { DossierEvent } from '@lienthong/schemas';
import { readFileSync } from 'node:fs';
import { PermanentError } from './errors';
import { routedDossierEvents } from './intake';

const dossier = (): DossierEvent =>
  JSON.parse(
    readFileSync(projectPath('test', 'fixtures', 'motcua', 'ok', 'normalization.dossier.json'), 'utf8'),
  ) as DossierEvent;

const recordOf = (value: string): IncomingRecord => ({
  topic: 'route.national-portal.v1',
  partition: 0,
  offset: '1',
  key: null,
  value: Buffer.from(value),
  headers: {},
  timestamp: '0',
});

describe('routedDossierEvents', () => {
  const sut = routedDossierEvents;

  it("reads a dossier.v1 event from the connector's route topic, its dossier its subject", () => {
    const event = dossier();

    const item = sut.read(recordOf(JSON.stringify(event)));

    expect(item).toEqual(event);
    expect(sut.keyOf(item)).toEqual({
      subject: event.dossierCode,
      dossierCode: event.dossierCode,
      sourceSystem: event.provenance.sourceSystem,
      sourceEventId: event.provenance.sourceEventId,
      sequence: event.provenance.sequence,
      status: event.status,
    });
    expect(sut.inputs(new Topics('t.'), 'national-portal').map(({ name }) => name)).toEqual([
      't.route.national-portal.v1',
    ]);
  });

  it.each([
    ['bytes that are not JSON', '{"dossierCode": '],
    ['JSON that is no dossier.v1 event', JSON.stringify({ dossierCode: 'x' })],
  ])('refuses %s as INVALID_DOSSIER_EVENT', (_, value) => {
    expect(() => sut.read(recordOf(value))).toThrow(PermanentError);
    expect(() => sut.read(recordOf(value))).toThrow(
      expect.objectContaining({ code: 'INVALID_DOSSIER_EVENT' }),
    );
  });
});
