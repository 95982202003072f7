import type { CallbackDecision } from '../payment-callback';
import type { PaymentChange } from '../payment-event';
import type { PlatformResult } from '../payment.contract';
import { nextPaymentState } from '../payment-state';
import type { Settlement } from './payment-ledger';
import type { PaymentRecord } from './payment-record';

/**
 * What a verified platform result (a QUERY answer's) does to the payment held: the state machine's
 * transition with the platform's transaction, bank and, when paid, whether the amount differs from the
 * one asked; the same as a callback's (callbackSettlement). Nothing when no payment is held.
 */
export function resultSettlement(
  fact: 'paid' | 'failed',
  result: PlatformResult,
  held: PaymentRecord | undefined,
  reason?: string,
): Settlement | undefined {
  if (!held) return undefined;
  return {
    transition: nextPaymentState(held.state, fact),
    platformTransactionId: result.transactionId,
    bank: result.bank,
    reason: fact === 'failed' ? reason : undefined,
    amountDiffers: fact === 'paid' && result.amount !== held.amount,
  };
}

/** A callback's decision (settleCallback) as the ledger applies it; a refused callback changes nothing. */
export function callbackSettlement(decision: CallbackDecision): Settlement | undefined {
  if (decision.kind === 'refused') return undefined;
  const { result, paid, transition, amountDiffers } = decision;
  return {
    transition,
    platformTransactionId: result.transactionId,
    bank: result.bank,
    reason: paid ? undefined : `MaLoi ${result.errorCode}`,
    amountDiffers,
  };
}

/** The payment.v1 change a payment's state (just moved to) stands for, read from the ledger row. */
export function changeOf(payment: PaymentRecord): PaymentChange {
  const { platformTransactionId, bank } = payment;
  switch (payment.state) {
    case 'initiated':
      return { state: 'initiated', paymentUrl: payment.paymentUrl ?? '' };
    case 'paid':
      return { state: 'paid', platformTransactionId: platformTransactionId ?? '', bank };
    case 'failed':
      return { state: 'failed', reason: payment.reason ?? 'failed', platformTransactionId, bank };
    case 'refused':
      return { state: 'refused', reason: payment.reason ?? 'refused' };
  }
}
