import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import axios from 'axios';
import { Client } from 'pg';
import { projectPath } from '@lienthong/config';
import { CITIZENS } from '@lienthong/simulator';
import { exited } from '../support/hub-process';
import { eventually } from '../support/wait';

jest.setTimeout(180_000);

const SECRETS = {
  PORTAL_PASSWORD: 'portal-Pw-7fk2Q',
  PORTAL_SANDBOX_PASSWORD: 'portal-Pw-7fk2Q',
  POPULATION_SECRET: 'population-Secret-9xQ2',
  POPULATION_SANDBOX_SECRET: 'population-Secret-9xQ2',
  POPULATION_API_KEY: 'population-Key-4hZ8',
  POPULATION_SANDBOX_API_KEY: 'population-Key-4hZ8',
  POPULATION_AUDIT_KEY: 'audit-Key-2mW6',
  PERSONAL_DATA_IDENTITY_KEY: 'q0xS0mA1K7p4cV2eZr9LwY3uTn6bHj8dFg5kQs1oPiE=',
  PERSONAL_DATA_CONTACT_KEY: 'Wm3ZtR8yN1vB6cX0aL5pQk2sJd9hGf4eUo7iYr3TnCw=',
};

/**
 * The whole all-in-one app (three sandboxes, three connectors, hub, simulator) runs at debug level with
 * simulated citizens flowing through every connector; then every line it wrote is searched for
 * personal data and secrets in clear.
 */
describe('logs of a full run', () => {
  const id = randomBytes(4).toString('hex');
  const ports = { portal: 28181, population: 28182, documents: 28183, scoring: 28186 };
  let output = '';
  let work = {
    portal: {} as Record<string, unknown>,
    population: {} as Record<string, unknown>,
    documents: [] as unknown,
  };

  beforeAll(async () => {
    const main = projectPath('dist', 'apps', 'lienthong', 'src', 'main.js');
    if (!existsSync(main)) throw new Error(`${main} is missing: run npm run build (npm test does) first`);
    const app = spawn(process.execPath, [main], {
      env: {
        ...process.env,
        ...SECRETS,
        LOG_LEVEL: 'debug',
        KAFKA_TOPIC_PREFIX: `logs${id}.`,
        KAFKA_PARTITIONS: '3',
        DATABASE_SCHEMA: `logs_${id}`,
        HUB_INSTANCE_ID: `logs-${id}`,
        SIMULATOR_DOSSIERS_PER_SECOND: '10',
        PORTAL_SANDBOX_PORT: String(ports.portal),
        POPULATION_SANDBOX_PORT: String(ports.population),
        DOCUMENTS_SANDBOX_PORT: String(ports.documents),
        PORTAL_URL: `http://127.0.0.1:${ports.portal}`,
        POPULATION_URL: `http://127.0.0.1:${ports.population}/dancuquocgia`,
        DOCUMENTS_URL: `http://127.0.0.1:${ports.documents}`,
        DOCUMENTS_FEEDBACK_INTERVAL_MS: '500',
        DOCUMENTS_SANDBOX_STATUS_DELAY_MS: '200',
        PORTAL_CONNECTOR_HTTP_PORT: '0',
        POPULATION_CONNECTOR_HTTP_PORT: '0',
        DOCUMENTS_CONNECTOR_HTTP_PORT: '0',
        HUB_HTTP_PORT: '0',
        NATIONAL_SCORE_SANDBOX_PORT: String(ports.scoring),
        // The other all-in-one test may run beside this one: no fixed port may be shared.
        CONSOLE_PORT: '0',
        DASHBOARD_HTTP_PORT: '0',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    app.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    app.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    try {
      // Every connector has done real work, with real citizens, before the logs are read.
      const sandbox = (port: number, path: string) =>
        axios.get(`http://127.0.0.1:${port}${path}`).then(({ data }) => data as Record<string, unknown>);
      work = await eventually(
        async () => ({
          portal: await sandbox(ports.portal, '/_sandbox/stats').catch(() => ({ dossiers: 0 })),
          population: await sandbox(ports.population, '/_sandbox/stats').catch(() => ({})),
          documents: await sandbox(ports.documents, '/_sandbox/packages').catch(() => []),
        }),
        ({ portal, population, documents }) =>
          Number(portal.dossiers) >= 20 &&
          JSON.stringify(population).match(/"found":[1-9]/) !== null &&
          Array.isArray(documents) &&
          documents.length > 0,
        90_000,
      );
    } finally {
      app.kill('SIGTERM');
      await exited(app);
      const client = new Client({
        connectionString: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
      });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS logs_${id} CASCADE`);
      await client.end();
    }
  });

  it('did real work at debug level, with citizens through every connector', () => {
    expect(Number(work.portal.dossiers)).toBeGreaterThanOrEqual(20);
    expect(Number(work.population.found)).toBeGreaterThan(0);
    expect(Array.isArray(work.documents) && work.documents.length).toBeGreaterThan(0);
    expect(output).toMatch(/"level":"debug"/);
  });

  it('holds no personal ID in clear', () => {
    // Twelve digits standing alone; the last group of a UUID (event ids) can be twelve digits too.
    const standalone12Digits = output.match(/(?<![0-9a-f-])\d{12}(?![0-9a-f])/g) ?? [];
    expect(standalone12Digits).toEqual([]);
    const leaked = CITIZENS.filter(({ personalId }) => output.includes(personalId));
    expect(leaked).toEqual([]);
  });

  it('holds no full name of a citizen', () => {
    const leaked = CITIZENS.filter(({ fullName }) => output.includes(fullName)).map(
      ({ fullName }) => fullName,
    );
    expect(leaked).toEqual([]);
  });

  it('holds no secret in clear', () => {
    for (const [key, secret] of Object.entries(SECRETS))
      expect([key, output.includes(secret)]).toEqual([key, false]);
  });
});
