import type { PaymentEvent, PaymentRequest } from '@lienthong/schemas';
import { createLogger } from '@lienthong/observability';
import { applyQueryAnswer } from './ledger/apply-query-answer';
import type { PaymentLedger } from './ledger/payment-ledger';
import { subjectOf, type PaymentRecord } from './ledger/payment-record';
import { changeOf } from './ledger/payment-settlements';
import { paymentEvent } from './payment-event';
import { nextPaymentState } from './payment-state';
import type { PaymentPlatformClient } from './platform/payment-platform-client';

/**
 * Starts a payment: the request (read by readPaymentRequest) recorded once (its requestId is the
 * idempotency key), then INIT at the platform. Answers the payment.v1 event of the change it made (initiated with the URL the
 * citizen pays at, or refused), or nothing when nothing changed; the caller publishes it. A failure
 * of the platform is thrown classified (RetriableError…): trying again repeats the same INIT.
 */
export class PaymentService {
  private readonly logger = createLogger('payment');

  constructor(
    private readonly ledger: PaymentLedger,
    private readonly platform: PaymentPlatformClient,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async initiate(request: PaymentRequest): Promise<PaymentEvent | undefined> {
    const { payment, created } = await this.ledger.recordInitiation(request, this.clock());
    // A provincial payment waits for its gateway's confirmation; a settled one was answered already.
    if (request.channel !== 'national' || payment.state !== 'initiated') return undefined;
    // A request seen again after its INIT worked (a redelivery): the same answer, no second INIT.
    if (payment.paymentUrl) return this.eventOf(payment);
    const answer = await this.platform.init(request, payment);
    if (answer.kind === 'created') {
      const marked = await this.ledger.markCreated(payment.requestId, answer.paymentUrl, this.clock());
      // Settled in the meantime (its callback came first): that change was answered by the callback.
      return marked && this.eventOf(marked);
    }
    const reason = `${answer.code}: ${answer.description}`;
    if (!created) return this.refusedRepeat(payment, reason);
    const settled = await this.ledger.settle(payment.reference, (held) => ({
      transition: nextPaymentState(held?.state, 'refused'),
      reason,
    }));
    return settled.after && this.eventOf(settled.after);
  }

  /**
   * A repeated INIT refused: whether the platform refuses a repeat is not known, so the first INIT may
   * have been recorded (DOMAIN.md). QUERY it: a settled payment is applied; otherwise it stays
   * initiated and reconciliation asks again.
   */
  private async refusedRepeat(payment: PaymentRecord, reason: string): Promise<PaymentEvent | undefined> {
    const applied = await applyQueryAnswer(this.ledger, payment, await this.platform.query(payment));
    if (!applied.moved) {
      this.logger.warn(
        { reference: payment.reference, dossierCode: payment.dossierCode, query: applied.answer, reason },
        'a repeated INIT was refused and QUERY settles nothing yet: left to reconciliation',
      );
    }
    return applied.moved && this.eventOf(applied.moved);
  }

  private eventOf(payment: PaymentRecord): PaymentEvent {
    return paymentEvent(subjectOf(payment), changeOf(payment), this.clock());
  }
}
