import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readConfig } from '@lienthong/config';
import { PermanentError, RetriableError, TargetAccessError } from '@lienthong/connector-runtime';
import type { PortalDossier, PortalProgress } from '@lienthong/schemas';
import {
  goldenAnswer,
  goldenAnswers,
  goldenRequest,
  goldenRequests,
  type GoldenAnswer,
} from '../../../../test/fixtures/contracts/national-portal/golden-files';
import { AlreadyExistsError, NotFoundAtPortalError, PortalClient } from './portal-client';
import { portalConfigSpec } from './portal.config';

interface Served {
  status: number;
  contentType: string;
  body: string;
}

const served = ({ contentType, body }: GoldenAnswer): Served => ({ status: 200, contentType, body });
const sessionOf = (answer: GoldenAnswer): string => JSON.parse(answer.body).session;

/** A real HTTP server playing the portal with golden answers, queued per path; it records every request. */
function goldenPortal() {
  const defaultLogin = goldenAnswer('login', 'ok--string-code.json');
  const queues: Record<string, Served[]> = { '/login': [], '/service': [] };
  const received: { path: string; headers: IncomingHttpHeaders; body: Record<string, unknown> }[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      const path = request.url ?? '';
      received.push({ path, headers: request.headers, body: JSON.parse(body) });
      const fallback = path === '/login' ? served(defaultLogin) : undefined;
      const answer = queues[path]?.shift() ?? fallback;
      if (!answer) response.writeHead(500).end(`no answer queued for ${path}`);
      else response.writeHead(answer.status, { 'Content-Type': answer.contentType }).end(answer.body);
    });
  });
  const calls = (path: string) => received.filter((request) => request.path === path);
  return { server, queues, received, calls, defaultSession: sessionOf(defaultLogin) };
}

const createRequest = goldenRequest('ok', '2-DongBoHoSoMC-create.json');
const dossiers = createRequest.body.data as PortalDossier[];
const progressRecords = goldenRequest('ok', '4-CapNhatTienDoHoSoMC.json').body.data as PortalProgress[];
const answersMeaning = (outcome: GoldenAnswer['outcome']) =>
  goldenAnswers('service').filter((answer) => answer.outcome === outcome);

