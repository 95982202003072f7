import type { PaymentsAnswer } from '@lienthong/console';
import type { PaymentReconcileReport } from '@lienthong/payment';
import type { Command } from 'commander';
import { positive, wholeNumber, withProgress, type CliContext } from './cli-context';

/**
 * `payments list`: what the console's payments page shows (API); `payments reconcile`: a payment
 * reconciliation on the host, with a progress bar; exit 1 when a QUERY or GET_BILL failed.
 */
export function addPaymentCommands(program: Command, context: CliContext): void {
  const { io, env, client, print, fail } = context;
  const payments = program.command('payments').description('payments at the national payment platform');

  payments
    .command('list')
    .description('payments pending (initiated) and failed, receipts missing, callbacks refused (masked)')
    .action(async () => {
      const answer = await client().get<PaymentsAnswer>('/payments');
      print(answer, () => {
        const row = (payment: PaymentsAnswer['pending'][number]) => ({
          reference: payment.reference,
          dossier: payment.dossierCode,
          state: payment.state,
          amount: payment.amount,
          since: payment.initiatedAt,
          reason: payment.reason ?? '',
        });
        io.out('pending:');
        io.table(answer.pending.map(row));
        io.out('failed or refused:');
        io.table(answer.failed.map(row));
        io.out('receipts missing:');
        io.table(answer.receiptsMissing.map((missing) => ({ ...missing })));
        io.out('callbacks refused:');
        io.table(
          answer.refusedCallbacks.map((refused) => ({
            at: refused.receivedAt,
            reason: refused.reason,
            reference: refused.reference ?? '',
            from: refused.remoteAddress ?? '',
          })),
        );
      });
    });

  payments
    .command('reconcile')
    .description(
      'on the host: QUERYs every national payment still initiated in the window and fetches the receipts due (DATABASE_URL, PAYMENT_*); exit 1 if a QUERY or GET_BILL failed',
    )
    .option(
      '--after-s <seconds>',
      'only payments initiated at least this long ago (PAYMENT_RECONCILE_AFTER_S)',
      wholeNumber,
    )
    .option('--window-h <hours>', 'how far back to look (PAYMENT_RECONCILE_WINDOW_H)', positive)
    .action(async (options: { afterS?: number; windowH?: number }) => {
      const { reconcilePayments } = await import('./payment-reconciliation');
      const report: PaymentReconcileReport = await withProgress(
        context,
        'reconciling payments',
        (onProgress) =>
          reconcilePayments(env, {
            ...(options.afterS === undefined ? {} : { afterS: options.afterS }),
            ...(options.windowH === undefined ? {} : { windowH: options.windowH }),
            onProgress,
          }),
      );
      print(report, () =>
        io.out(
          `queried ${report.queried} payments: ${report.paid} paid, ${report.failed} failed, ${report.pending} still pending; ` +
            `${report.receipts} receipts fetched, ${report.errors} errors`,
        ),
      );
      if (report.errors > 0) fail();
    });
}
