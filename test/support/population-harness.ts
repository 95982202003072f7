import { randomBytes } from 'node:crypto';
import { startApp, type RunningApp } from '@lienthong/bootstrap';
import { ConnectorModule } from '@lienthong/connector-runtime';
import { Topics } from '@lienthong/kafka';
import {
  identityVerifiedTopic,
  POPULATION_SERVICE_PATH,
  populationConnectorDefinition,
} from '@lienthong/population';
import { PopulationSandboxModule } from '@lienthong/sandboxes';
import type { DossierEvent } from '@lienthong/schemas';
import { motcuaLifecycle, seededRandom, type Citizen } from '@lienthong/simulator';
import { mapSourceEvent, MotcuaMapper } from '@lienthong/sources';
import axios from 'axios';
import { Client } from 'pg';

const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/**
 * The population connector on real parts, isolated for one test file: its own topic prefix and
 * PostgreSQL schema, the population sandbox as a real HTTP server on a free port.
 */
export class PopulationHarness {
  readonly id = randomBytes(4).toString('hex');
  readonly prefix = `t${this.id}.`;
  readonly topics = new Topics(this.prefix);
  readonly identityVerifiedTopic = identityVerifiedTopic(this.prefix);
  readonly schema = `t_${this.id}`;
  private readonly apps: RunningApp[] = [];
  sandboxUrl!: string;

  async start(): Promise<this> {
    const env = {
      ...process.env,
      KAFKA_TOPIC_PREFIX: this.prefix,
      KAFKA_PARTITIONS: '3',
      DATABASE_SCHEMA: this.schema,
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    };
    const sandbox = await startApp('sandbox-population', PopulationSandboxModule.register(env), { port: 0 });
    this.apps.push(sandbox);
    this.sandboxUrl = sandbox.url!;
    const connector = ConnectorModule.register(populationConnectorDefinition, {
      ...env,
      POPULATION_URL: `${this.sandboxUrl}${POPULATION_SERVICE_PATH}`,
    });
    this.apps.push(await startApp('connector-population', connector, { port: 0 }));
    return this;
  }

  async sandboxStats(): Promise<{ calls: Record<string, number>; found: number; notFound: number }> {
    return (await axios.get(`${this.sandboxUrl}/_sandbox/stats`)).data;
  }

  async query<Row>(sql: string, params: unknown[] = []): Promise<Row[]> {
    const client = new Client({ connectionString: DATABASE_URL });
    await client.connect();
    try {
      await client.query(`SET search_path TO ${this.schema}`);
      return (await client.query(sql, params)).rows as Row[];
    } finally {
      await client.end();
    }
  }

  async close(): Promise<void> {
    for (const { app } of this.apps.reverse()) await app.close();
    const client = new Client({ connectionString: DATABASE_URL });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS ${this.schema} CASCADE`);
    await client.end();
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
