import { readConfig } from '@lienthong/config';
import { documentsConnectorDefinition } from '@lienthong/documents';
import { hubHttp } from '@lienthong/hub';
import { portalConnectorDefinition } from '@lienthong/national-portal';
import { POPULATION_SERVICE_PATH, populationConnectorDefinition } from '@lienthong/population';
import {
  DocumentsSandboxModule,
  documentsSandboxConfigSpec,
  PopulationSandboxModule,
  populationSandboxConfigSpec,
  PortalSandboxModule,
  portalSandboxConfigSpec,
} from '@lienthong/sandboxes';
import axios from 'axios';
import { connectorApp, hubApp } from './app-modules';
import { IsolatedRun } from './isolated-run';
import { PortalHttp } from './portal-http';

/**
 * The whole flow on real parts, isolated for one test file: its own topic prefix, consumer groups and
 * PostgreSQL schema, the portal sandbox on a free port, the connector and the hub; with `population`,
 * the population-database sandbox and connector too, and with `documents` the document exchange's.
 */
export class LienthongHarness extends IsolatedRun {
  portal!: PortalHttp;

  override env(overrides: Record<string, string> = {}): NodeJS.ProcessEnv {
    return super.env({ HUB_INSTANCE_ID: this.id, ...overrides });
  }

  /** Starts the sandboxes, the connectors and the hub, each with these settings on top of the run's. */
  async start(
    overrides: Record<string, string> = {},
    { population = false, documents = false } = {},
  ): Promise<this> {
    if (population) {
      const gateway = await this.launch(
        'sandbox-population',
        PopulationSandboxModule.register(readConfig(populationSandboxConfigSpec, this.env(overrides))),
      );
      const endpoint = `${gateway.url!}${POPULATION_SERVICE_PATH}`;
      await this.launch(
        'connector-population',
        connectorApp(populationConnectorDefinition, this.env({ ...overrides, POPULATION_URL: endpoint })),
      );
    }
    if (documents) {
      const exchange = await this.launch(
        'sandbox-documents',
        DocumentsSandboxModule.register(readConfig(documentsSandboxConfigSpec, this.env(overrides))),
      );
      await this.launch(
        'connector-documents',
        connectorApp(documentsConnectorDefinition, this.env({ ...overrides, DOCUMENTS_URL: exchange.url! })),
      );
    }
    const sandbox = await this.launch(
      'sandbox',
      PortalSandboxModule.register(readConfig(portalSandboxConfigSpec, this.env(overrides))),
    );
    this.portal = new PortalHttp(sandbox.url!);
    await this.launchPipeline(overrides);
    return this;
  }

  /**
   * Stops the portal connector and the hub, as an operator's restart does; with `freshDatabase`, their
   * PostgreSQL state is dropped meanwhile (a database restored empty behind Kafka). Then starts them again.
   */
  async restartPipeline(
    overrides: Record<string, string> = {},
    { freshDatabase = false } = {},
  ): Promise<void> {
    for (const name of ['hub', 'connector']) {
      const index = this.apps.findIndex((running) => running.name === name);
      await this.apps[index].app.close();
      this.apps.splice(index, 1);
    }
    if (freshDatabase) {
      await this.withDatabase((client) => client.query(`DROP SCHEMA ${this.schema} CASCADE`));
    }
    await this.launchPipeline(overrides);
  }

  private async launchPipeline(overrides: Record<string, string>): Promise<void> {
    await this.launch(
      'connector',
      connectorApp(portalConnectorDefinition, this.env({ ...overrides, PORTAL_URL: this.portal.baseUrl })),
    );
    await this.launch('hub', hubApp(this.env(overrides)), hubHttp);
  }

  url(app: string): string {
    return this.apps.find((running) => running.name === app)!.url!;
  }

  /** What the population sandbox counted (lookups found and not found, refusals). */
  async populationStats(): Promise<{
    found: number;
    notFound: number;
    authFailures: number;
    malformed: number;
  }> {
    return (await axios.get(`${this.url('sandbox-population')}/_sandbox/stats`)).data;
  }
}
