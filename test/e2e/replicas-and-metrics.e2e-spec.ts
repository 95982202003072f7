import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { projectPath, readConfig } from '@lienthong/config';
import { PortalSandboxModule, portalSandboxConfigSpec } from '@lienthong/sandboxes';
import axios from 'axios';
import { exited } from '../support/hub-process';
import { IsolatedRun } from '../support/isolated-run';
import { publish, testKafka } from '../support/kafka-client';
import { loadFixtureDossiers } from '../support/source-fixtures';
import { eventually, freePort } from '../support/wait';

jest.setTimeout(240_000);

/** One app as the manifests and compose run it: its own OS process, its own instance id and port. */
interface Replica {
  app: string;
  instance: string;
  url: string;
  process: ChildProcess;
}

/** Names of the metrics an app serves; a histogram `x` serves `x_bucket`, `x_sum` and `x_count`. */
function metricNames(exposition: string): string[] {
  return [...exposition.matchAll(/^# TYPE (\S+) (\S+)$/gm)].flatMap(([, name, type]) =>
    type === 'histogram' || type === 'summary'
      ? [name, `${name}_bucket`, `${name}_sum`, `${name}_count`]
      : [name],
  );
}

/** Sum of one metric's samples in an exposition (all label sets). */
function total(exposition: string, metric: string): number {
  return [...exposition.matchAll(new RegExp(`^${metric}(?:\\{[^}]*\\})? (\\S+)$`, 'gm'))].reduce(
    (sum, [, value]) => sum + Number(value),
    0,
  );
}

class ReplicasRun extends IsolatedRun {
  readonly replicas: Replica[] = [];

  async sandbox(): Promise<string> {
    return (
      await this.launch(
        'sandbox',
        PortalSandboxModule.register(readConfig(portalSandboxConfigSpec, this.env())),
      )
    ).url!;
  }

  async spawn(app: string, instance: string, portKey: string, env: Record<string, string>): Promise<Replica> {
    const main = projectPath('dist', 'apps', app, 'src', 'main.js');
    if (!existsSync(main)) throw new Error(`${main} is missing: run npm run build (npm test does) first`);
    const port = await freePort();
    const child = spawn(process.execPath, [main], {
      env: this.env({ ...env, [portKey]: String(port), HTTP_HOST: '127.0.0.1' }),
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const replica = { app, instance, url: `http://127.0.0.1:${port}`, process: child };
    this.replicas.push(replica);
    return replica;
  }

  /** Stops every replica as an orchestrator does: SIGTERM, then SIGKILL after its grace period. */
  override async close(): Promise<void> {
    for (const { process: child } of this.replicas) child.kill('SIGTERM');
    await Promise.all(
      this.replicas.map(async ({ app, instance, process: child }) => {
        const grace = setTimeout(() => {
          process.stderr.write(`${app} ${instance} did not stop within 30 s of SIGTERM; killed\n`);
          child.kill('SIGKILL');
        }, 30_000);
        await exited(child);
        clearTimeout(grace);
      }),
    );
    await super.close();
  }
}

const ready = async (replica: Replica) =>
  (await axios.get(`${replica.url}/health/ready`, { validateStatus: () => true }).catch(() => undefined))
    ?.status === 200;
const metrics = async (replica: Replica) => (await axios.get<string>(`${replica.url}/metrics`)).data;

describe('Two hub replicas and two portal-connector replicas, each its own process', () => {
  const sut = new ReplicasRun();
  let hubs: Replica[];
  let connectors: Replica[];
  let others: Replica[];
  let portal: string;

  beforeAll(async () => {
    portal = await sut.sandbox();
    hubs = await Promise.all(
      ['hub-0', 'hub-1'].map((id) => sut.spawn('hub', id, 'HUB_HTTP_PORT', { HUB_INSTANCE_ID: id })),
    );
    connectors = await Promise.all(
      ['portal-a', 'portal-b'].map((id) =>
        sut.spawn('connector-national-portal', id, 'PORTAL_CONNECTOR_HTTP_PORT', {
          CONNECTOR_INSTANCE_ID: id,
          PORTAL_URL: portal,
        }),
      ),
    );
    // The other apps only serve their metrics here; their targets are not needed for that.
    others = [
      await sut.spawn('connector-population', 'population', 'POPULATION_CONNECTOR_HTTP_PORT', {
        CONNECTOR_INSTANCE_ID: 'population',
      }),
      await sut.spawn('connector-documents', 'documents', 'DOCUMENTS_CONNECTOR_HTTP_PORT', {
        CONNECTOR_INSTANCE_ID: 'documents',
        DOCUMENTS_FEEDBACK_INTERVAL_MS: '60000',
      }),
    ];
    if (existsSync(projectPath('dist', 'apps', 'console', 'src', 'main.js'))) {
      others.push(await sut.spawn('console', 'console', 'CONSOLE_PORT', { CONSOLE_HOST: '127.0.0.1' }));
    }
    // The dashboard serves the national score's metrics (drift, the scoring data's shape errors).
    if (existsSync(projectPath('dist', 'apps', 'dashboard', 'src', 'main.js'))) {
      others.push(await sut.spawn('dashboard', 'dashboard', 'DASHBOARD_HTTP_PORT', {}));
    }
    const all = [...hubs, ...connectors, ...others];
    const up = await eventually(
      async () => Promise.all(all.map(ready)),
      (states) => states.every(Boolean),
      120_000,
    );
    expect(all.filter((_, index) => !up[index]).map((r) => r.app)).toEqual([]);
  });

  afterAll(() => sut.close());

  it('share the source partitions and the dossier.v1 partitions, and deliver each dossier once', async () => {
    // Both replicas of each app joined their group before the events go out.
    const admin = testKafka().admin();
    await admin.connect();
    const groups = [
      sut.topics.group('lienthong.hub'),
      sut.topics.group('lienthong.connector.national-portal'),
    ];
    const members = await eventually(
      async () => (await admin.describeGroups(groups)).groups.map((g) => `${g.state}:${g.members.length}`),
      (states) => states.every((state) => state === 'Stable:2'),
      60_000,
    );
    await admin.disconnect();
    expect(members).toEqual(['Stable:2', 'Stable:2']);

    const [sample] = loadFixtureDossiers('motcua');
    const DOSSIERS = 30;
    // Each copy is a new dossier (its serial replaced) with new event ids, keyed by its code as a source would.
    const messages = Array.from({ length: DOSSIERS }, (_, index) =>
      sample.events.map(({ bytes }, step) => {
        const text = bytes
          .toString('utf8')
          .replace(/(-\d{6}-)\d+/g, `$1${700_000 + index}`)
          .replace(/"eventId":\s*"[^"]*"/, `"eventId": "replicas-${sut.id}-${index}-${step}"`);
        return { key: /"maHoSo":\s*"([^"]+)"/.exec(text)![1], value: Buffer.from(text) };
      }),
    ).flat();
    await publish(sut.topics.source('motcua'), messages);

    const stats = await eventually(
      async () =>
        (await axios.get(`${portal}/_sandbox/stats`)).data as { dossiers: number; duplicateCreates: number },
      (value) => value.dossiers >= DOSSIERS,
      120_000,
    );
    expect(stats).toMatchObject({ dossiers: DOSSIERS, duplicateCreates: 0 });

    const consumed = await Promise.all(
      hubs.map(async (hub) => total(await metrics(hub), 'lienthong_hub_consumed_total')),
    );
    expect(consumed.every((count) => count > 0)).toBe(true);
    expect(consumed.reduce((a, b) => a + b, 0)).toBe(messages.length);

    const delivered = await Promise.all(
      connectors.map(async (connector) =>
        total(await metrics(connector), 'lienthong_connector_delivered_total'),
      ),
    );
    expect(delivered.every((count) => count > 0)).toBe(true);

    // Each connector replica reports itself under its own instance id.
    const instances = await sut.withDatabase(async (client) =>
      (
        await client.query<{ instance: string }>(
          `SELECT instance FROM ${sut.schema}.connector_replicas WHERE connector = 'national-portal' ORDER BY instance`,
        )
      ).rows.map((row) => row.instance),
    );
    expect(instances).toEqual(['portal-a', 'portal-b']);
  });

  it('serve every metric that the dashboards and the alert rules name', async () => {
    const served = new Set<string>();
    for (const replica of [...hubs, ...connectors, ...others]) {
      for (const name of metricNames(await metrics(replica))) served.add(name);
    }
    const dir = projectPath('deploy', 'monitoring');
    const texts = [
      readFileSync(`${dir}/alerts.yml`, 'utf8'),
      ...readdirSync(`${dir}/dashboards`).map((file) => readFileSync(`${dir}/dashboards/${file}`, 'utf8')),
    ];
    const named = new Set(texts.flatMap((text) => text.match(/\blienthong_[a-z0-9_]+/g) ?? []));
    expect(named.size).toBeGreaterThan(15);
    expect([...named].filter((name) => !served.has(name)).sort()).toEqual([]);
  });
});
