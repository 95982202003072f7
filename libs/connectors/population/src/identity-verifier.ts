import { randomUUID } from 'node:crypto';
import { DeliveryError } from '@lienthong/connector-runtime';
import type { DossierEvent } from '@lienthong/schemas';
import type { IdentityCache } from './identity-cache';
import { checkIdentity, type IdentityCheck, type IdentitySubject } from './identity-check';
import type { PopulationAudit } from './population-audit';
import type { PopulationClient } from './population-client';
import { PopulationOperation } from './population.contract';
import type { Pseudonymizer } from '@lienthong/personal-data';

export interface VerificationResult {
  check: IdentityCheck;
  answeredBy: 'gateway' | 'cache';
  /** MaYeuCau of this verification (a cache hit gets its own, for the audit log). */
  requestId: string;
}

/**
 * Verifies one applicant with TraCuuThongTinCongDan and an answer cache, auditing every verification,
 * whether the database, the cache or a failure answered it.
 *
 * The lookup, not XacThucThongTinCongDan: verification takes only the ID and name, while a dossier's
 * identity also includes the birth date, which only the lookup accepts (NgayThangNamSinh) and returns.
 */
export class IdentityVerifier {
  static readonly operation = PopulationOperation.Lookup.name;

  constructor(
    private readonly population: PopulationClient,
    private readonly cache: IdentityCache,
    private readonly audit: PopulationAudit,
    private readonly pseudonyms: Pseudonymizer,
    private readonly officer: string,
  ) {}

  /** The key a subject is cached and remembered under: the same person, name and birth date. */
  subjectKey(subject: IdentitySubject): string {
    return this.pseudonyms.of(subject.identity.number, subject.fullName, subject.birthDate ?? '');
  }

  async verify(subject: IdentitySubject, dossier: DossierEvent): Promise<VerificationResult> {
    const requestId = randomUUID();
    const audited = (result: Omit<VerificationResult, 'requestId'>) =>
      this.audited(subject, dossier, { ...result, requestId });
    const key = this.subjectKey(subject);
    const cached = this.cache.get(key);
    if (cached) return audited({ check: cached, answeredBy: 'cache' });
    try {
      const record = await this.population.lookup({
        requestId,
        officer: this.officer,
        serviceCode: dossier.procedure.code,
        unitCode: dossier.agency.code,
        identity: subject.identity,
        fullName: subject.fullName,
        birthDate: subject.birthDate ?? undefined,
      });
      const check = checkIdentity(subject, record, { checkedAt: new Date().toISOString(), requestId });
      this.cache.set(key, check);
      return audited({ check, answeredBy: 'gateway' });
    } catch (error) {
      await this.recordFailure(subject, dossier, requestId, error);
      throw error;
    }
  }

  private async audited(
    subject: IdentitySubject,
    dossier: DossierEvent,
    result: VerificationResult,
  ): Promise<VerificationResult> {
    await this.audit.record({
      ...this.auditContext(subject, dossier, result.requestId),
      answerRequestId: result.check.answerRequestId,
      answeredBy: result.answeredBy,
      outcome: result.check.verified ? 'verified' : 'not_verified',
      reason: result.check.reason,
    });
    return result;
  }

  private async recordFailure(
    subject: IdentitySubject,
    dossier: DossierEvent,
    requestId: string,
    error: unknown,
  ): Promise<void> {
    const code = error instanceof DeliveryError ? error.code : 'UNEXPECTED';
    await this.audit.record({
      ...this.auditContext(subject, dossier, requestId),
      answerRequestId: null,
      answeredBy: 'gateway',
      outcome: 'failed',
      reason: code,
    });
  }

  private auditContext(subject: IdentitySubject, dossier: DossierEvent, requestId: string) {
    return {
      requestId,
      officer: this.officer,
      dossierCode: dossier.dossierCode,
      sourceEventId: dossier.provenance.sourceEventId,
      procedureCode: dossier.procedure.code,
      operation: IdentityVerifier.operation,
      personalId: subject.identity.number,
    };
  }
}
