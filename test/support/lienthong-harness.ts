import { HubModule } from '@lienthong/hub';
import { ConnectorModule } from '@lienthong/connector-runtime';
import { portalConnectorDefinition } from '@lienthong/national-portal';
import { PortalSandboxModule } from '@lienthong/sandboxes';
import { IsolatedRun } from './isolated-run';
import { PortalHttp } from './portal-http';

/**
 * The whole flow on real parts, isolated for one test file: its own topic prefix, consumer groups and
 * PostgreSQL schema, the portal sandbox on a free port, the connector and the hub.
 */
export class LienthongHarness extends IsolatedRun {
  portal!: PortalHttp;

  override env(overrides: Record<string, string> = {}): NodeJS.ProcessEnv {
    return super.env({ HUB_INSTANCE_ID: this.id, ...overrides });
  }

  /** Starts the sandbox, the connector and the hub, each with these settings on top of the run's. */
  async start(overrides: Record<string, string> = {}): Promise<this> {
    const sandbox = await this.launch('sandbox', PortalSandboxModule.register(this.env(overrides)));
    this.portal = new PortalHttp(sandbox.url!);
    await this.launch(
      'connector',
      ConnectorModule.register(
        portalConnectorDefinition,
        this.env({ ...overrides, PORTAL_URL: sandbox.url! }),
      ),
    );
    await this.launch('hub', HubModule.register(this.env(overrides)));
    return this;
  }

  url(app: string): string {
    return this.apps.find((running) => running.name === app)!.url!;
  }
}
