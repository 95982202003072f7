export { paymentConfigSpec, type PaymentConfig } from './payment.config';
export {
  ErrorCode,
  MessageType,
  TransactionState,
  type CallbackAnswer,
  type InitMessage,
  type LookupMessage,
  type PlatformResult,
} from './payment.contract';
export { checksumOf, resultVerifies } from './payment-checksum';
export { paymentTime, vietnamIso } from './payment-time';
export { paymentReference, REFERENCE_MAX_LENGTH } from './payment-reference';
export {
  billMessage,
  initMessage,
  queryMessage,
  totalOf,
  type PaymentAttempt,
  type PaymentPartner,
} from './payment-messages';
export {
  readBillAnswer,
  readInitAnswer,
  readQueryAnswer,
  type BillAnswer,
  type InitAnswer,
  type QueryAnswer,
} from './payment-answers';
export {
  callbackAnswer,
  settleCallback,
  verifyCallback,
  type CallbackDecision,
  type CallbackPartner,
  type KnownPayment,
  type RefusedCallback,
  type VerifiedCallback,
} from './payment-callback';
export { MAX_TOTAL_VND, readPaymentRequest } from './payment-request';
export {
  isFinal,
  nextPaymentState,
  type PaymentFact,
  type PaymentState,
  type Transition,
} from './payment-state';
export { paymentEvent, type PaymentChange, type PaymentSubject } from './payment-event';
