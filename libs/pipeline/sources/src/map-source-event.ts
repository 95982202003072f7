import { SchemaValidator, type DossierEvent } from '@lienthong/schemas';
import { RejectionError, RejectionReason } from './rejection';
import type { SourceMapper } from './source-mapper';

/** Sources may send up to the broker's 1 MB limit; anything over this is refused before parsing. */
export const MAX_EVENT_BYTES = 512 * 1024;

const dossierSchema = new SchemaValidator<DossierEvent>('dossier.v1.json');

export type MappingResult = { ok: true; dossier: DossierEvent } | { ok: false; rejection: RejectionError };

/** Bytes of one source event to the shared dossier event, or the reason it is refused. Never throws. */
export function mapSourceEvent(mapper: SourceMapper, bytes: Buffer | null): MappingResult {
  try {
    return { ok: true, dossier: toCheckedDossier(mapper, bytes ?? Buffer.alloc(0)) };
  } catch (error) {
    if (error instanceof RejectionError) return { ok: false, rejection: error };
    // A mapper bug on odd input is still this event's fault to the operator: dead-letter it with the cause.
    return {
      ok: false,
      rejection: new RejectionError(RejectionReason.SchemaInvalid, `cannot map: ${(error as Error).message}`),
    };
  }
}

function toCheckedDossier(mapper: SourceMapper, bytes: Buffer): DossierEvent {
  if (bytes.length > MAX_EVENT_BYTES) {
    throw new RejectionError(
      RejectionReason.TooLarge,
      `event of ${bytes.length} bytes exceeds ${MAX_EVENT_BYTES}`,
    );
  }
  const document = mapper.parse(bytes);
  const violation = mapper.schema.violation(document);
  if (violation) {
    throw new RejectionError(
      RejectionReason.SchemaInvalid,
      `${violation.path || '/'} ${violation.message} (schema ${mapper.schema.file})`,
      violation.path,
    );
  }
  const dossier = mapper.toDossier(document);
  checkTimeline(dossier);
  const canonicalViolation = dossierSchema.violation(dossier);
  if (canonicalViolation) {
    throw new RejectionError(
      RejectionReason.CanonicalInvalid,
      `mapped dossier: ${canonicalViolation.path || '/'} ${canonicalViolation.message} (schema dossier.v1.json)`,
      canonicalViolation.path,
    );
  }
  return dossier;
}

/** Rules every source shares: a dossier cannot be due before it was received. */
function checkTimeline({ times }: DossierEvent): void {
  if (times.dueAt && Date.parse(times.dueAt) < Date.parse(times.receivedAt)) {
    throw new RejectionError(
      RejectionReason.DueBeforeReceipt,
      `due date ${times.dueAt} is before the receipt date ${times.receivedAt}`,
    );
  }
}
