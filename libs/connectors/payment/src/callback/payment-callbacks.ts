import { Counter, createLogger, metricsRegistry } from '@lienthong/observability';
import type { PaymentEvent } from '@lienthong/schemas';
import type { PaymentLedger } from '../ledger/payment-ledger';
import { subjectOf } from '../ledger/payment-record';
import { callbackSettlement, changeOf } from '../ledger/payment-settlements';
import { SettlementBatches } from '../ledger/settlement-batches';
import {
  settleCallback,
  verifyCallback,
  type CallbackDecision,
  type CallbackPartner,
  type RefusedCallback,
} from '../payment-callback';
import type { CallbackAnswer } from '../payment.contract';
import { paymentEvent } from '../payment-event';

/** What became of one callback: applied, repeated (or too late), a conflict for an operator, or refused. */
export type CallbackOutcome = 'applied' | 'repeated' | 'conflict' | RefusedCallback['why'];

const callbacks = new Counter({
  name: 'lienthong_payment_callbacks_total',
  help: 'Result callbacks from the payment platform, by outcome (applied, repeated, conflict, or why refused: malformed, not-a-result, other-partner, forged, unknown-reference)',
  labelNames: ['outcome'],
  registers: [metricsRegistry],
});

/** The answer for the platform, and the payment.v1 event of the change made (none when nothing changed). */
export interface CallbackReceipt {
  outcome: CallbackOutcome;
  answer: CallbackAnswer;
  event?: PaymentEvent;
}

/**
 * The platform's result callbacks: verified, the payment their MaThamChieu names settled once through
 * the ledger (a repeat changes nothing and is answered "00"), a refused one kept for the operator.
 * Callbacks arriving together are settled together (SettlementBatches: one commit for a burst).
 * Logs carry the reference and the outcome, never the body.
 */
export class PaymentCallbacks {
  private readonly logger = createLogger('payment-callback');
  private readonly batches: SettlementBatches;

  constructor(
    private readonly ledger: PaymentLedger,
    private readonly partner: CallbackPartner,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.batches = new SettlementBatches(ledger);
  }

  async receive(body: unknown, remoteAddress?: string): Promise<CallbackReceipt> {
    const verified = verifyCallback(body, this.partner);
    if (verified.kind === 'refused') return this.refused(verified, body, remoteAddress);
    const { reference } = verified.result;
    // The decision is made on the payment as locked; kept here to answer the platform.
    let decision: CallbackDecision = settleCallback(verified, undefined);
    const settled = await this.batches.settle({
      reference,
      decide: (held) => {
        decision = settleCallback(verified, held);
        return callbackSettlement(decision);
      },
      at: this.clock(),
    });
    const decided = decision;
    if (decided.kind === 'refused') return this.refused(decided, body, remoteAddress);
    const { transition } = decided;
    const outcome =
      transition.kind === 'move' ? 'applied' : transition.kind === 'conflict' ? 'conflict' : 'repeated';
    callbacks.inc({ outcome });
    const dossierCode = settled.before?.dossierCode;
    if (outcome === 'conflict') {
      this.logger.warn(
        { reference, dossierCode, transition },
        'callback contradicts a final state: for an operator',
      );
    }
    if (settled.after?.amountDiffers) {
      this.logger.warn(
        { reference, dossierCode, asked: settled.after.amount, settled: verified.result.amount },
        'paid an amount other than the one asked: for an operator',
      );
    }
    const event =
      settled.after && paymentEvent(subjectOf(settled.after), changeOf(settled.after), this.clock());
    return { outcome, answer: decided.answer, event };
  }

  private async refused(
    refusal: RefusedCallback,
    body: unknown,
    remoteAddress?: string,
  ): Promise<CallbackReceipt> {
    callbacks.inc({ outcome: refusal.why });
    const fields = body !== null && typeof body === 'object' && !Array.isArray(body) ? body : {};
    const reference = refusal.answer.MaThamChieu || undefined;
    await this.ledger.keepRefusedCallback({
      reason: `${refusal.why}: ${refusal.detail}`,
      reference,
      body: fields as Readonly<Record<string, unknown>>,
      remoteAddress,
    });
    this.logger.warn({ reference, why: refusal.why, remoteAddress }, 'payment callback refused');
    return { outcome: refusal.why, answer: refusal.answer };
  }
}
