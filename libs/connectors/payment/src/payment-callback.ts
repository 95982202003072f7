import { resultVerifies } from './payment-checksum';
import {
  Description,
  ErrorCode,
  MessageType,
  TransactionState,
  type CallbackAnswer,
  type PlatformResult,
} from './payment.contract';
import { nextPaymentState, type PaymentFact, type PaymentState, type Transition } from './payment-state';
import { readPlatformResult, textField } from './platform-result';

/** The payment a callback's MaThamChieu names, as the connector holds it. */
export interface KnownPayment {
  state: PaymentState;
  /** The total asked, whole VND. */
  amount: number;
}

export type CallbackRefusal = 'malformed' | 'not-a-result' | 'other-partner' | 'forged' | 'unknown-reference';

/** Our own requests that never come back as a result (a QUERY answer may: it is read by its TrangThaiGD). */
const NOT_RESULTS: ReadonlySet<string> = new Set([MessageType.Init, MessageType.GetBill]);

/**
 * What to do with one result callback:
 * - refused: nothing changes; the platform gets its error answer ("99"); counted and logged (an unknown
 *   reference is also kept for the operator);
 * - applied: the transition to make (none for a repeated callback: answered "00" all the same).
 *   `amountDiffers`: the platform settled an amount other than the one asked, for an operator.
 */
export interface RefusedCallback {
  kind: 'refused';
  why: CallbackRefusal;
  detail: string;
  answer: CallbackAnswer;
}

export type CallbackDecision =
  | RefusedCallback
  | {
      kind: 'applied';
      result: PlatformResult;
      paid: boolean;
      transition: Transition;
      amountDiffers: boolean;
      answer: CallbackAnswer;
    };

/** Who we are at the platform and the secret results are signed with. */
export interface CallbackPartner {
  partnerCode: string;
  secret: string;
}

/** A callback whose MaXacThuc verified, before the payment it names is looked up. */
export interface VerifiedCallback {
  kind: 'verified';
  result: PlatformResult;
  fields: Readonly<Record<string, unknown>>;
}

/**
 * The answer in the same HTTP exchange: MaLoi "00" received or "99" any other error, with MaDoiTac,
 * MaThamChieu and ThoiGianGD echoed, and the received MaXacThuc echoed as both public clients do.
 */
export function callbackAnswer(fields: Readonly<Record<string, unknown>>, received: boolean): CallbackAnswer {
  const echo = (name: string) => textField(fields, name) ?? '';
  return {
    MaLoi: received ? ErrorCode.Success : ErrorCode.Other,
    MoTaLoi: received ? Description.Success : Description.Other,
    MaDoiTac: echo('MaDoiTac'),
    MaThamChieu: echo('MaThamChieu'),
    ThoiGianGD: echo('ThoiGianGD'),
    MaXacThuc: echo('MaXacThuc'),
  };
}

const refusal = (
  fields: Readonly<Record<string, unknown>>,
  why: CallbackRefusal,
  detail: string,
): RefusedCallback => ({ kind: 'refused', why, detail, answer: callbackAnswer(fields, false) });

/** Reads a result callback (the body as parsed JSON) and verifies its MaXacThuc in the result order. */
export function verifyCallback(body: unknown, partner: CallbackPartner): VerifiedCallback | RefusedCallback {
  const fields =
    body !== null && typeof body === 'object' && !Array.isArray(body)
      ? (body as Readonly<Record<string, unknown>>)
      : {};
  const refuse = (why: CallbackRefusal, detail: string) => refusal(fields, why, detail);
  const read = readPlatformResult(fields);
  if (read.missing) return refuse('malformed', `missing or not readable: ${read.missing.join(', ')}`);
  const { result } = read;
  if (NOT_RESULTS.has(result.messageType)) {
    return refuse('not-a-result', `a ${result.messageType} message is not a result callback`);
  }
  if (result.partnerCode !== partner.partnerCode) {
    return refuse('other-partner', `MaDoiTac ${result.partnerCode} is not ours`);
  }
  if (!resultVerifies(result, partner.secret)) return refuse('forged', 'MaXacThuc does not verify');
  return { kind: 'verified', result, fields };
}

/**
 * What a verified result says: paid when MaLoi is "00", failed otherwise. A QUERY answer (one carrying
 * TrangThaiGD) is signed in the result order with MaLoi "00" whatever the payment's state: replayed as a
 * callback it is read by its TrangThaiGD, "1" paid, "4" failed, anything else still pending.
 */
function resultFact(result: PlatformResult, fields: Readonly<Record<string, unknown>>): PaymentFact {
  const succeeded = result.errorCode === ErrorCode.Success;
  if (!('TrangThaiGD' in fields)) return succeeded ? 'paid' : 'failed';
  const state = textField(fields, 'TrangThaiGD');
  if (succeeded && state === TransactionState.Paid) return 'paid';
  return state === TransactionState.Failed ? 'failed' : 'pending';
}

/**
 * What a verified callback does to the payment its MaThamChieu names (undefined: none is held), through
 * the state machine; pure.
 */
export function settleCallback(
  callback: VerifiedCallback,
  payment: KnownPayment | undefined,
): CallbackDecision {
  const { result, fields } = callback;
  if (!payment) return refusal(fields, 'unknown-reference', `no payment has MaThamChieu ${result.reference}`);
  const fact = resultFact(result, fields);
  const paid = fact === 'paid';
  return {
    kind: 'applied',
    result,
    paid,
    transition: nextPaymentState(payment.state, fact),
    amountDiffers: paid && result.amount !== payment.amount,
    answer: callbackAnswer(fields, true),
  };
}
