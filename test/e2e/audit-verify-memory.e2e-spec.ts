import { AuditLog, KafkaAuditAnchor } from '@lienthong/audit';
import { readConfig } from '@lienthong/config';
import { Database, databaseConfigSpec } from '@lienthong/database';
import { KafkaConnection, kafkaConfigSpec } from '@lienthong/kafka';
import { fillAuditLog, verifyInChild } from '../../bench/audit-verify-run';
import { IsolatedRun } from '../support/isolated-run';

jest.setTimeout(300_000);

const ROWS = 100_000;
const AUDIT_KEY = 'e2e-audit-verify-memory-key';
const MAX_RSS_KIB = 200 * 1024;

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
    const head = await fillAuditLog(database, AUDIT_KEY, ROWS);
    const anchor = new KafkaAuditAnchor(kafka, run.topics, run.schema);
    await anchor.start();
    await anchor.publish({ id: head.id, hash: head.hash, prevHash: head.prevHash, at: head.at });

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
