import type { Database } from '@lienthong/database';
import type { IncomingRecord } from '@lienthong/kafka';
import { createLogger } from '@lienthong/observability';
import { SchemaValidator, type IdentityVerifiedEvent } from '@lienthong/schemas';

const outcomeSchema = new SchemaValidator<IdentityVerifiedEvent>('identity.verified.v1.json');
const logger = createLogger('portal-population-checks');

/**
 * The population connector's outcomes (identity.verified.v1) as the portal record needs them: whether
 * each dossier's applicant was verified in the population database. The newest check of a dossier wins.
 */
export class PopulationChecks {
  constructor(private readonly database: Database) {}

  /** Keeps the outcomes the records carry; answers the dossiers they are about. */
  async keep(records: IncomingRecord[]): Promise<string[]> {
    const outcomes = records.flatMap((record) => {
      const outcome = readOutcome(record);
      return outcome ? [outcome] : [];
    });
    if (outcomes.length === 0) return [];
    await this.database.query(
      `INSERT INTO portal_population_checks (dossier_code, verified, checked_at)
       SELECT DISTINCT ON (outcome.code) outcome.code, outcome.verified, outcome.checked_at
       FROM unnest($1::text[], $2::boolean[], $3::timestamptz[]) AS outcome (code, verified, checked_at)
       ORDER BY outcome.code, outcome.checked_at DESC
       ON CONFLICT (dossier_code) DO UPDATE SET verified = EXCLUDED.verified, checked_at = EXCLUDED.checked_at
       WHERE portal_population_checks.checked_at <= EXCLUDED.checked_at`,
      [
        outcomes.map((outcome) => outcome.dossierCode),
        outcomes.map((outcome) => outcome.verified),
        outcomes.map((outcome) => outcome.checkedAt),
      ],
    );
    return outcomes.map((outcome) => outcome.dossierCode);
  }

  /** Of these dossiers, the ones whose applicant was verified. */
  async verifiedAmong(dossierCodes: string[]): Promise<Set<string>> {
    const rows = await this.database.query<{ dossier_code: string }>(
      `SELECT dossier_code FROM portal_population_checks WHERE dossier_code = ANY($1) AND verified`,
      [dossierCodes],
    );
    return new Set(rows.map((row) => row.dossier_code));
  }
}

/** An outcome, or undefined (logged with its place) when the record is not one: it cannot change a record. */
function readOutcome(record: IncomingRecord): IdentityVerifiedEvent | undefined {
  let value: unknown;
  try {
    value = JSON.parse(record.value?.toString('utf8') ?? '');
  } catch {
    value = undefined;
  }
  const violation = outcomeSchema.violation(value);
  if (!violation) return value as IdentityVerifiedEvent;
  logger.warn(
    { topic: record.topic, partition: record.partition, offset: record.offset, violation },
    'not an identity.verified.v1 outcome; ignored',
  );
  return undefined;
}
