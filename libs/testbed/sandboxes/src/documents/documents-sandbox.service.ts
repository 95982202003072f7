import type { OnModuleDestroy } from '@nestjs/common';
import { documentRefOf, type Organ } from './edxml-header-check';
import { SandboxStatus, type Acknowledgement, type InboxKind } from './edxml-names';
import { checkEdxmlPackage, type CheckedPackage } from './edxml-package-check';
import { writeStatusPackage } from './edxml-status-writer';
import type { DocumentsSandboxConfig } from './documents-sandbox.config';
import type { DocumentsSandboxStore, InboxEntry } from './documents-sandbox.store';
import { PackageRefusal } from './package-refusal';

export interface SendAnswer {
  accepted: boolean;
  /** The status package answering the send: 01 arrived, or 02 refused with the reason. */
  statusXml: string;
}

/** The statuses the sandbox receiver issues after a package arrives, one step apart. */
const LATER_STATUSES = [SandboxStatus.Registered, SandboxStatus.Done] as const;
const EXCHANGE: Organ = { organId: 'sandbox.edxml', organName: 'Trục liên thông văn bản (sandbox)' };
const STAFF = { department: 'Văn thư', staff: 'Cán bộ văn thư (sandbox)' };

/**
 * The document exchange and its receiving organs: checks each package as the strictest receiver does
 * (QCVN 102:2016), answers 01 or 02, treats a resend of the same DocumentId as the same package, and then,
 * as the receiving organ, registers (03) and completes (06) it, each status going to the sender's inbox.
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
    let checked: CheckedPackage;
    try {
      checked = checkEdxmlPackage(xml);
    } catch (error) {
      if (!(error instanceof PackageRefusal)) throw error;
      this.store.refuse(error.message);
      return { accepted: false, statusXml: this.refusal(error) };
    }
    const known = this.store.findPackage(checked.reference.documentId);
    if (known) {
      known.sends += 1;
    } else {
      this.store.addPackage(checked);
      this.issueStatuses(checked);
    }
    return { accepted: true, statusXml: this.status(checked, SandboxStatus.Arrived) };
  }

  inbox(organId: string, kind: InboxKind): InboxEntry[] {
    return this.store.inbox(organId, kind);
  }

  message(id: string): string | undefined {
    return this.store.message(id);
  }

  acknowledge(id: string, status: Acknowledgement): boolean {
    return this.store.acknowledge(id, status);
  }

  onModuleDestroy(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  /** 01 to the sender's inbox now; 03 and 06 later, as the receiving organ works the package. */
  private issueStatuses(checked: CheckedPackage): void {
    this.toSender(checked, SandboxStatus.Arrived);
    LATER_STATUSES.forEach((status, step) => {
      const timer = setTimeout(
        () => {
          this.timers.delete(timer);
          this.toSender(checked, status);
        },
        this.config.DOCUMENTS_SANDBOX_STATUS_DELAY_MS * (step + 1),
      );
      this.timers.add(timer);
    });
  }

  private toSender(checked: CheckedPackage, status: SandboxStatus): void {
    this.store.deliver({
      recipientOrganId: checked.from.organId,
      kind: 'status',
      documentId: checked.reference.documentId,
      fromOrganId: checked.to.organId,
      statusCode: status.code,
      xml: this.status(checked, status),
    });
  }

  private status(checked: CheckedPackage, status: SandboxStatus): string {
    const byExchange = status === SandboxStatus.Arrived;
    return writeStatusPackage({
      // The exchange itself answers 01; the receiving organ answers every later step.
      from: byExchange ? EXCHANGE : checked.to,
      responseFor: checked.reference,
      staff: byExchange ? undefined : STAFF,
      status,
      at: new Date(),
    });
  }

  /** 02 with the reason; it names the document when the package got far enough to read its DocumentId. */
  private refusal(refusal: PackageRefusal): string {
    return writeStatusPackage({
      from: EXCHANGE,
      responseFor: refusal.documentId === undefined ? undefined : documentRefOf(refusal.documentId),
      status: SandboxStatus.Refused,
      detail: refusal.message,
      at: new Date(),
    });
  }
}
