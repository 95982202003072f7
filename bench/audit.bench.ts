import { AuditLog, KafkaAuditAnchor } from '@lienthong/audit';
import { readConfig } from '@lienthong/config';
import { Database, databaseConfigSpec } from '@lienthong/database';
import { KafkaConnection, kafkaConfigSpec, Topics } from '@lienthong/kafka';
import { randomBytes } from 'node:crypto';
import { ensureBroker } from './bench-support';
import { fillAuditLog, verifyInChild } from './audit-verify-run';

/**
 * npm run bench:audit — `audit verify` over a long log: BENCH_AUDIT_ROWS (100,000) chained rows and
 * their anchored head, verified by the built CLI (`audit verify --local`) in a child process, timed and
 * its peak memory read. Targets: under 10 s and under 200 MB.
 * Last line: {"rows", "verify_ms", "verify_rows_per_s", "verify_rss_mb", "ok"}.
 */
const ROWS = Number(process.env.BENCH_AUDIT_ROWS ?? 100_000);
const AUDIT_KEY = 'bench-audit-key';
const log = (message: string) => process.stderr.write(`[bench:audit] ${message}\n`);

async function main(): Promise<void> {
  const id = randomBytes(4).toString('hex');
  const env = {
    ...process.env,
    KAFKA_BROKERS: ensureBroker(),
    KAFKA_TOPIC_PREFIX: `bench${id}.`,
    DATABASE_SCHEMA: `bench_audit_${id}`,
    AUDIT_KEY,
    LOG_LEVEL: 'warn',
  };
  const database = new Database(readConfig(databaseConfigSpec, env));
  const kafka = new KafkaConnection(readConfig(kafkaConfigSpec, env));
  try {
    await database.migrate();
    log(`writing ${ROWS} chained rows`);
    const head = await fillAuditLog(database, AUDIT_KEY, ROWS);
    const anchor = new KafkaAuditAnchor(kafka, new Topics(env.KAFKA_TOPIC_PREFIX), env.DATABASE_SCHEMA);
    await anchor.start();
    await anchor.publish({ id: head.id, hash: head.hash, prevHash: head.prevHash, at: head.at });
    log(`verifying with ${AuditLog.name}.verify in a child process`);
    const { stdout, maxRssKiB, ms } = await verifyInChild(env);
    const verdict = JSON.parse(stdout) as { ok: boolean; checked: number };
    process.stdout.write(
      `${JSON.stringify({
        rows: verdict.checked,
        verify_ms: ms,
        verify_rows_per_s: Math.round((verdict.checked / ms) * 1000),
        verify_rss_mb: Math.round(maxRssKiB / 1024),
        ok: verdict.ok,
      })}\n`,
    );
  } finally {
    await database.query(`DROP SCHEMA IF EXISTS ${env.DATABASE_SCHEMA} CASCADE`).catch(() => undefined);
    await kafka.close();
    await database.close();
  }
}

main().catch((error: Error) => {
  log(error.stack ?? error.message);
  process.exit(1);
});
