import type { Database } from '@lienthong/database';
import { maskPersonalData } from '@lienthong/observability';
import type { Pseudonymizer } from '@lienthong/personal-data';

/** Why the connector looks people up: recorded with every lookup, as the law on personal data asks. */
export const VERIFICATION_PURPOSE = 'verify the dossier applicant’s identity (personal ID, name, birth date)';

export interface AuditEntry {
  requestId: string;
  answerRequestId: string | null;
  officer: string;
  dossierCode: string;
  sourceEventId: string;
  procedureCode: string | null;
  operation: string;
  answeredBy: 'gateway' | 'cache';
  outcome: 'verified' | 'not_verified' | 'failed';
  /** A mismatch reason or an error code; never personal data. */
  reason: string | null;
  personalId: string;
}

/** The audit log of population-database lookups (PostgreSQL table population_audit). */
export class PopulationAudit {
  constructor(
    private readonly database: Database,
    private readonly connector: string,
    private readonly pseudonyms: Pseudonymizer,
  ) {}

  async record(entry: AuditEntry): Promise<void> {
    await this.database.query(
      `INSERT INTO population_audit (request_id, answer_request_id, connector, officer, dossier_code,
         source_event_id, procedure_code, purpose, operation, answered_by, outcome, reason, subject_hmac, subject_masked)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
      [
        entry.requestId,
        entry.answerRequestId,
        this.connector,
        entry.officer,
        entry.dossierCode,
        entry.sourceEventId,
        entry.procedureCode,
        VERIFICATION_PURPOSE,
        entry.operation,
        entry.answeredBy,
        entry.outcome,
        entry.reason,
        this.pseudonyms.of(entry.personalId),
        maskPersonalData(entry.personalId),
      ],
    );
  }
}
