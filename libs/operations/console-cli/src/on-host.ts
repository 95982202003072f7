import { AuditLog, auditConfigSpec, KafkaAuditAnchor } from '@lienthong/audit';
import { readConfig } from '@lienthong/config';
import { Database, databaseConfigSpec, migrateConfigSpec } from '@lienthong/database';
import { KafkaConnection, kafkaConfigSpec, Topics } from '@lienthong/kafka';

const onHostConfigSpec = { ...databaseConfigSpec, ...kafkaConfigSpec, ...auditConfigSpec };

/**
 * On the host, without the console: the database (DATABASE_URL, not migrated here: a verify changes
 * nothing) and the audit log with its anchor on the brokers, as the console builds them; closed after.
 * Work that appends starts the anchor (its topic made if missing); a verify only reads it.
 */
export async function withHostAudit<T>(
  env: NodeJS.ProcessEnv,
  work: (audit: AuditLog, database: Database, anchor: KafkaAuditAnchor) => Promise<T>,
): Promise<T> {
  const config = readConfig(onHostConfigSpec, env);
  const database = new Database(config);
  const kafka = new KafkaConnection(config);
  try {
    const anchor = new KafkaAuditAnchor(kafka, new Topics(config.KAFKA_TOPIC_PREFIX), config.DATABASE_SCHEMA);
    return await work(new AuditLog(database, config.AUDIT_KEY, anchor), database, anchor);
  } finally {
    await kafka.close();
    await database.close();
  }
}

/** `lienthong migrate`: the migrations, as the owner (DATABASE_URL), then the apps role's grants. */
export async function migrateAsOwner(
  env: NodeJS.ProcessEnv,
): Promise<{ schema: string; granted: string | null }> {
  const config = readConfig(migrateConfigSpec, env);
  const database = new Database(config);
  try {
    await database.migrate();
    if (config.DATABASE_APP_ROLE) await database.grantApp(config.DATABASE_APP_ROLE);
    return { schema: config.DATABASE_SCHEMA, granted: config.DATABASE_APP_ROLE || null };
  } finally {
    await database.close();
  }
}
