import { readConfig } from '@lienthong/config';
import { ledgerRetention } from '@lienthong/connector-runtime';
import { Database, databaseConfigSpec, Retention } from '@lienthong/database';
import { KafkaConnection, kafkaConfigSpec } from '@lienthong/kafka';
import { populationConnectorConfigSpec, populationConnectorDefinition } from '@lienthong/population';
import { IsolatedRun } from '../support/isolated-run';

/**
 * The connectors' state stays bounded: ledger rows, each dossier's last attempt and the population
 * lookups' audit older than their windows are pruned by the rules the connector apps run with; what is
 * inside a window stays.
 */
describe('connector state retention', () => {
  const run = new IsolatedRun();
  let database: Database;

  beforeAll(async () => {
    database = new Database(readConfig(databaseConfigSpec, run.env()));
    await database.migrate();
  });

  afterAll(async () => {
    await database?.close();
    await run.close();
  });

  const ageOf = (days: number) => `now() - interval '${days} days'`;

  async function seed(code: string, days: number): Promise<void> {
    await database.query(
      `INSERT INTO delivery_ledger (connector, source_system, source_event_id, dossier_code, sequence, status,
         outcome, attempts, answer, delivered_at)
       VALUES ('national-portal', 'motcua', $1, $1, 1, 1, 'delivered', 1, '{}', ${ageOf(days)})`,
      [code],
    );
    await database.query(
      `INSERT INTO target_attempts (connector, dossier_code, attempted_sequence, attempted_at)
       VALUES ('national-portal', $1, 1, ${ageOf(days)})`,
      [code],
    );
    await database.query(
      `INSERT INTO population_audit (request_id, connector, officer, dossier_code, source_event_id, purpose,
         operation, answered_by, outcome, subject_hmac, subject_masked, requested_at)
       VALUES ($1, 'population', 'officer', $1, $1, 'verify', 'lookup', 'gateway', 'verified', 'hmac', '0*********1',
         ${ageOf(days)})`,
      [code],
    );
  }

  const remaining = async (table: string) =>
    (await database.query<{ code: string }>(`SELECT dossier_code AS code FROM ${table} ORDER BY 1`)).map(
      ({ code }) => code,
    );

  it('prunes ledger, attempts and population audit past their windows and keeps the rest', async () => {
    await seed('OLD-LEDGER', 800);
    await seed('OLD-AUDIT', 2_000);
    await seed('RECENT', 10);
    const env = run.env({ CONNECTOR_LEDGER_RETENTION_DAYS: '730', POPULATION_AUDIT_RETENTION_DAYS: '1825' });
    const config = readConfig(populationConnectorConfigSpec, env);
    const population = populationConnectorDefinition.create(config, {
      kafka: new KafkaConnection(readConfig(kafkaConfigSpec, env)),
      database,
      topics: run.topics,
    });

    const deleted = await new Retention(database, [
      ...ledgerRetention(config),
      ...(population.retention ?? []),
    ]).prune();

    expect(deleted).toEqual({ delivery_ledger: 2, target_attempts: 2, population_audit: 1 });
    expect(await remaining('delivery_ledger')).toEqual(['RECENT']);
    expect(await remaining('target_attempts')).toEqual(['RECENT']);
    expect(await remaining('population_audit')).toEqual(['OLD-LEDGER', 'RECENT']);
  });

  it('keeps everything when a window is 0', async () => {
    await seed('ANCIENT', 5_000);
    const config = readConfig(
      populationConnectorConfigSpec,
      run.env({ CONNECTOR_LEDGER_RETENTION_DAYS: '0' }),
    );
    expect(await new Retention(database, ledgerRetention(config)).prune()).toEqual({});
    expect(await remaining('delivery_ledger')).toContain('ANCIENT');
  });
});
