import { startApp, type RunningApp } from '@lienthong/bootstrap';
import { readConfig } from '@lienthong/config';
import { TargetAccessError } from '@lienthong/connector-runtime';
import { POPULATION_SERVICE_PATH, PopulationClient, populationConfigSpec } from '@lienthong/population';
import { PopulationSandboxModule, populationSandboxConfigSpec } from '@lienthong/sandboxes';
import { CITIZENS, seededRandom, unknownPerson, type Citizen } from '@lienthong/simulator';
import axios from 'axios';

/**
 * The connector's client against the population sandbox over real HTTP: every request the client
 * really sends (signed, with its birth form and ID kind) must pass the sandbox's own reader, and every
 * answer style the sandbox writes must be read by the client. Neither side imports the other.
 */
const ANSWER_STYLES = ['real', 'wrapped'];
const NAME_STYLES = ['split', 'whole-in-ten', 'mixed'];
const styles = ANSWER_STYLES.flatMap((answer) => NAME_STYLES.map((name) => [answer, name]));

async function startSandbox(env: Record<string, string>) {
  const sandbox = await startApp(
    'sandbox-population',
    PopulationSandboxModule.register(readConfig(populationSandboxConfigSpec, env)),
    { port: 0 },
  );
  return {
    sandbox,
    client: (overrides: Record<string, string> = {}) =>
      new PopulationClient(
        readConfig(populationConfigSpec, {
          POPULATION_URL: `${sandbox.url}${POPULATION_SERVICE_PATH}`,
          ...overrides,
        }),
      ),
    stats: async () => (await axios.get(`${sandbox.url}/_sandbox/stats`)).data as Record<string, unknown>,
  };
}

const lookupOf = (person: Citizen, birthDate = person.birthDate, identity = person.personalId) => ({
  requestId: 'contract-1',
  officer: 'LIENTHONG',
  serviceCode: '1.001193',
  unitCode: '000.00.12.H26',
  identity: { kind: identity.length === 9 ? ('CMND' as const) : ('CCCD' as const), number: identity },
  fullName: person.fullName,
  birthDate,
});

describe('population contract between the connector’s client and the population sandbox', () => {
  describe.each(styles)('the sandbox answering %s, names %s', (answerStyle, nameStyle) => {
    let sandbox: RunningApp;
    let sut: PopulationClient;
    let stats: () => Promise<Record<string, unknown>>;

    beforeAll(async () => {
      const started = await startSandbox({
        POPULATION_SANDBOX_ANSWER_STYLE: answerStyle,
        POPULATION_SANDBOX_NAME_STYLE: nameStyle,
      });
      ({ sandbox, stats } = started);
      sut = started.client();
    });

    afterAll(() => sandbox.app.close());

    // CITIZENS[0] is whole in Ten with the mixed style (every third citizen), CITIZENS[1] split.
    it.each([0, 1])(
      'finds CITIZENS[%i] by personal ID, name as people write it and full birth date',
      async (index) => {
        const citizen = CITIZENS[index];
        const wholeInTen = nameStyle === 'whole-in-ten' || (nameStyle === 'mixed' && index % 3 === 0);
        const record = await sut.lookup(lookupOf(citizen));
        expect(record).toMatchObject({
          SoDinhDanh: citizen.personalId,
          NgayThangNamSinh: {
            NgayThangNam: citizen.birthDate.replace(/-/g, ''),
            Nam: citizen.birthDate.slice(0, 4),
          },
          HoVaTen: wholeInTen
            ? { Ho: undefined, ChuDem: undefined, Ten: citizen.fullName.toUpperCase() }
            : { Ho: citizen.familyName, ChuDem: citizen.middleName, Ten: citizen.givenName },
        });
      },
    );

    it('finds a citizen by the birth year alone (Nam)', async () => {
      const citizen = CITIZENS[2];
      expect(await sut.lookup(lookupOf(citizen, citizen.birthDate.slice(0, 4)))).toMatchObject({
        SoDinhDanh: citizen.personalId,
      });
    });

    it('finds nobody for a stranger, by personal ID or by old card', async () => {
      const stranger = unknownPerson(seededRandom(7));
      expect(await sut.lookup(lookupOf(stranger))).toBeUndefined();
      expect(await sut.lookup(lookupOf(stranger, stranger.birthDate, '012345678'))).toBeUndefined();
    });

    it('answers a verification', async () => {
      const { requestId, officer, identity, fullName } = lookupOf(CITIZENS[4]);
      expect(await sut.verify({ requestId, officer, identity, fullName })).toBe(true);
      expect(await sut.verify({ requestId, officer, identity, fullName: 'Ai Đó' })).toBe(false);
    });

    it('refused none of the client’s requests as malformed or unauthenticated', async () => {
      expect(await stats()).toMatchObject({ malformed: 0, authFailures: 0 });
    });
  });

  it('a refused signature (wrong secret) is our access refused, not a fault of the dossier', async () => {
    const { sandbox, client, stats } = await startSandbox({});
    try {
      const failure = client({ POPULATION_SECRET: 'rotated-elsewhere' }).lookup(lookupOf(CITIZENS[0]));
      await expect(failure).rejects.toBeInstanceOf(TargetAccessError);
      await expect(failure).rejects.toThrow(/POPULATION_SECRET/);
      expect(await stats()).toMatchObject({ authFailures: 1 });
    } finally {
      await sandbox.app.close();
    }
  });
});
