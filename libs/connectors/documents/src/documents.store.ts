import type { Database } from '@lienthong/database';
import { documentIdOf, type DocumentReference, type EdxmlStatus } from './edxml.contract';

export interface SentPackage {
  documentId: string;
  dossierCode: string;
  sequence: number;
  attachments: number;
}

/** edXML `yyyy/MM/dd HH:mm:ss` (Asia/Ho_Chi_Minh) as an ISO 8601 time PostgreSQL reads unambiguously. */
const toIsoLocal = (timestamp: string) => `${timestamp.replace(/\//g, '-').replace(' ', 'T')}+07:00`;

/** What went to the document exchange and what its receivers answered (PostgreSQL, migration 004). */
export class DocumentsStore {
  constructor(private readonly database: Database) {}

  async recordSent(sent: SentPackage): Promise<void> {
    await this.database.query(
      `INSERT INTO documents_packages (document_id, dossier_code, sequence, attachments)
       VALUES ($1, $2, $3, $4) ON CONFLICT (document_id) DO NOTHING`,
      [sent.documentId, sent.dossierCode, sent.sequence, sent.attachments],
    );
  }

  /** Records one status once; a status read again after a lost acknowledgement changes nothing. */
  async recordStatus(
    messageId: string,
    status: EdxmlStatus & { responseFor: DocumentReference },
  ): Promise<void> {
    const documentId = documentIdOf(status.responseFor);
    const statusAt = toIsoLocal(status.timestamp);
    await this.database.transaction(async (client) => {
      const inserted = await client.query(
        `INSERT INTO documents_status_feedback (message_id, document_id, status_code, description, from_organ_id, status_at)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (message_id) DO NOTHING`,
        [messageId, documentId, status.statusCode, status.description, status.from.organId, statusAt],
      );
      if (inserted.rowCount === 0) return;
      // Statuses may be read out of order; the package keeps the latest by the receiver's own time.
      await client.query(
        `UPDATE documents_packages SET last_status_code = $2, last_status_at = $3
         WHERE document_id = $1 AND (last_status_at IS NULL OR last_status_at <= $3)`,
        [documentId, status.statusCode, statusAt],
      );
    });
  }

  /** The dossier a package sent from here was about; undefined for a document this hub never sent. */
  async dossierCodeOf(documentId: string): Promise<string | undefined> {
    const rows = await this.database.query<{ dossier_code: string }>(
      'SELECT dossier_code FROM documents_packages WHERE document_id = $1',
      [documentId],
    );
    return rows[0]?.dossier_code;
  }

  async recordAcknowledged(messageId: string): Promise<void> {
    await this.database.query(
      'UPDATE documents_status_feedback SET acknowledged_at = now() WHERE message_id = $1 AND acknowledged_at IS NULL',
      [messageId],
    );
  }
}
