import { readConfig } from '@lienthong/config';
import { POPULATION_SERVICE_PATH, populationConnectorDefinition } from '@lienthong/population';
import { PopulationSandboxModule, populationSandboxConfigSpec } from '@lienthong/sandboxes';
import type { DossierEvent } from '@lienthong/schemas';
import { motcuaLifecycle, seededRandom, type Citizen } from '@lienthong/simulator';
import { mapSourceEvent, MotcuaMapper } from '@lienthong/sources';
import axios from 'axios';
import { connectorApp } from './app-modules';
import { IsolatedRun } from './isolated-run';

/**
 * The population connector on real parts, isolated for one test file: its own topic prefix and
 * PostgreSQL schema, the population sandbox as a real HTTP server on a free port, answering as a real
 * gateway does (DOMAIN.md): the collection directly under the SOAP Body, every third citizen's name
 * whole in Ten.
 */
export class PopulationHarness extends IsolatedRun {
  readonly identityVerifiedTopic = this.topics.identityVerified;
  sandboxUrl!: string;

  /** Starts the sandbox and the connector, the connector with these settings on top of the run's. */
  async start(connectorOverrides: Record<string, string> = {}): Promise<this> {
    const sandbox = await this.launch(
      'sandbox-population',
      PopulationSandboxModule.register(
        readConfig(
          populationSandboxConfigSpec,
          this.env({ POPULATION_SANDBOX_ANSWER_STYLE: 'real', POPULATION_SANDBOX_NAME_STYLE: 'mixed' }),
        ),
      ),
    );
    this.sandboxUrl = sandbox.url!;
    const connector = connectorApp(
      populationConnectorDefinition,
      this.env({ POPULATION_URL: `${this.sandboxUrl}${POPULATION_SERVICE_PATH}`, ...connectorOverrides }),
    );
    await this.launch('connector-population', connector);
    return this;
  }

  async sandboxStats(): Promise<{
    calls: Record<string, number>;
    found: number;
    notFound: number;
    authFailures: number;
  }> {
    return (await axios.get(`${this.sandboxUrl}/_sandbox/stats`)).data;
  }

  async query<Row>(sql: string, params: unknown[] = []): Promise<Row[]> {
    return this.withDatabase(async (client) => {
      await client.query(`SET search_path TO ${this.schema}`);
      return (await client.query(sql, params)).rows as Row[];
    });
  }
}

/**
 * Every event of one simulated dossier as the hub writes it on dossier.v1, with the given person as
 * applicant (a business dossier when `business`): the same mapping the hub applies.
 */
export function dossierEventsFor(serial: number, person: Citizen, business = false): DossierEvent[] {
  return motcuaLifecycle(serial, Date.now(), seededRandom(serial)).map((event) => {
    event.hoSo.chuHoSo = {
      ...event.hoSo.chuHoSo,
      loai: business ? 'DOANH_NGHIEP' : 'CONG_DAN',
      hoTen: business ? 'Công ty TNHH Vận tải Thăng Long' : person.fullName,
      soDinhDanh: person.personalId,
      ngaySinh: person.birthDate,
    };
    const result = mapSourceEvent(new MotcuaMapper(), Buffer.from(JSON.stringify(event)));
    if (!result.ok) throw result.rejection;
    return result.dossier;
  });
}
