import type { TokenHolder } from '@lienthong/access';
import { AuditLog } from '@lienthong/audit';
import { ApplicantSeal } from '@lienthong/personal-data';
import { Injectable } from '@nestjs/common';
import { clearDetail, type ApplicantOpener } from '../dead-letters/dead-letter-view';
import { DeadLetterIndex } from '../dead-letters/dead-letter-index';
import { TraceDossier } from '../trace/trace-dossier.usecase';
import { openSealedApplicant } from './open-sealed-applicant';
import { PERSONAL_DATA_READ } from './personal-data.guard';

// One dossier's dead letters: a handful, unless a source keeps resending a broken event.
const MOST_DEAD_LETTERS = 1000;

/**
 * One dossier's personal data in clear, for one stated reason: the audit row (who, by token name and
 * id, which dossier, why) is written first; if it cannot be, nothing is read. A dead letter's applicant
 * sealed on dossier.v1 is opened here, and nowhere else in the console.
 */
@Injectable()
export class RevealDossier {
  private readonly openApplicant: ApplicantOpener;

  constructor(
    private readonly audit: AuditLog,
    private readonly tracer: TraceDossier,
    private readonly deadLetters: DeadLetterIndex,
    seal: ApplicantSeal,
  ) {
    this.openApplicant = openSealedApplicant(seal);
  }

  async reveal(holder: TokenHolder, dossierCode: string, reason: string) {
    const audited = await this.audit.append({
      actor: holder.name,
      actorTokenId: holder.id,
      role: holder.role,
      action: PERSONAL_DATA_READ,
      target: `dossier/${dossierCode}`,
      parameters: { reason },
      result: 'granted',
      detail: { scopes: holder.scopes },
    });
    const [trace, ids] = await Promise.all([
      this.tracer.trace(dossierCode),
      this.deadLetters.matchingIds({ dossierCode }, MOST_DEAD_LETTERS),
    ]);
    const letters = await this.deadLetters.get(ids);
    return {
      dossierCode,
      reason,
      auditId: audited.id,
      trace: { ...trace, masked: false },
      deadLetters: letters.map((letter) => clearDetail(letter, this.openApplicant)),
    };
  }
}
