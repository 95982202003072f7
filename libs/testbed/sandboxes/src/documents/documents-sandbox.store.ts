import { randomUUID } from 'node:crypto';
import type { ReceivedAttachment } from './edxml-attachments-check';
import type { Acknowledgement, InboxKind } from './edxml-names';
import type { CheckedPackage } from './edxml-package-check';

export interface ReceivedPackage {
  documentId: string;
  fromOrganId: string;
  toOrganId: string;
  subject: string;
  businessDocType: string;
  attachments: ReceivedAttachment[];
  receivedAt: string;
  /** How many times the same DocumentId was sent: more than one is a resend, kept as one package. */
  sends: number;
}

/** One package waiting in an organ's inbox, as `GET /edxml/inbox` lists it. */
export interface InboxEntry {
  id: string;
  kind: InboxKind;
  /** The document it is, or the document a status answers. */
  documentId: string;
  fromOrganId: string;
  statusCode?: string;
  receivedAt: string;
  /** The last acknowledgement, when the receiver gave one short of done. */
  ack?: Acknowledgement;
}

interface InboxMessage extends InboxEntry {
  recipientOrganId: string;
  xml: string;
  acks: Acknowledgement[];
}

/** What the sandbox exchange holds, in memory: it lives as long as the sandbox process. */
export class DocumentsSandboxStore {
  private readonly packages = new Map<string, ReceivedPackage>();
  private readonly messages = new Map<string, InboxMessage>();
  private readonly refusals: { reason: string; at: string }[] = [];

  findPackage(documentId: string): ReceivedPackage | undefined {
    return this.packages.get(documentId);
  }

  addPackage(checked: CheckedPackage): ReceivedPackage {
    const received: ReceivedPackage = {
      documentId: checked.reference.documentId,
      fromOrganId: checked.from.organId,
      toOrganId: checked.to.organId,
      subject: checked.subject,
      businessDocType: checked.businessDocType,
      attachments: checked.attachments,
      receivedAt: new Date().toISOString(),
      sends: 1,
    };
    this.packages.set(received.documentId, received);
    return received;
  }

  /** Puts a package in an organ's inbox; returns its inbox id. */
  deliver(message: {
    recipientOrganId: string;
    kind: InboxKind;
    documentId: string;
    fromOrganId: string;
    statusCode?: string;
    xml: string;
  }): string {
    const id = randomUUID();
    this.messages.set(id, { ...message, id, receivedAt: new Date().toISOString(), acks: [] });
    return id;
  }

  /** What an organ has not yet acknowledged done, oldest first. */
  inbox(organId: string, kind: InboxKind): InboxEntry[] {
    return [...this.messages.values()]
      .filter(
        (message) => message.recipientOrganId === organId && message.kind === kind && message.ack !== 'done',
      )
      .map(({ id, documentId, fromOrganId, statusCode, receivedAt, ack }) => ({
        id,
        kind,
        documentId,
        fromOrganId,
        statusCode,
        receivedAt,
        ack,
      }));
  }

  message(id: string): string | undefined {
    return this.messages.get(id)?.xml;
  }

  acknowledge(id: string, status: Acknowledgement): boolean {
    const message = this.messages.get(id);
    if (!message) return false;
    message.ack = status;
    message.acks.push(status);
    return true;
  }

  refuse(reason: string): void {
    this.refusals.push({ reason, at: new Date().toISOString() });
  }

  /** Inspection for tests and demos. */
  snapshot() {
    return {
      packages: [...this.packages.values()],
      statuses: [...this.messages.values()]
        .filter((message) => message.kind === 'status')
        .map(({ id, documentId, statusCode, recipientOrganId, fromOrganId, receivedAt, acks }) => ({
          id,
          documentId,
          statusCode,
          recipientOrganId,
          fromOrganId,
          issuedAt: receivedAt,
          acks,
        })),
      refusals: [...this.refusals],
    };
  }

  reset(): void {
    this.packages.clear();
    this.messages.clear();
    this.refusals.length = 0;
  }
}
