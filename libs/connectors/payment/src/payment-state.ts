import type { PaymentEvent } from '@lienthong/schemas';

export type PaymentState = PaymentEvent['state'];

/** What was learnt about a payment: an INIT answer, a callback, a QUERY answer. */
export type PaymentFact = 'initiated' | 'refused' | 'paid' | 'failed' | 'pending';

/**
 * What a fact does to a payment:
 * - move: a change of state, published as one payment.v1 event;
 * - keep: nothing changes (the same final state again, a pending answer, a fact that comes too late);
 * - conflict: the platform now reports a final state other than the one held (paid after failed, or the
 *   reverse): nothing changes, an operator decides, and a paid payment never goes back.
 */
export type Transition =
  | { kind: 'move'; to: PaymentState }
  | { kind: 'keep'; why: 'same' | 'final' | 'pending' | 'not-initiated' }
  | { kind: 'conflict'; held: PaymentState; reported: PaymentFact };

const FINAL: readonly PaymentState[] = ['paid', 'failed', 'refused'];

export const isFinal = (state: PaymentState): boolean => FINAL.includes(state);

/**
 * The payment state machine: none → initiated | refused; initiated → paid | failed | refused; a final
 * state never changes. `current` undefined: nothing is recorded for the reference yet.
 */
export function nextPaymentState(current: PaymentState | undefined, fact: PaymentFact): Transition {
  if (fact === 'pending') return { kind: 'keep', why: 'pending' };
  if (current === undefined) {
    if (fact === 'initiated' || fact === 'refused') return { kind: 'move', to: fact };
    return { kind: 'keep', why: 'not-initiated' };
  }
  if (current === fact) return { kind: 'keep', why: 'same' };
  if (current === 'initiated') return { kind: 'move', to: fact };
  // A final state. A settlement that contradicts it is for an operator; anything else came too late.
  const settles = fact === 'paid' || fact === 'failed';
  if (settles && (current === 'paid' || fact === 'paid'))
    return { kind: 'conflict', held: current, reported: fact };
  return { kind: 'keep', why: 'final' };
}