describe(PortalClient.name, () => {
  const portal = goldenPortal();
  let url: string;
  let sut: PortalClient;

  beforeAll(async () => {
    await new Promise<void>((resolve) => portal.server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(portal.server.address() as AddressInfo).port}`;
  });

  beforeEach(() => {
    portal.received.length = 0;
    portal.queues['/login'].length = 0;
    portal.queues['/service'].length = 0;
    sut = new PortalClient(readConfig(portalConfigSpec, { PORTAL_URL: url, PORTAL_TIMEOUT_MS: '2000' }));
  });

  afterAll(() => new Promise((resolve) => portal.server.close(resolve)));

  describe('sends what the golden requests show', () => {
    /** Makes the client send the request a golden file shows, through its public API. */
    const sendLike = (body: Record<string, unknown>) => {
      switch (body.service) {
        case 'DongBoHoSoMC':
          return sut.syncDossiers(body.data as PortalDossier[], body.isUpdating === 'True');
        case 'CapNhatTienDoHoSoMC':
          return sut.updateProgress(body.data as PortalProgress[]);
        case 'TraCuuHoSo':
          return sut.lookup(body.mahoso as string);
        default:
          throw new Error(`no client call sends ${String(body.service)}`);
      }
    };

    it.each(goldenRequests('ok').filter(({ path }) => path === '/service'))(
      'requests/ok/$file',
      async (golden) => {
        portal.queues['/service'].push(served(goldenAnswer('service', 'ok--string-0.json')));

        await sendLike(golden.body);

        const [sent] = portal.calls('/service');
        expect(sent.headers).toMatchObject(golden.headers);
        expect(sent.body).toEqual({ ...golden.body, session: portal.defaultSession });
      },
    );

    it('requests/ok/1-login.json, once for many calls', async () => {
      const golden = goldenRequest('ok', '1-login.json');
      const ok = served(goldenAnswer('service', 'ok--string-0.json'));
      portal.queues['/service'].push(ok, ok);

      await sut.syncDossiers(dossiers, false);
      await sut.syncDossiers(dossiers, true);

      const logins = portal.calls('/login');
      expect(logins).toHaveLength(1);
      expect(logins[0].headers).toMatchObject(golden.headers);
      expect(logins[0].body).toEqual(golden.body);
    });

    it('sends progress records in chunks of at most 10', async () => {
      const records = Array.from(
        { length: 23 },
        (_, index) => progressRecords[index % progressRecords.length],
      );
      portal.queues['/service'].push(...Array(3).fill(served(goldenAnswer('service', 'ok--string-0.json'))));

      await sut.updateProgress(records);

      expect(portal.calls('/service').map(({ body }) => (body.data as unknown[]).length)).toEqual([
        10, 10, 3,
      ]);
    });
  });

  describe('reads the golden login answers', () => {
    it.each(goldenAnswers('login').filter(({ outcome }) => outcome === 'ok'))(
      'login/$file: calls the service with its session',
      async (answer) => {
        portal.queues['/login'].push(served(answer));
        portal.queues['/service'].push(served(goldenAnswer('service', 'ok--string-0.json')));

        await sut.syncDossiers(dossiers, false);

        expect(portal.calls('/service')[0].body.session).toBe(sessionOf(answer));
      },
    );

    it.each(goldenAnswers('login').filter(({ outcome }) => outcome === 'refused'))(
      'login/$file: a refusal of our access, held and retried rather than dead-lettered',
      async (answer) => {
        portal.queues['/login'].push(served(answer));

        await expect(sut.syncDossiers(dossiers, false)).rejects.toBeInstanceOf(TargetAccessError);
        expect(portal.calls('/service')).toHaveLength(0);
      },
    );

    it('takes an HTML page from /login as transient', async () => {
      portal.queues['/login'].push(served(goldenAnswer('service', 'transient--html-error-page.html')));

      await expect(sut.syncDossiers(dossiers, false)).rejects.toMatchObject({
        retriable: true,
        code: 'PORTAL_NOT_JSON',
      });
    });
  });

  describe('reads the golden service answers', () => {
    it('has golden answers for every outcome', () => {
      const outcomes = new Set(goldenAnswers('service').map(({ outcome }) => outcome));
      expect([...outcomes].sort()).toEqual(
        ['already-exists', 'not-found', 'ok', 'refused', 'session-expired', 'transient'].sort(),
      );
    });

    it.each(answersMeaning('ok'))('service/$file: success', async (answer) => {
      portal.queues['/service'].push(served(answer));

      await expect(sut.syncDossiers(dossiers, false)).resolves.toEqual(JSON.parse(answer.body));
    });

    it.each(answersMeaning('already-exists'))('service/$file: "đã tồn tại"', async (answer) => {
      portal.queues['/service'].push(served(answer));

      await expect(sut.syncDossiers(dossiers, false)).rejects.toBeInstanceOf(AlreadyExistsError);
    });

    it.each(answersMeaning('not-found'))('service/$file: the portal does not hold it', async (answer) => {
      portal.queues['/service'].push(served(answer));

      await expect(sut.syncDossiers(dossiers, true)).rejects.toBeInstanceOf(NotFoundAtPortalError);
    });

    it.each(answersMeaning('refused'))('service/$file: a refusal of the content', async (answer) => {
      portal.queues['/service'].push(served(answer));

      const refusal = await sut.syncDossiers(dossiers, false).catch((error: unknown) => error);

      expect(refusal).toBeInstanceOf(PermanentError);
      expect(refusal).toMatchObject({ code: 'PORTAL_REJECTED' });
    });

    it.each(answersMeaning('transient'))('service/$file: transient, retried later', async (answer) => {
      portal.queues['/service'].push(served(answer));

      const failure = await sut.syncDossiers(dossiers, false).catch((error: unknown) => error);

      expect(failure).toBeInstanceOf(RetriableError);
      expect(failure).toMatchObject({ code: 'PORTAL_NOT_JSON' });
    });

    it.each(answersMeaning('session-expired'))(
      'service/$file: logs in again and retries once',
      async (answer) => {
        const renewed = goldenAnswer('login', 'ok--code-00.json');
        portal.queues['/login'].push(served(goldenAnswer('login', 'ok--string-code.json')), served(renewed));
        portal.queues['/service'].push(served(answer), served(goldenAnswer('service', 'ok--string-0.json')));

        await sut.syncDossiers(dossiers, false);

        expect(portal.calls('/login')).toHaveLength(2);
        expect(portal.calls('/service').map(({ body }) => body.session)).toEqual([
          portal.defaultSession,
          sessionOf(renewed),
        ]);
      },
    );

    it('gives up for now when a fresh session is refused as well', async () => {
      const expired = served(goldenAnswer('service', 'session-expired--phien-het-han.json'));
      portal.queues['/service'].push(expired, expired);

      await expect(sut.syncDossiers(dossiers, false)).rejects.toMatchObject({
        retriable: true,
        code: 'PORTAL_SESSION',
      });
      expect(portal.calls('/login')).toHaveLength(2);
    });

    it('finds a dossier with TraCuuHoSo, and none when the portal holds none', async () => {
      const found = goldenAnswer('service', 'ok--TraCuuHoSo-found.json');
      portal.queues['/service'].push(
        served(found),
        served(goldenAnswer('service', 'ok--TraCuuHoSo-none.json')),
        served(goldenAnswer('service', 'not-found--khong-ton-tai.json')),
      );

      await expect(sut.lookup('000.00.12.H26-240815-0042')).resolves.toEqual(
        JSON.parse(found.body).result[0],
      );
      await expect(sut.lookup('000.00.12.H26-240815-9999')).resolves.toBeUndefined();
      await expect(sut.lookup('000.00.12.H26-240815-9999')).resolves.toBeUndefined();
    });
  });

  describe('reads HTTP failures', () => {
    it.each([429, 502, 503])('HTTP %i is transient', async (status) => {
      portal.queues['/service'].push({ status, contentType: 'text/plain', body: 'busy' });

      await expect(sut.syncDossiers(dossiers, false)).rejects.toMatchObject({
        retriable: true,
        code: `HTTP_${status}`,
      });
    });

    it.each([400, 404])('HTTP %i is permanent', async (status) => {
      portal.queues['/service'].push({ status, contentType: 'text/plain', body: 'no' });

      await expect(sut.syncDossiers(dossiers, false)).rejects.toMatchObject({
        retriable: false,
        code: `HTTP_${status}`,
      });
    });
  });
});
