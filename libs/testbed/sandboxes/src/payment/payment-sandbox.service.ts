import { checksumMatches, SignedFields } from './payment-checksum';
import { InitRefusal, readInit } from './payment-init-check';
import {
  MessageType,
  PlatformCode,
  PlatformMessage,
  TransactionState,
  type PlatformAnswer,
  type PlatformMessageBody,
} from './payment-platform.contract';
import { payPage } from './payment-pay-page';
import { receiptPdf } from './payment-receipt-pdf';
import { resultMessage } from './payment-result';
import type { PaymentSandboxConfig } from './payment-sandbox.config';
import type { HeldTransaction, PaymentSandboxStore } from './payment-sandbox.store';
import type { PaymentSettlement } from './payment-settlement';

/** One call of the platform endpoint. */
export interface PlatformCall {
  body: unknown;
  /** Scheme, host and port the call was sent to: the pay pages' base unless one is configured. */
  base: string;
}

const isRecord = (value: unknown): value is PlatformMessageBody =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The national payment platform: one endpoint that tells INIT, QUERY and GET_BILL apart by LoaiBanTin,
 * checks the partner and the MaXacThuc of each, records each reference once (a repeat with the same
 * content is answered as the first, one with other content refused), answers QUERY with the signed
 * result and TrangThaiGD, and GET_BILL with a receipt PDF once paid.
 */
export class PaymentSandboxService {
  constructor(
    private readonly config: PaymentSandboxConfig,
    private readonly store: PaymentSandboxStore,
    private readonly settlement: PaymentSettlement,
  ) {}

  handle(call: PlatformCall): PlatformAnswer {
    const message = isRecord(call.body) ? call.body : {};
    const type = message.LoaiBanTin;
    switch (type) {
      case MessageType.Init:
        return this.initAnswer(this.verified(message, SignedFields.init) ?? this.init(message, call.base));
      case MessageType.Query:
        return this.verified(message, SignedFields.lookup) ?? this.query(message);
      case MessageType.GetBill:
        return this.verified(message, SignedFields.lookup) ?? this.bill(message);
      default:
        this.store.counts.invalidRefused++;
        return this.refusal(message, PlatformMessage.UnknownMessageType);
    }
  }

  /** The HTML page UrlThanhToan points at, or undefined for an unknown reference. */
  payPage(reference: string): string | undefined {
    const transaction = this.store.get(reference);
    if (!transaction) return undefined;
    const { PAYMENT_SANDBOX_AUTO_SETTLE: auto, PAYMENT_SANDBOX_SETTLE_AFTER_MS: after } = this.config;
    return payPage(transaction, auto ? after : undefined);
  }

  /** The refusal when the partner or the checksum is wrong; undefined when the message may be read. */
  private verified(message: PlatformMessageBody, fields: readonly string[]): PlatformAnswer | undefined {
    if (message.MaDoiTac !== this.config.PAYMENT_SANDBOX_PARTNER_CODE) {
      this.store.counts.invalidRefused++;
      return this.refusal(message, PlatformMessage.UnknownPartner);
    }
    if (!checksumMatches(fields, message, this.config.PAYMENT_SANDBOX_SECRET)) {
      this.store.counts.checksumRefused++;
      return this.refusal(message, PlatformMessage.WrongChecksum);
    }
    return undefined;
  }

