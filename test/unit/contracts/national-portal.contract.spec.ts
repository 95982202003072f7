import { startApp, type RunningApp } from '@lienthong/bootstrap';
import { readConfig } from '@lienthong/config';
import { RetriableError } from '@lienthong/connector-runtime';
import { PortalClient, portalConfigSpec } from '@lienthong/national-portal';
import { PortalSandboxModule, portalSandboxConfigSpec } from '@lienthong/sandboxes';
import type { PortalDossier, PortalProgress } from '@lienthong/schemas';
import axios from 'axios';
import { goldenRequest } from '../../fixtures/contracts/national-portal/golden-files';

const created = (goldenRequest('ok', '2-DongBoHoSoMC-create.json').body.data as PortalDossier[])[0];
const updated = (goldenRequest('ok', '3-DongBoHoSoMC-update.json').body.data as PortalDossier[])[0];
const progress = goldenRequest('ok', '4-CapNhatTienDoHoSoMC.json').body.data as PortalProgress[];

/**
 * Both sides of the contract, each written on its own from DOMAIN.md and the golden files, talking
 * over HTTP: the connector's client and the portal sandbox, in both ways of writing error_code.
 */
describe.each(['string', 'number'])(
  `${PortalClient.name} against the portal sandbox, error codes as %s`,
  (style) => {
    let sandbox: RunningApp;
    let sut: PortalClient;
    const inspect = async <T>(path: string): Promise<T> =>
      (await axios.get<T>(`${sandbox.url}/_sandbox/${path}`)).data;
    const logins = async () => (await inspect<{ logins: number }>('stats')).logins;

    beforeAll(async () => {
      sandbox = await startApp(
        'sandbox',
        PortalSandboxModule.register(
          readConfig(portalSandboxConfigSpec, { PORTAL_SANDBOX_ERROR_CODES: style }),
        ),
        {
          port: 0,
        },
      );
      sut = new PortalClient(
        readConfig(portalConfigSpec, { PORTAL_URL: sandbox.url!, PORTAL_TIMEOUT_MS: '2000' }),
      );
    });

    beforeEach(async () => {
      await axios.post(`${sandbox.url}/_sandbox/reset`);
      await axios.put(`${sandbox.url}/_sandbox/faults`, { rate: 0 });
    });

    afterAll(() => sandbox.app.close());

    it('creates a dossier, is told "đã tồn tại" when creating it again, and then updates it', async () => {
      await sut.syncDossiers([created], false);

      const again = await sut.syncDossiers([updated], false).catch((error: unknown) => error);
      expect(again).toMatchObject({ code: 'PORTAL_ALREADY_EXISTS' });
      await sut.syncDossiers([updated], true);

      expect(await inspect(`dossiers/${created.MaHoSo}`)).toMatchObject({
        creates: 1,
        statuses: ['2', '10'],
      });
      expect(await sut.lookup(created.MaHoSo)).toEqual(updated);
    });

    it('is told "không tồn tại" when updating a dossier the portal does not hold', async () => {
      await expect(sut.syncDossiers([updated], true)).rejects.toMatchObject({ code: 'PORTAL_NOT_FOUND' });
      expect(await sut.lookup(updated.MaHoSo)).toBeUndefined();
    });

    it('sends progress records in chunks the portal takes', async () => {
      await sut.syncDossiers([created], false);
      const records = [...progress, ...progress, ...progress];

      await sut.updateProgress(records);

      expect(await inspect(`dossiers/${created.MaHoSo}`)).toMatchObject({ progress: records });
    });

    it('logs in again when the portal forgot the session, and the call lands', async () => {
      await sut.lookup(created.MaHoSo);
      const before = await logins();
      await axios.post(`${sandbox.url}/_sandbox/expire-sessions`);

      await sut.syncDossiers([created], false);

      expect(await logins()).toBe(before + 1);
      expect(await inspect(`dossiers/${created.MaHoSo}`)).toMatchObject({ creates: 1 });
    });

    it("takes a gateway's HTML page with HTTP 200 as transient, and lands the dossier once it is gone", async () => {
      await sut.lookup(created.MaHoSo);
      await axios.put(`${sandbox.url}/_sandbox/faults`, { rate: 1, kinds: ['html'] });

      const failure = await sut.syncDossiers([created], false).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(RetriableError);
      expect(failure).toMatchObject({ code: 'PORTAL_NOT_JSON' });

      await axios.put(`${sandbox.url}/_sandbox/faults`, { rate: 0 });
      await sut.syncDossiers([created], false);
      expect(await inspect(`dossiers/${created.MaHoSo}`)).toMatchObject({ creates: 1 });
    });
  },
);
