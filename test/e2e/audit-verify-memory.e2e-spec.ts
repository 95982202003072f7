import { spawn } from 'node:child_process';
import { AuditLog, chainHash, GENESIS_HASH, KafkaAuditAnchor, type AuditRecord } from '@lienthong/audit';
import { projectPath, readConfig } from '@lienthong/config';
import { Database, databaseConfigSpec } from '@lienthong/database';
import { KafkaConnection, kafkaConfigSpec } from '@lienthong/kafka';
import { IsolatedRun } from '../support/isolated-run';

jest.setTimeout(300_000);

const ROWS = 100_000;
const BATCH = 10_000;
const AUDIT_KEY = 'e2e-audit-verify-memory-key';
const MAX_RSS_KIB = 200 * 1024;

/** A valid chain of `count` rows, made batch by batch so the test itself stays small. */
function* chainedBatches(count: number): Generator<AuditRecord[]> {
  let prevHash = GENESIS_HASH;
  const start = Date.UTC(2026, 0, 1);
  for (let first = 1; first <= count; first += BATCH) {
    const batch: AuditRecord[] = [];
    for (let id = first; id < Math.min(first + BATCH, count + 1); id += 1) {
      const row = {
        id,
        at: new Date(start + id * 1000).toISOString(),
        actor: `operator-${id % 7}`,
        role: 'operator',
        action: 'connector.pause',
        target: 'connector/national-portal',
        parameters: { reason: `maintenance window ${id}` },
        result: 'ok',
        detail: { paused: true },
        prevHash,
      };
      const hash = chainHash(AUDIT_KEY, row);
      batch.push({ ...row, hash });
      prevHash = hash;
    }
    yield batch;
  }
}

/** The built CLI in a child process; answers its output and its peak RSS. */
function verifyInChild(env: NodeJS.ProcessEnv): Promise<{ stdout: string; maxRssKiB: number; ms: number }> {
  const started = Date.now();
  const child = spawn(
    process.execPath,
    [
      '--require',
      projectPath('test', 'support', 'report-max-rss.js'),
      projectPath('dist', 'apps', 'cli', 'src', 'main.js'),
      '--json',
      'audit',
      'verify',
      '--local',
    ],
    { env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', () => {
      const peak = /maxRSS=(\d+)/.exec(stderr);
      if (!peak) return reject(new Error(`no maxRSS reported; stderr: ${stderr}`));
      resolve({ stdout, maxRssKiB: Number(peak[1]), ms: Date.now() - started });
    });
  });
}

/** `audit verify` streams the log: 100k rows are checked in a child process that stays under 200 MB. */
describe(`${AuditLog.name}.verify`, () => {
  const run = new IsolatedRun();
  const env = run.env({ AUDIT_KEY });
  let database: Database;
  let kafka: KafkaConnection;

  beforeAll(async () => {
    database = new Database(readConfig(databaseConfigSpec, env));
    kafka = new KafkaConnection(readConfig(kafkaConfigSpec, env));
    await database.migrate();
  });

  afterAll(async () => {
    await kafka?.close();
    await database?.close();
    await run.close();
  });

  it('checks 100k rows and their anchored head in bounded memory', async () => {
    let head: AuditRecord | undefined;
    for (const batch of chainedBatches(ROWS)) {
      await database.query(
        `INSERT INTO audit_log (id, at, actor, role, action, target, parameters, result, detail, prev_hash, hash)
         SELECT * FROM unnest($1::bigint[], $2::timestamptz[], $3::text[], $4::text[], $5::text[], $6::text[],
                              $7::jsonb[], $8::text[], $9::jsonb[], $10::text[], $11::text[])`,
        [
          batch.map((row) => row.id),
          batch.map((row) => row.at),
          batch.map((row) => row.actor),
          batch.map((row) => row.role),
          batch.map((row) => row.action),
          batch.map((row) => row.target),
          batch.map((row) => JSON.stringify(row.parameters)),
          batch.map((row) => row.result),
          batch.map((row) => JSON.stringify(row.detail)),
          batch.map((row) => row.prevHash),
          batch.map((row) => row.hash),
        ],
      );
      head = batch.at(-1);
    }
    const anchor = new KafkaAuditAnchor(kafka, run.topics, run.schema);
    await anchor.start();
    await anchor.publish({ id: head!.id, hash: head!.hash, prevHash: head!.prevHash, at: head!.at });

    const { stdout, maxRssKiB, ms } = await verifyInChild(env);
    console.log(`audit verify: ${ROWS} rows in ${ms} ms, peak RSS ${Math.round(maxRssKiB / 1024)} MB`);
    expect(JSON.parse(stdout)).toMatchObject({
      ok: true,
      checked: ROWS,
      problemCount: 0,
      anchor: { id: ROWS },
    });
    expect(maxRssKiB).toBeLessThan(MAX_RSS_KIB);
  });
});
