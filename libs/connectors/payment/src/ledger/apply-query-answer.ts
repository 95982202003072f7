import type { QueryAnswer } from '../payment-answers';
import type { PaymentLedger } from './payment-ledger';
import type { PaymentRecord } from './payment-record';
import { resultSettlement } from './payment-settlements';

/** What a QUERY answer did: its TrangThaiGD, and the payment as moved when its state changed. */
export interface QueryApplied {
  answer: QueryAnswer['kind'];
  moved?: PaymentRecord;
  /** The held state changed already (a callback won the race), or contradicts the answer. */
  held?: PaymentRecord;
}

/**
 * Applies a QUERY answer exactly as a verified callback: "1" paid, "4" failed, through the ledger's
 * locked settlement; "3" and a refused query change nothing (the next run asks again).
 */
export async function applyQueryAnswer(
  ledger: PaymentLedger,
  payment: PaymentRecord,
  answer: QueryAnswer,
): Promise<QueryApplied> {
  switch (answer.kind) {
    case 'pending':
    case 'query-refused':
      return { answer: answer.kind };
    case 'paid':
    case 'failed': {
      const reason = answer.kind === 'failed' ? answer.description : undefined;
      const settled = await ledger.settle(payment.reference, (held) =>
        resultSettlement(answer.kind, answer.result, held, reason),
      );
      return { answer: answer.kind, moved: settled.after, held: settled.before };
    }
  }
}
