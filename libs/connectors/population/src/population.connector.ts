import type { Connector, Delivered, Intake, TargetState } from '@lienthong/connector-runtime';
import { Counter, metricsRegistry } from '@lienthong/observability';
import type { DossierEvent } from '@lienthong/schemas';
import type { IdentitySubject } from './identity-check';
import { identityVerifiedRecord } from './identity-verified';
import { IdentityVerifier } from './identity-verifier';

const verifications = new Counter({
  name: 'lienthong_population_verifications_total',
  help: 'Applicant identities checked against the population database, by outcome and mismatch reason',
  labelNames: ['outcome', 'reason'],
  registers: [metricsRegistry],
});

/** LoaiDoiTuong 1: only citizens are in the population database. */
const CITIZEN = 1;

/** What the ledger keeps for a dossier: whose identity was last checked (pseudonymously) and how it went. */
interface VerifiedState {
  subjectKey: string | null;
  verified: boolean | null;
}

/** Why a dossier's applicant is not verified, or the subject to verify. */
export function verificationSubject(dossier: DossierEvent): IdentitySubject | { notApplicable: string } {
  const { applicant } = dossier;
  if (applicant.type !== CITIZEN) return { notApplicable: 'applicant is not a citizen' };
  if (!applicant.identity) return { notApplicable: 'applicant has no personal ID' };
  // A 9-digit old card (CMND) is looked up by SoCMND: its holders are in the database too.
  return {
    identity: { kind: applicant.identity.kind, number: applicant.identity.number },
    fullName: applicant.name,
    birthDate: applicant.birthDate ?? null,
  };
}

/**
 * The population database: verifies a citizen applicant's personal ID, name and birth date once per
 * dossier (again only if the dossier changes them), and publishes the outcome on identity.verified.v1.
 */
export class PopulationConnector implements Connector {
  static readonly connectorName = 'population';
  readonly name = PopulationConnector.connectorName;
  constructor(
    /** dossier events with the applicant's identity opened (the `identity` profile). */
    readonly intake: Intake<DossierEvent>,
    private readonly verifier: IdentityVerifier,
    private readonly identityVerifiedTopic: string,
  ) {}

  async deliver(dossier: DossierEvent, previous: TargetState | undefined): Promise<Delivered> {
    const subject = verificationSubject(dossier);
    if ('notApplicable' in subject) {
      return this.outcome(
        dossier,
        { subjectKey: null, verified: null },
        { outcome: 'not_applicable', why: subject.notApplicable },
      );
    }
    const subjectKey = this.verifier.subjectKey(subject);
    const held = previous?.record as VerifiedState | undefined;
    if (held?.subjectKey === subjectKey) {
      // Later events of the dossier: the outcome is already on identity.verified.v1.
      return this.outcome(dossier, held, { outcome: 'already_checked' });
    }
    const { check, answeredBy, requestId } = await this.verifier.verify(subject, dossier);
    verifications.inc({
      outcome: check.verified ? 'verified' : 'not_verified',
      reason: check.reason ?? 'none',
    });
    const delivered = this.outcome(
      dossier,
      { subjectKey, verified: check.verified },
      { outcome: check.verified ? 'verified' : 'not_verified', reason: check.reason, answeredBy, requestId },
    );
    delivered.publish = [
      identityVerifiedRecord(this.identityVerifiedTopic, {
        dossierCode: dossier.dossierCode,
        sourceEventId: dossier.provenance.sourceEventId,
        verified: check.verified,
        reason: check.reason,
        checkedAt: check.checkedAt,
        method: IdentityVerifier.operation,
        answeredBy,
        requestId,
        citizen: check.citizen,
      }),
    ];
    return delivered;
  }

  /** The ledger's record: no personal data, only the subject's keyed hash and the outcome. */
  private outcome(dossier: DossierEvent, record: VerifiedState, answer: object): Delivered {
    return {
      state: {
        lastSequence: dossier.provenance.sequence,
        status: dossier.status,
        created: record.verified !== null,
        record,
      },
      answer,
    };
  }
}