  private init(message: PlatformMessageBody, base: string): PlatformAnswer {
    let request;
    try {
      request = readInit(message);
    } catch (error) {
      if (!(error instanceof InitRefusal)) throw error;
      this.store.counts.invalidRefused++;
      return this.refusal(message, PlatformMessage.invalidField(error.field, error.why));
    }
    const known = this.store.get(request.reference);
    if (known && known.content !== request.content) {
      this.store.counts.duplicatesRefused++;
      return this.refusal(message, PlatformMessage.DuplicateReference);
    }
    if (known) {
      known.inits++;
      this.store.counts.repeatsAnswered++;
      return this.created(known);
    }
    const payBase = this.config.PAYMENT_SANDBOX_PUBLIC_URL || base;
    const transaction: HeldTransaction = {
      ...request,
      paymentUrl: `${payBase.replace(/\/$/, '')}/pay/${encodeURIComponent(request.reference)}`,
      inits: 1,
      state: 'pending',
      callback: { fate: 'not-yet', attempts: 0 },
    };
    this.store.add(transaction);
    this.store.counts.inits++;
    this.settlement.schedule(transaction.reference);
    return this.created(transaction);
  }

  private created(transaction: HeldTransaction): PlatformAnswer {
    return {
      status: 200,
      json: {
        MaLoi: PlatformCode.Ok,
        MoTaLoi: PlatformMessage.Ok,
        MaDoiTac: transaction.partner,
        MaThamChieu: transaction.reference,
        ThoiGianGD: transaction.initTime,
        UrlThanhToan: transaction.paymentUrl,
      },
    };
  }

  /** INIT answers come direct or in a gateway's wrapper, as configured. */
  private initAnswer(answer: PlatformAnswer): PlatformAnswer {
    if (this.config.PAYMENT_SANDBOX_ANSWER_STYLE === 'direct' || !('json' in answer)) return answer;
    const ok = answer.json.MaLoi === PlatformCode.Ok;
    return {
      status: answer.status,
      json: { error_code: ok ? '0' : '-1', message: JSON.stringify(answer.json) },
    };
  }

  private query(message: PlatformMessageBody): PlatformAnswer {
    this.store.counts.queries++;
    const transaction = this.known(message);
    if (!transaction) return this.refusal(message, PlatformMessage.UnknownTransaction);
    const state = {
      pending: TransactionState.Pending,
      paid: TransactionState.Paid,
      failed: TransactionState.Failed,
    }[transaction.state];
    const result = resultMessage(
      transaction,
      MessageType.Query,
      PlatformCode.Ok,
      this.config.PAYMENT_SANDBOX_SECRET,
    );
    return {
      status: 200,
      json: { MaLoi: PlatformCode.Ok, MoTaLoi: PlatformMessage.Ok, ...result, TrangThaiGD: state },
    };
  }

  private bill(message: PlatformMessageBody): PlatformAnswer {
    this.store.counts.bills++;
    const transaction = this.known(message);
    if (!transaction) return this.refusal(message, PlatformMessage.UnknownTransaction);
    if (transaction.state !== 'paid') return this.refusal(message, PlatformMessage.NotPaid);
    const receipt = transaction.receipt;
    return {
      status: 200,
      pdf: receiptPdf([
        'BIEN LAI THU PHI, LE PHI (sandbox)',
        `Ma tham chieu: ${transaction.reference}`,
        `Ma giao dich: ${transaction.transactionId}`,
        `Ngan hang: ${transaction.bank}`,
        `So tien: ${transaction.amount} VND`,
        `Ho so: ${String(receipt.MaHoSo ?? '')}`,
        `Nguoi nop: ${String(receipt.HoTenNguoiNop ?? '')}`,
        `Noi dung: ${transaction.description}`,
        `Thoi gian: ${transaction.settledTime}`,
      ]),
    };
  }

  private known(message: PlatformMessageBody): HeldTransaction | undefined {
    const reference = message.MaThamChieu;
    return typeof reference === 'string' ? this.store.get(reference) : undefined;
  }

  private refusal(message: PlatformMessageBody, description: string): PlatformAnswer {
    const echo = (field: string) => (typeof message[field] === 'string' ? message[field] : '');
    return {
      status: 200,
      json: {
        MaLoi: PlatformCode.OtherError,
        MoTaLoi: description,
        MaDoiTac: echo('MaDoiTac'),
        MaThamChieu: echo('MaThamChieu'),
      },
    };
  }
}
