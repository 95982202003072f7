export { paymentConfigSpec, type PaymentConfig } from './payment.config';
export { MessageType, TransactionState } from './payment.contract';
export { checksumOf, resultVerifies } from './payment-checksum';
export { vietnamIso } from './payment-time';
export { REFERENCE_MAX_LENGTH } from './payment-reference';
export { queryMessage } from './payment-messages';
export { readPaymentRequest } from './payment-request';
export { nextPaymentState } from './payment-state';
export { paymentEvent, type PaymentChange, type PaymentSubject } from './payment-event';
export { PaymentLedger, type RefusedCallbackRecord, type Settlement } from './ledger/payment-ledger';
export { type PaymentRecord } from './ledger/payment-record';
export { PaymentPlatformClient } from './platform/payment-platform-client';
export { PaymentService } from './payment-service';
export { PaymentCallbackModule } from './callback/payment-callback.module';
export { type CallbackReceipt } from './callback/payment-callbacks';
export { type PaymentChanges } from './callback/payment-changes';
export {
  PaymentReconciler,
  PaymentReconciliationBusyError,
  type PaymentReconcileReport,
  type ReconcileOptions,
} from './reconciliation/payment-reconciler';
export { PaymentReceiptStore } from './receipts/payment-receipt-store';
export { receiptPath } from './receipts/payment-receipts';
export { paymentReceipts, paymentReconciler, standalonePaymentReconciler } from './payment-platform-work';
export { paymentEventId, PAYMENT_EVENT_TYPE } from './outbox/payment-event-relay';
export { paymentRequests, PAYMENT_REQUEST_SOURCE } from './intake/payment-requests';
export { PaymentConnector } from './payment.connector';
export { paymentConnectorConfigSpec, paymentConnectorDefinition } from './payment-connector.definition';
export { PaymentConnectorModule } from './payment-connector.module';
