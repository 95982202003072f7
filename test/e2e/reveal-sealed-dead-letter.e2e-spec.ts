import { motcuaLifecycle } from '@lienthong/simulator';
import axios from 'axios';
import { ADMIN_TOKEN, ConsoleHarness, FAST_DEAD_LETTERS as SETTINGS } from '../support/console-harness';
import { publish } from '../support/kafka-client';
import { eventually } from '../support/wait';

jest.setTimeout(120_000);

/**
 * A connector's dead letter holds the dossier.v1 record as the hub wrote it, the applicant sealed: the
 * console, which holds the seal keys for this alone, opens it in an audited reveal for an operator with
 * pii:read, and shows a viewer the same letter masked, nothing opened.
 */
describe("a connector dead letter's sealed applicant in the console, on the real broker and database", () => {
  let sut: ConsoleHarness;
  const [event] = motcuaLifecycle(Date.now() % 10_000, Date.now() - 86_400_000);
  const code = event.hoSo.maHoSo;
  const { hoTen: name, soDinhDanh: id } = event.hoSo.chuHoSo;

  beforeAll(async () => {
    sut = new ConsoleHarness();
    await sut.start(SETTINGS);
    await sut.startConsole({ CONNECTOR_RETRY_DELAYS_S: '1' });
    // The portal answers every call with a 5xx until the test ends: the event's retries run out.
    await axios.put(`${sut.portal.baseUrl}/_sandbox/faults`, { rate: 1, kinds: ['5xx'] });
    await publish(sut.topics.source('motcua'), [{ key: code, value: JSON.stringify(event) }]);
  });

  afterAll(async () => {
    await sut?.close();
  });

  it('opens the applicant for a reveal beside the sealed bytes, and keeps it masked for a viewer', async () => {
    const viewer = sut.api(await sut.token('viewer'));
    const [letter] = await eventually(
      () =>
        viewer
          .get('/dead-letters', { params: { connector: 'national-portal', dossierCode: code } })
          .then(({ data }) => data.deadLetters),
      (found) => found?.length === 1,
      60_000,
    );
    expect(letter.reason).toMatch(/^RETRIES_EXHAUSTED_/);

    const { data: masked } = await viewer.get(`/dead-letters/${letter.id}`);
    expect(masked.decoded).toMatchObject({ dossierCode: code, sealed: expect.any(Object) });
    expect(masked).not.toHaveProperty('opened');
    expect(JSON.stringify(masked)).not.toContain(id);
    expect(JSON.stringify(masked)).not.toContain(name);

    const made = await sut
      .api(ADMIN_TOKEN)
      .post('/tokens', { name: `investigator-${sut.id}`, role: 'operator', scopes: ['pii:read'] });
    expect(made.status).toBe(201);
    const { status, data } = await sut
      .api(made.data.token)
      .post(`/dossiers/${code}/reveal`, { reason: 'portal kept refusing: which applicant is it?' });
    expect(status).toBe(200);
    expect(data.deadLetters).toHaveLength(1);
    const [revealed] = data.deadLetters;
    // The bytes as the hub wrote them (the applicant sealed), and beside them the event opened.
    expect(revealed.valueText).not.toContain(id);
    expect(revealed.decoded).toMatchObject({
      applicant: { name: expect.stringMatching(/^pseudonym:/), identity: null },
      sealed: { identity: expect.any(String), contact: expect.any(String) },
    });
    expect(revealed).not.toHaveProperty('sealedRefused');
    expect(revealed.opened).toMatchObject({
      dossierCode: code,
      applicant: { name, identity: { number: id } },
    });
    expect(revealed.opened).not.toHaveProperty('sealed');
  });
});
