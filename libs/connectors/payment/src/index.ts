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
export {
  PaymentLedger,
  type RefusedCallbackRecord,
  type Settled,
  type Settlement,
} from './ledger/payment-ledger';
export { subjectOf, type PaymentRecord } from './ledger/payment-record';
export { PaymentPlatformClient } from './platform/payment-platform-client';
export { PaymentService } from './payment-service';
export { PaymentCallbackModule } from './callback/payment-callback.module';
export { PaymentCallbacks, type CallbackOutcome, type CallbackReceipt } from './callback/payment-callbacks';
export { type PaymentChanges } from './callback/payment-changes';
export {
  PaymentReconciler,
  PaymentReconciliationBusyError,
  type PaymentReconcileReport,
  type ReconcileOptions,
  type ReconcileWindow,
} from './reconciliation/payment-reconciler';
export {
  PaymentReceiptStore,
  type HeldReceipt,
  type MissingReceipt,
  type ReceiptType,
} from './receipts/payment-receipt-store';
export {
  PaymentReceipts,
  receiptRetryDelayS,
  receiptUrlOf,
  type PaymentReceiptsOptions,
  type ReceiptFetchReport,
} from './receipts/payment-receipts';
export { paymentReceipts, paymentReconciler, standalonePaymentReconciler } from './payment-platform-work';
export { PaymentEventRelay, paymentEventId, PAYMENT_EVENT_TYPE } from './outbox/payment-event-relay';
export { paymentRequests, PAYMENT_REQUEST_SOURCE } from './intake/payment-requests';
export { PaymentConnector } from './payment.connector';
export { paymentConnectorConfigSpec, paymentConnectorDefinition } from './payment-connector.definition';
export { PaymentConnectorModule } from './payment-connector.module';
