import { readConfig } from '@lienthong/config';
import { hubHttp } from '@lienthong/hub';
import { portalConnectorDefinition, toPortalDossier } from '@lienthong/national-portal';
import { PortalSandboxModule, portalSandboxConfigSpec } from '@lienthong/sandboxes';
import { motcuaLifecycle } from '@lienthong/simulator';
import { mapSourceEvent, MotcuaMapper } from '@lienthong/sources';
import axios from 'axios';
import { connectorApp, hubApp } from '../support/app-modules';
import { eventually } from '../support/wait';
import { publish } from '../support/kafka-client';
import { IsolatedRun } from '../support/isolated-run';
import { PortalHttp } from '../support/portal-http';

jest.setTimeout(180_000);

const DOSSIERS = 30;
const CLIENT = { id: 'lienthong-portal', secret: 'gateway-e2e-secret' };

interface GatewayCounts {
  issued: number;
  refused: number;
  tokensUsed: number;
}

/** The portal sandbox behind a WSO2-like gateway, the portal connector configured for it, and the hub. */
class GatewayRun extends IsolatedRun {
  portal!: PortalHttp;

  async start(): Promise<this> {
    const sandbox = await this.launch(
      'sandbox',
      PortalSandboxModule.register(
        readConfig(
          portalSandboxConfigSpec,
          this.env({
            PORTAL_SANDBOX_GATEWAY: 'oauth2',
            PORTAL_SANDBOX_GATEWAY_CLIENT_ID: CLIENT.id,
            PORTAL_SANDBOX_GATEWAY_CLIENT_SECRET: CLIENT.secret,
          }),
        ),
      ),
    );
    this.portal = new PortalHttp(sandbox.url!);
    const connector = {
      PORTAL_URL: sandbox.url!,
      PORTAL_GATEWAY_AUTH: 'oauth2',
      PORTAL_GATEWAY_TOKEN_URL: `${sandbox.url!}/token`,
      PORTAL_GATEWAY_CLIENT_ID: CLIENT.id,
      PORTAL_GATEWAY_CLIENT_SECRET: CLIENT.secret,
    };
    await this.launch('connector', connectorApp(portalConnectorDefinition, this.env(connector)));
    await this.launch('hub', hubApp(this.env({ HUB_INSTANCE_ID: this.id })), hubHttp);
    return this;
  }

  async gateway(): Promise<GatewayCounts> {
    return (await axios.get<GatewayCounts>(`${this.portal.baseUrl}/_sandbox/gateway`)).data;
  }

  async expireTokens(): Promise<void> {
    await axios.post(`${this.portal.baseUrl}/_sandbox/gateway/expire`);
  }
}

const finalStatuses = (lifecycles: ReturnType<typeof motcuaLifecycle>[]) =>
  new Map(
    lifecycles.map((events) => {
      const last = mapSourceEvent(new MotcuaMapper(), Buffer.from(JSON.stringify(events.at(-1))));
      if (!last.ok) throw new Error(last.rejection.message);
      return [last.dossier.dossierCode, toPortalDossier(last.dossier).TrangThaiHoSo];
    }),
  );

/** The gateway token runs out mid-run: the connector renews it on the 401 and loses or doubles nothing. */
describe('portal connector behind an OAuth2 gateway whose token expires mid-run', () => {
  let sut: GatewayRun;

  beforeAll(async () => {
    sut = await new GatewayRun().start();
  });

  afterAll(async () => {
    await sut?.close();
  });

  it('refuses a call without a token', async () => {
    const answer = await axios.post(`${sut.portal.baseUrl}/login`, {}, { validateStatus: () => true });
    expect(answer.status).toBe(401);
  });

  it('delivers every dossier exactly once across a token expiry, with more than one token', async () => {
    const lifecycles = Array.from({ length: DOSSIERS }, (_, index) =>
      motcuaLifecycle(7000 + index, Date.now() - 86_400_000),
    );
    const statuses = finalStatuses(lifecycles);
    const codes = [...statuses.keys()];
    const send = async (part: typeof lifecycles) => {
      for (const events of part) {
        await publish(
          sut.topics.source('motcua'),
          events.map((event) => ({ key: event.hoSo.maHoSo, value: JSON.stringify(event) })),
        );
      }
    };
    const half = DOSSIERS / 2;
    await send(lifecycles.slice(0, half));
    await eventually(
      () => sut.portal.held(codes[0]).catch(() => undefined),
      (held) => (held?.creates ?? 0) > 0,
      60_000,
    );
    const before = await sut.gateway();
    expect(before.issued).toBe(1);

    await sut.expireTokens();
    await send(lifecycles.slice(half));

    for (const [code, status] of statuses) {
      const held = await eventually(
        () => sut.portal.held(code).catch(() => undefined),
        (record) => record?.statuses.at(-1) === status,
        60_000,
      );
      expect([code, held?.statuses.at(-1), held?.creates]).toEqual([code, status, 1]);
    }
    const after = await sut.gateway();
    expect(after.issued).toBeGreaterThan(1);
    expect(after.tokensUsed).toBeGreaterThan(1);
    expect(after.refused).toBeGreaterThan(0);
  });
});
