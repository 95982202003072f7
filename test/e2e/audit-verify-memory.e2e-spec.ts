import { AuditLog, KafkaAuditAnchor } from '@lienthong/audit';
import { readConfig } from '@lienthong/config';
import { Database, databaseConfigSpec } from '@lienthong/database';
import { KafkaConnection, kafkaConfigSpec } from '@lienthong/kafka';
import { fillAuditLog, verifyInChild } from '../../bench/audit-verify-run';
import { IsolatedRun } from '../support/isolated-run';

jest.setTimeout(300_000);

const ROWS = 100_000;
const AUDIT_KEY = 'e2e-audit-verify-memory-key';
/**
 * The child's JavaScript heap is capped well below what 100k rows take when held at once (each row is
 * about 1 KB as an object), so only a verify that streams the log can finish. Its RSS is reported, not
 * bounded: the runtime's own share of it changes with the Node.js version.
 */
const HEAP_CAP_MB = 48;

/** `audit verify` streams the log: 100k rows are checked by a child process with a small heap. */
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
    const head = await fillAuditLog(database, AUDIT_KEY, ROWS);
    const anchor = new KafkaAuditAnchor(kafka, run.topics, run.schema);
    await anchor.start();
    await anchor.publish({ id: head.id, hash: head.hash, prevHash: head.prevHash, at: head.at });

    const { stdout, stderr, maxRssKiB, ms } = await verifyInChild(env, HEAP_CAP_MB);
    console.log(`audit verify: ${ROWS} rows in ${ms} ms, peak RSS ${Math.round(maxRssKiB / 1024)} MB`);
    expect(stderr).not.toMatch(/heap out of memory/i);
    expect(JSON.parse(stdout)).toMatchObject({
      ok: true,
      checked: ROWS,
      problemCount: 0,
      anchor: { id: ROWS },
    });
  });
});
