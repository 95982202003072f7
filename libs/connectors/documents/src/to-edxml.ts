import { createHash } from 'node:crypto';
import type { DossierEvent } from '@lienthong/schemas';
import {
  BusinessDocType,
  type DocumentReference,
  type EdxmlAttachment,
  type EdxmlDocument,
  type OrganInfo,
} from './edxml.contract';
import { toEdxmlDate, toEdxmlTimestamp } from './edxml-time';

type ResultDocument = DossierEvent['results'][number];

/** Notation (ký hiệu) of the packages Lienthong sends: "kết quả thủ tục hành chính". */
export const RESULT_NOTATION = 'KQ-TTHC';
/** DOMAIN.md gives no DocumentType table; this is Lienthong's own code for a procedure result. */
export const RESULT_DOCUMENT_TYPE = { type: 'KQ', typeName: 'Kết quả giải quyết thủ tục hành chính' };
export const RESULT_CONTENT_TYPE = 'application/json';

export interface ResultPackageOptions {
  sender: OrganInfo;
  promulgationPlace: string;
  /** The package that carried this dossier's earlier results: the new one updates it. */
  previous?: DocumentReference;
}

/**
 * The document a dossier event's results travel as. Its number is the dossier code and the event's
 * sequence, and its date and trace time the event's own, so the same event always gives the same
 * DocumentId and the exchange recognises a resend.
 */
export function resultReferenceOf(dossier: DossierEvent, sender: OrganInfo): DocumentReference {
  return {
    organId: sender.organId,
    promulgationDate: toEdxmlDate(dossier.provenance.eventTime),
    codeNumber: `${dossier.dossierCode}.${dossier.provenance.sequence}`,
    codeNotation: RESULT_NOTATION,
  };
}

/** One edXML package for a dossier event's result documents, one attachment per result document. */
export function resultPackageOf(dossier: DossierEvent, options: ResultPackageOptions): EdxmlDocument {
  const { sender, previous } = options;
  const agency: OrganInfo = {
    organId: dossier.agency.code,
    organName: dossier.agency.name ?? dossier.agency.code,
  };
  const procedure = dossier.procedure.name ?? dossier.procedure.code;
  return {
    from: sender,
    to: agency,
    reference: resultReferenceOf(dossier, sender),
    promulgationPlace: options.promulgationPlace,
    documentType: RESULT_DOCUMENT_TYPE,
    subject: `Kết quả giải quyết hồ sơ ${dossier.dossierCode}: ${procedure}`,
    content: dossier.results.map((result) => result.name).join('; '),
    signer: {
      competence: agency.organName,
      position: dossier.processing?.title ?? '',
      fullName: dossier.processing?.handler ?? '',
    },
    dueDate: dossier.times.dueAt && toEdxmlDate(dossier.times.dueAt),
    toPlaces: [agency.organName],
    responseFor: previous,
    trace: [{ organId: sender.organId, timestamp: toEdxmlTimestamp(dossier.provenance.eventTime) }],
    businessDocType: previous ? BusinessDocType.Update : BusinessDocType.New,
    attachments: dossier.results.map((result, index) => resultAttachment(dossier, result, index + 1)),
  };
}

/**
 * The dossier event names its result documents and links to them; it does not carry their bytes. So
 * each attachment is a small JSON record of the result (what it is, its number, where it is held),
 * which the receiver files and can follow; no applicant data goes into it.
 */
function resultAttachment(dossier: DossierEvent, result: ResultDocument, position: number): EdxmlAttachment {
  const record = {
    dossierCode: dossier.dossierCode,
    procedureCode: dossier.procedure.code,
    agencyCode: dossier.agency.code,
    resultCode: result.code,
    name: result.name,
    number: result.number ?? null,
    url: result.url ?? null,
  };
  return {
    contentId: `cid:${position}`,
    contentType: RESULT_CONTENT_TYPE,
    description: result.name,
    attachmentName: `ket-qua-${position}-${result.code.replace(/[^\w.-]+/g, '_')}.json`,
    content: Buffer.from(JSON.stringify(record, null, 2), 'utf8'),
  };
}

/** Identifies a set of result documents, so the same results are never sent twice for one dossier. */
export function resultsFingerprint(results: readonly ResultDocument[]): string {
  const canonical = results.map((result) => [
    result.code,
    result.name,
    result.number ?? null,
    result.url ?? null,
  ]);
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}
