import type { Database } from '@lienthong/database';
import type { PaymentChanges } from './callback/payment-changes';
import { PaymentLedger } from './ledger/payment-ledger';
import type { PaymentConfig } from './payment.config';
import { PaymentPlatformClient } from './platform/payment-platform-client';
import { PaymentReceiptStore } from './receipts/payment-receipt-store';
import { PaymentReceipts, receiptUrlOf } from './receipts/payment-receipts';
import { PaymentReconciler } from './reconciliation/payment-reconciler';

/** The receipts fetcher as the settings say (PAYMENT_RECEIPT_*). */
export const paymentReceipts = (
  config: PaymentConfig,
  platform: PaymentPlatformClient,
  database: Database,
  changes: PaymentChanges,
): PaymentReceipts =>
  new PaymentReceipts(new PaymentReceiptStore(database), platform, database, changes, {
    receiptUrl: (reference) => receiptUrlOf(config.PAYMENT_RECEIPT_BASE_URL, reference),
    everyS: config.PAYMENT_RECEIPT_EVERY_S,
    retryS: config.PAYMENT_RECEIPT_RETRY_S,
  });

/** Reconciliation with the configured window (PAYMENT_RECONCILE_*). */
export const paymentReconciler = (
  config: PaymentConfig,
  parts: {
    ledger: PaymentLedger;
    platform: PaymentPlatformClient;
    receipts: PaymentReceipts;
    database: Database;
    changes: PaymentChanges;
  },
): PaymentReconciler =>
  new PaymentReconciler(parts.ledger, parts.platform, parts.receipts, parts.database, parts.changes, {
    afterS: config.PAYMENT_RECONCILE_AFTER_S,
    windowH: config.PAYMENT_RECONCILE_WINDOW_H,
  });

// Outside the connector its changes are told by the outbox alone: the connector's relay publishes them.
const OUTBOX_ONLY: PaymentChanges = { onChange: async () => undefined };

/**
 * A reconciliation run outside the connector (the console's button, `lienthong payments reconcile`),
 * with the platform settings and the payments database: what it settles and the receipts it keeps are
 * written to the outbox, and the connector's relay publishes them on payment.v1 (within a second).
 */
export function standalonePaymentReconciler(config: PaymentConfig, database: Database): PaymentReconciler {
  const platform = new PaymentPlatformClient(config);
  return paymentReconciler(config, {
    ledger: new PaymentLedger(database),
    platform,
    receipts: paymentReceipts(config, platform, database, OUTBOX_ONLY),
    database,
    changes: OUTBOX_ONLY,
  });
}
