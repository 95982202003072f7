import axios from 'axios';
import { CITIZENS, seededRandom, unknownPerson } from '@lienthong/simulator';
import type { IdentityVerifiedEvent } from '@lienthong/population';
import type { DossierEvent } from '@lienthong/schemas';
import { eventually, publish, readTopic } from '../support/kafka-client';
import { dossierEventsFor, PopulationHarness } from '../support/population-harness';

jest.setTimeout(180_000);

interface AuditRow {
  dossier_code: string;
  outcome: string;
  answered_by: string;
  officer: string;
  purpose: string;
  request_id: string;
  subject_masked: string;
}

describe('population connector: dossier.v1 route to identity.verified.v1, on the real broker', () => {
  let sut: PopulationHarness;
  const citizen = CITIZENS[42];
  const stranger = unknownPerson(seededRandom(2026));
  const citizenDossier = dossierEventsFor(9001, citizen);
  const strangerDossier = dossierEventsFor(9002, stranger);
  const businessDossier = dossierEventsFor(9003, citizen, true);
  const route = (events: DossierEvent[]) =>
    publish(
      sut.topics.route('population'),
      events.map((event) => ({ key: event.dossierCode, value: JSON.stringify(event) })),
    );
  const verifiedEvents = async (count: number, timeoutMs?: number) =>
    (await readTopic(sut.identityVerifiedTopic, count, timeoutMs)).map(
      (message) => JSON.parse(message.value.toString()) as IdentityVerifiedEvent,
    );

  beforeAll(async () => {
    sut = await new PopulationHarness().start();
  });

  afterAll(async () => {
    await sut?.close();
  });

  it('verifies a registry citizen, refuses an unknown person, and leaves a business dossier alone', async () => {
    await route([businessDossier[0], citizenDossier[0], strangerDossier[0]]);

    // Three dossiers, two verifications: waiting for a third shows the business dossier published none.
    const events = await verifiedEvents(3, 15_000);
    expect(events).toHaveLength(2);
    const byCode = new Map(events.map((event) => [event.dossierCode, event]));
    expect(byCode.get(citizenDossier[0].dossierCode)).toMatchObject({
      verified: true,
      reason: null,
      method: 'TraCuuThongTinCongDan',
      answeredBy: 'gateway',
      citizen: { fullName: citizen.fullName, sex: citizen.sex, birthDate: citizen.birthDate },
    });
    expect(byCode.get(strangerDossier[0].dossierCode)).toMatchObject({
      verified: false,
      reason: 'not_found',
      citizen: null,
    });
    for (const event of events) expect(Date.parse(event.checkedAt)).not.toBeNaN();
    // Only what the dossier needs: the sandbox answers with addresses, religion and household too.
    const published = JSON.stringify(events);
    for (const dropped of ['ThuongTru', 'TonGiao', 'DanToc', 'ChuHo', 'Hàng Bạc', stranger.personalId]) {
      expect(published).not.toContain(dropped);
    }
    expect(await sut.sandboxStats()).toMatchObject({
      calls: { TraCuuThongTinCongDan: 2 },
      found: 1,
      notFound: 1,
    });
  });

  it('audits each lookup with who, which dossier, why and the outcome, never the personal ID in clear', async () => {
    const rows = await sut.query<AuditRow>('SELECT * FROM population_audit ORDER BY id');
    expect(
      rows.map(({ dossier_code, outcome, answered_by }) => ({ dossier_code, outcome, answered_by })),
    ).toEqual(
      expect.arrayContaining([
        { dossier_code: citizenDossier[0].dossierCode, outcome: 'verified', answered_by: 'gateway' },
        { dossier_code: strangerDossier[0].dossierCode, outcome: 'not_verified', answered_by: 'gateway' },
      ]),
    );
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(row.officer).toBe('LIENTHONG');
      expect(row.purpose).not.toBe('');
      expect(row.request_id).toMatch(/^[0-9a-f-]{36}$/);
      expect(row.subject_masked).toMatch(/^\*{10}\d{2}$/);
    }
    const everything = JSON.stringify(rows);
    for (const person of [citizen, stranger]) {
      expect(everything).not.toContain(person.personalId);
      expect(everything).not.toContain(person.birthDate);
    }
  });

  it('checks a dossier once, and answers the same person in another dossier from the cache, audited', async () => {
    const sameCitizenDossier = dossierEventsFor(9004, citizen);
    await route([...citizenDossier.slice(1), sameCitizenDossier[0]]);

    const events = await verifiedEvents(3);
    const fromCache = events.find((event) => event.dossierCode === sameCitizenDossier[0].dossierCode);
    expect(fromCache).toMatchObject({ verified: true, answeredBy: 'cache' });
    // Later events of the first dossier are delivered without a call and without a second outcome.
    const delivered = await eventually(
      () =>
        sut.query<{ count: string }>(
          `SELECT count(*) FROM delivery_ledger WHERE connector = 'population' AND dossier_code = $1`,
          [citizenDossier[0].dossierCode],
        ),
      ([row]) => Number(row.count) === citizenDossier.length,
    );
    expect(Number(delivered[0].count)).toBe(citizenDossier.length);
    expect(events.filter((event) => event.dossierCode === citizenDossier[0].dossierCode)).toHaveLength(1);
    expect((await sut.sandboxStats()).calls.TraCuuThongTinCongDan).toBe(2);
    const audited = await sut.query<AuditRow>('SELECT * FROM population_audit WHERE dossier_code = $1', [
      sameCitizenDossier[0].dossierCode,
    ]);
    expect(audited).toMatchObject([{ outcome: 'verified', answered_by: 'cache' }]);
  });

  it('retries through an overloaded gateway (injected 5xx and 429), auditing each failed call', async () => {
    const faults = `${sut.sandboxUrl}/_sandbox/faults`;
    const dossier = dossierEventsFor(9005, CITIZENS[7]);
    await axios.put(faults, { rate: 1, kinds: ['5xx', '429'] });
    try {
      await route([dossier[0]]);
      await eventually(
        async () => (await axios.get(faults)).data.injected as Record<string, number>,
        (injected) => (injected['5xx'] ?? 0) + (injected['429'] ?? 0) >= 2,
      );
    } finally {
      await axios.put(faults, { rate: 0 });
    }
    const events = await verifiedEvents(4);
    expect(events.filter((event) => event.dossierCode === dossier[0].dossierCode)).toMatchObject([
      { verified: true, answeredBy: 'gateway' },
    ]);
    const audited = await sut.query<AuditRow & { reason: string }>(
      'SELECT * FROM population_audit WHERE dossier_code = $1 ORDER BY id',
      [dossier[0].dossierCode],
    );
    expect(audited.length).toBeGreaterThanOrEqual(3);
    expect(audited.at(-1)).toMatchObject({ outcome: 'verified' });
    for (const failed of audited.slice(0, -1)) {
      expect(failed).toMatchObject({
        outcome: 'failed',
        reason: expect.stringMatching(/^POPULATION_HTTP_(503|429)$/),
      });
    }
  });
});
