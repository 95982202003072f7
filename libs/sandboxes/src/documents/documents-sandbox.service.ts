import type { OnModuleDestroy } from '@nestjs/common';
import {
  buildEdxmlStatus,
  edxmlTimestampAt,
  EdxmlRejection,
  parseDocumentId,
  parseEdxmlDocument,
  STATUS_DESCRIPTIONS,
  StatusCode,
  type AckStatus,
  type InboxEntry,
  type InboxKind,
  type OrganInfo,
  type ParsedEdxmlDocument,
} from '@lienthong/documents';
import type { DocumentsSandboxConfig } from './documents-sandbox.config';
import type { DocumentsSandboxStore } from './documents-sandbox.store';

export interface SendAnswer {
  accepted: boolean;
  /** The status package answering the send: 01 arrived, or 02 refused with the reason. */
  statusXml: string;
}

/** The statuses the sandbox receiver issues after a package arrives, one step apart. */
const LATER_STATUSES = [StatusCode.AcceptedAndRegistered, StatusCode.Done] as const;
const EXCHANGE: OrganInfo = { organId: 'sandbox.edxml', organName: 'Trục liên thông văn bản (sandbox)' };
const STAFF = { department: 'Văn thư', staff: 'Cán bộ văn thư (sandbox)' };

/**
 * The document exchange and its receiving organs: validates each package as receivers do (QCVN 102),
 * answers 01 or 02, treats a resend of the same DocumentId as the same package, and then, as the
 * receiving organ, registers (03) and completes (06) it, each status going to the sender's inbox.
 */
export class DocumentsSandboxService implements OnModuleDestroy {
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(
    private readonly config: DocumentsSandboxConfig,
    private readonly store: DocumentsSandboxStore,
  ) {}

  get maxPackageBytes(): number {
    return this.config.DOCUMENTS_SANDBOX_MAX_PACKAGE_BYTES;
  }

  send(xml: string): SendAnswer {
    let document: ParsedEdxmlDocument;
    try {
      document = parseEdxmlDocument(xml);
    } catch (error) {
      if (!(error instanceof EdxmlRejection)) throw error;
      this.store.refuse(error.message);
      return { accepted: false, statusXml: this.refusal(xml, error.message) };
    }
    const known = this.store.findPackage(document.documentId);
    if (known) {
      known.sends += 1;
    } else {
      this.store.addPackage(document);
      this.issueStatuses(document);
    }
    return { accepted: true, statusXml: this.status(document, StatusCode.Arrived) };
  }

  inbox(organId: string, kind: InboxKind): InboxEntry[] {
    return this.store.inbox(organId, kind);
  }

  message(id: string): string | undefined {
    return this.store.message(id);
  }

  acknowledge(id: string, status: AckStatus): boolean {
    return this.store.acknowledge(id, status);
  }

  onModuleDestroy(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  /** 01 to the sender's inbox now; 03 and 06 later, as the receiving organ works the package. */
  private issueStatuses(document: ParsedEdxmlDocument): void {
    this.toSender(document, StatusCode.Arrived);
    LATER_STATUSES.forEach((statusCode, step) => {
      const timer = setTimeout(
        () => {
          this.timers.delete(timer);
          this.toSender(document, statusCode);
        },
        this.config.DOCUMENTS_SANDBOX_STATUS_DELAY_MS * (step + 1),
      );
      this.timers.add(timer);
    });
  }

  private toSender(document: ParsedEdxmlDocument, statusCode: StatusCode): void {
    this.store.deliver({
      recipientOrganId: document.from.organId,
      kind: 'status',
      documentId: document.documentId,
      fromOrganId: document.to.organId,
      statusCode,
      xml: this.status(document, statusCode),
    });
  }

  private status(document: ParsedEdxmlDocument, statusCode: StatusCode): string {
    return buildEdxmlStatus({
      // The exchange itself answers 01; the receiving organ answers every later step.
      from: statusCode === StatusCode.Arrived ? EXCHANGE : document.to,
      responseFor: document.reference,
      staffInfo: statusCode === StatusCode.Arrived ? {} : STAFF,
      statusCode,
      description: STATUS_DESCRIPTIONS[statusCode],
      timestamp: edxmlTimestampAt(new Date()),
    });
  }

  /** 02 with the reason; it names the document when the package got far enough to read its DocumentId. */
  private refusal(xml: string, reason: string): string {
    const documentId = /<edXML:DocumentId>([^<]+)<\/edXML:DocumentId>/.exec(xml)?.[1];
    return buildEdxmlStatus({
      from: EXCHANGE,
      responseFor: documentId === undefined ? undefined : parseDocumentId(documentId),
      staffInfo: {},
      statusCode: StatusCode.Refused,
      description: `${STATUS_DESCRIPTIONS[StatusCode.Refused]}: ${reason}`,
      timestamp: edxmlTimestampAt(new Date()),
    });
  }
}
