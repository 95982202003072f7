import { startApp, type RunningApp } from '@lienthong/bootstrap';
import { readConfig } from '@lienthong/config';
import axios from 'axios';
import {
  goldenAnswer,
  goldenRequest,
  goldenRequests,
  type GoldenRequest,
} from '../../../../../test/fixtures/contracts/national-portal/golden-files';
import { portalSandboxConfigSpec } from './portal-sandbox.config';
import { PortalSandboxModule } from './portal-sandbox.module';

/** The golden requests, sent over HTTP to the sandbox as an integration sends them. */
describe.each([
  { style: 'string', ok: '0' },
  { style: 'number', ok: 0 },
])(`${PortalSandboxModule.name} on the golden requests, error codes as $style`, ({ style, ok }) => {
  let sut: RunningApp;
  let session: string;

  const send = async ({ path, headers, body }: GoldenRequest) => {
    const live = path === '/service' ? { ...body, session } : body;
    const answer = await axios.post(`${sut.url}${path}`, live, { headers, validateStatus: () => true });
    expect(answer.status).toBe(200);
    return answer.data;
  };

  beforeAll(async () => {
    sut = await startApp(
      'sandbox',
      PortalSandboxModule.register(
        readConfig(portalSandboxConfigSpec, { PORTAL_SANDBOX_ERROR_CODES: style }),
      ),
      {
        port: 0,
      },
    );
  });

  afterAll(() => sut.app.close());

  describe('accepts requests/ok, in conversation order', () => {
    it.each(goldenRequests('ok'))('$file', async (request) => {
      const answer = await send(request);

      expect(answer.error_code).toBe(ok);
      session = request.path === '/login' ? answer.session : session;
      expect(session).toEqual(expect.any(String));
    });

    it('holds what the conversation sent, as the golden TraCuuHoSo answer shows it', async () => {
      const golden = JSON.parse(goldenAnswer('service', 'ok--TraCuuHoSo-found.json').body);

      const answer = await send(goldenRequest('ok', '5-TraCuuHoSo.json'));

      expect(answer.result).toEqual(golden.result);
    });

    it('answers a second create with a failure code and "đã tồn tại" in Vietnamese', async () => {
      const answer = await send(goldenRequest('ok', '2-DongBoHoSoMC-create.json'));

      expect(answer.error_code).not.toEqual(ok);
      expect(typeof answer.error_code).toBe(style);
      expect(answer.message).toBe('Hồ sơ 000.00.12.H26-240815-0042 đã tồn tại trên hệ thống');
    });
  });

  describe('refuses requests/not-ok', () => {
    it.each(goldenRequests('not-ok'))('$file', async (request) => {
      const answer = await send(request);

      expect(answer.error_code).not.toEqual(ok);
      expect(typeof answer.error_code).toBe(style);
      expect(answer.message).toEqual(expect.any(String));
    });

    it('says "không tồn tại" to an update of a dossier it does not hold', async () => {
      const answer = await send(goldenRequest('not-ok', 'DongBoHoSoMC--update-of-unknown-dossier.json'));

      expect(answer.message).toBe('Hồ sơ 000.00.12.H26-240815-9999 không tồn tại trên hệ thống');
    });

    it('refuses a session it did not hand out, saying so with "Phiên"', async () => {
      const request = goldenRequest('ok', '5-TraCuuHoSo.json');

      const answer = (
        await axios.post(`${sut.url}${request.path}`, request.body, { headers: request.headers })
      ).data;

      expect(answer.message).toBe('Phiên làm việc không hợp lệ hoặc đã hết hạn');
    });
  });
});
