import type { Connector, Delivered, Intake, TargetState } from '@lienthong/connector-runtime';
import type { DossierEvent } from '@lienthong/schemas';
import type { DocumentsExchangeClient } from './documents-exchange.client';
import type { DocumentsStore } from './documents.store';
import { buildEdxmlDocument } from './edxml-builder';
import { documentIdOf, parseDocumentId, type OrganInfo } from './edxml.contract';
import { resultPackageOf, resultsFingerprint } from './to-edxml';

/** What the ledger keeps for a dossier at the document exchange: the last results sent, and as what. */
interface SentResults {
  documentId: string;
  resultsFingerprint: string;
}

function sentResultsOf(previous: TargetState | undefined): SentResults | undefined {
  const record = previous?.record as Partial<SentResults> | null | undefined;
  return typeof record?.documentId === 'string' && typeof record.resultsFingerprint === 'string'
    ? { documentId: record.documentId, resultsFingerprint: record.resultsFingerprint }
    : undefined;
}

/**
 * The document-management system: a dossier's result documents go there as one edXML package. Events
 * without results, or with the results already sent, send nothing; changed results go as an update of
 * the earlier package. The package's DocumentId comes from the dossier code and sequence, so a resend
 * after a lost answer is recognised by the exchange as the same package.
 */
export class DocumentsConnector implements Connector {
  static readonly connectorName = 'documents';
  readonly name = DocumentsConnector.connectorName;
  constructor(
    /** dossier events with the applicant as its pseudonym (the `pseudonym` profile). */
    readonly intake: Intake<DossierEvent>,
    private readonly exchange: DocumentsExchangeClient,
    private readonly store: DocumentsStore,
    private readonly options: { sender: OrganInfo; promulgationPlace: string },
  ) {}

  async deliver(dossier: DossierEvent, previous: TargetState | undefined): Promise<Delivered> {
    const sent = sentResultsOf(previous);
    const unchanged = (answer: unknown): Delivered => ({
      state: {
        lastSequence: dossier.provenance.sequence,
        status: dossier.status,
        created: previous?.created ?? false,
        record: previous?.record ?? null,
      },
      answer,
    });
    if (dossier.results.length === 0) return unchanged({ sent: false, why: 'no result documents' });
    const fingerprint = resultsFingerprint(dossier.results);
    if (sent?.resultsFingerprint === fingerprint) {
      return unchanged({ sent: false, why: 'results already sent', documentId: sent.documentId });
    }

    const document = resultPackageOf(dossier, {
      ...this.options,
      previous: sent && parseDocumentId(sent.documentId),
    });
    const documentId = documentIdOf(document.reference);
    const arrival = await this.exchange.send(buildEdxmlDocument(document));
    await this.store.recordSent({
      documentId,
      dossierCode: dossier.dossierCode,
      sequence: dossier.provenance.sequence,
      attachments: document.attachments.length,
    });
    const record: SentResults = { documentId, resultsFingerprint: fingerprint };
    return {
      state: { lastSequence: dossier.provenance.sequence, status: dossier.status, created: true, record },
      answer: { sent: true, documentId, statusCode: arrival.statusCode, description: arrival.description },
    };
  }
}
