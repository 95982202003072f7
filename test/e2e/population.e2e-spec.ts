import axios from 'axios';
import { CITIZENS, seededRandom, unknownPerson } from '@lienthong/simulator';
import type { IdentityVerifiedEvent } from '@lienthong/population';
import type { DossierEvent } from '@lienthong/schemas';
import { eventually } from '../support/wait';
import { publish, readTopic } from '../support/kafka-client';
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
  // The sandbox answers as a real gateway: CITIZENS[42] (every third citizen) has the whole name in Ten.
  const citizen = CITIZENS[42];
  const splitNameCitizen = CITIZENS[43];
  const stranger = unknownPerson(seededRandom(2026));
  // Looked up by SoCMND; nobody in the registry has an old card (no simulated applicant gives one).
  const oldCardHolder = { ...unknownPerson(seededRandom(2027)), personalId: '012345678' };
  const citizenDossier = dossierEventsFor(9001, citizen);
  const strangerDossier = dossierEventsFor(9002, stranger);
  const businessDossier = dossierEventsFor(9003, citizen, true);
  const splitNameDossier = dossierEventsFor(9006, splitNameCitizen);
  const oldCardDossier = dossierEventsFor(9007, oldCardHolder);
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

  it('verifies registry citizens (whole name in Ten or split), refuses unknown people (old card too), leaves a business alone', async () => {
    await route([
      businessDossier[0],
      citizenDossier[0],
      splitNameDossier[0],
      strangerDossier[0],
      oldCardDossier[0],
    ]);

    // Five dossiers, four verifications: waiting for a fifth shows the business dossier published none.
    const events = await verifiedEvents(5, 15_000);
    expect(events).toHaveLength(4);
    const byCode = new Map(events.map((event) => [event.dossierCode, event]));
    expect(byCode.get(citizenDossier[0].dossierCode)).toMatchObject({
      verified: true,
      reason: null,
      method: 'TraCuuThongTinCongDan',
      answeredBy: 'gateway',
      // The name as the database holds it: whole, upper case, in Ten.
      citizen: { fullName: citizen.fullName.toUpperCase(), sex: citizen.sex, birthDate: citizen.birthDate },
    });
    expect(byCode.get(splitNameDossier[0].dossierCode)).toMatchObject({
      verified: true,
      citizen: { fullName: splitNameCitizen.fullName, birthDate: splitNameCitizen.birthDate },
    });
    for (const unknown of [strangerDossier, oldCardDossier]) {
      expect(byCode.get(unknown[0].dossierCode)).toMatchObject({
        verified: false,
        reason: 'not_found',
        citizen: null,
      });
    }
    for (const event of events) expect(Date.parse(event.checkedAt)).not.toBeNaN();
    // Only what the dossier needs: the sandbox answers with addresses, religion and household too.
    const published = JSON.stringify(events);
    const dropped = ['ThuongTru', 'TonGiao', 'DanToc', 'ChuHo', 'Hàng Bạc', stranger.personalId];
    for (const personal of [...dropped, oldCardHolder.personalId]) {
      expect(published).not.toContain(personal);
    }
    expect(await sut.sandboxStats()).toMatchObject({
      calls: { TraCuuThongTinCongDan: 4 },
      found: 2,
      notFound: 2,
      malformed: 0,
    });
  });

  it('audits each lookup with who, which dossier, why and the outcome, never the personal ID in clear', async () => {
    const rows = await sut.query<AuditRow>('SELECT * FROM population_audit ORDER BY id');
    expect(
      rows.map(({ dossier_code, outcome, answered_by }) => ({ dossier_code, outcome, answered_by })),
    ).toEqual(
      expect.arrayContaining([
        { dossier_code: citizenDossier[0].dossierCode, outcome: 'verified', answered_by: 'gateway' },
        { dossier_code: splitNameDossier[0].dossierCode, outcome: 'verified', answered_by: 'gateway' },
        { dossier_code: strangerDossier[0].dossierCode, outcome: 'not_verified', answered_by: 'gateway' },
        { dossier_code: oldCardDossier[0].dossierCode, outcome: 'not_verified', answered_by: 'gateway' },
      ]),
    );
    expect(rows).toHaveLength(4);
    for (const row of rows) {
      expect(row.officer).toBe('LIENTHONG');
      expect(row.purpose).not.toBe('');
      expect(row.request_id).toMatch(/^[0-9a-f-]{36}$/);
      // 12-digit personal IDs and 9-digit old cards alike keep only their last two digits.
      expect(row.subject_masked).toMatch(/^(\*{10}|\*{7})\d{2}$/);
    }
    const everything = JSON.stringify(rows);
    for (const person of [citizen, splitNameCitizen, stranger, oldCardHolder]) {
      expect(everything).not.toContain(person.personalId);
      expect(everything).not.toContain(person.birthDate);
    }
  });

  it('checks a dossier once, and answers the same person in another dossier from the cache, audited', async () => {
    const sameCitizenDossier = dossierEventsFor(9004, citizen);
    await route([...citizenDossier.slice(1), sameCitizenDossier[0]]);

    const events = await verifiedEvents(5);
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
    expect((await sut.sandboxStats()).calls.TraCuuThongTinCongDan).toBe(4);
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
    const events = await verifiedEvents(6);
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

describe('population connector: a gateway refusing our access (a rotated secret)', () => {
  let sut: PopulationHarness;

  beforeAll(async () => {
    // Quick retries so the test sees an event parked more than once.
    sut = await new PopulationHarness().start({
      POPULATION_SECRET: 'rotated-at-the-gateway',
      CONNECTOR_MAX_ATTEMPTS: '2',
      CONNECTOR_BACKOFF_INITIAL_MS: '50',
      CONNECTOR_RETRY_DELAYS_S: '1',
    });
  });

  afterAll(async () => {
    await sut?.close();
  });

  it('holds the dossier on the retry topic, retrying, and never dead-letters it', async () => {
    const dossier = dossierEventsFor(9101, CITIZENS[5]);
    await publish(sut.topics.route('population'), [
      { key: dossier[0].dossierCode, value: JSON.stringify(dossier[0]) },
    ]);

    // Parked again and again on the last (only) retry level, past where a dossier's fault is dead-lettered.
    const parked = await readTopic(sut.topics.retry('population', 1), 2, 30_000);
    expect(parked).toHaveLength(2);
    for (const { headers } of parked) {
      expect(headers).toMatchObject({ 'lienthong-retry-reason': 'POPULATION_ACCESS_REFUSED' });
      expect(headers['lienthong-retry-message']).toMatch(/POPULATION_SECRET/);
    }
    expect(await readTopic(sut.topics.deadLetter('population'), 1, 2_000)).toHaveLength(0);
    expect(await readTopic(sut.identityVerifiedTopic, 1, 1_000)).toHaveLength(0);
    expect((await sut.sandboxStats()).authFailures).toBeGreaterThanOrEqual(4);
    const audited = await sut.query<{ outcome: string; reason: string }>(
      'SELECT outcome, reason FROM population_audit WHERE dossier_code = $1',
      [dossier[0].dossierCode],
    );
    expect(audited.length).toBeGreaterThanOrEqual(4);
    for (const row of audited)
      expect(row).toEqual({ outcome: 'failed', reason: 'POPULATION_ACCESS_REFUSED' });
  });
});
