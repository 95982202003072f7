import { readConfig } from '@lienthong/config';
import { Database, databaseConfigSpec } from '@lienthong/database';
import {
  paymentConfigSpec,
  standalonePaymentReconciler,
  type PaymentReconcileReport,
  type ReconcileOptions,
} from '@lienthong/payment';

const reconcileConfigSpec = { ...paymentConfigSpec, ...databaseConfigSpec };

/**
 * `lienthong payments reconcile`: every national payment still initiated in the window QUERY'd at the
 * platform, then the receipts due fetched, on the host (DATABASE_URL, PAYMENT_*). What it settles is
 * written to the payments outbox; the payment connector's relay publishes it on payment.v1. Loaded only
 * by that command (the database, the platform client).
 */
export async function reconcilePayments(
  env: NodeJS.ProcessEnv,
  options: ReconcileOptions,
): Promise<PaymentReconcileReport> {
  const config = readConfig(reconcileConfigSpec, env);
  const database = new Database(config);
  try {
    await database.prepare();
    return await standalonePaymentReconciler(config, database).run(options);
  } finally {
    await database.close();
  }
}
