import { startApp, type RunningApp } from '@lienthong/bootstrap';
import { readConfig } from '@lienthong/config';
import { inParallel } from '@lienthong/connector-runtime';
import { Database, DatabaseModule, databaseConfigSpec } from '@lienthong/database';
import { isRetriable } from '@lienthong/errors';
import { metricsRegistry } from '@lienthong/observability';
import {
  nextPaymentState,
  PaymentCallbackModule,
  paymentConfigSpec,
  PaymentLedger,
  PaymentPlatformClient,
  PaymentReceiptStore,
  paymentReceipts,
  PaymentReconciler,
  paymentReconciler,
  PaymentService,
  type PaymentRecord,
} from '@lienthong/payment';
import type { HeldTransaction } from '@lienthong/sandboxes';
import type { PaymentEvent } from '@lienthong/schemas';
import axios from 'axios';
import { IsolatedRun } from '../support/isolated-run';
import {
  LOSSY_CALLBACKS,
  platformFaults,
  platformSettings,
  startPaymentSandbox,
} from '../support/payment-platform';
import { paymentRequestNumber, signedResultOf } from '../support/payment-requests';
import { until } from '../support/wait';

const REQUESTS = 200;
const SECRET = 'e2e-payment-secret';
const CALLBACK_PATH = '/payment/callback';
/** As the connector runtime will: a retriable failure is tried again (the INIT repeats its reference). */
async function withRetries<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (!isRetriable(error) || attempt >= 30) throw error;
    }
  }
}

/**
 * A payment from request to settlement against the platform sandbox: INITs through faults, callbacks
 * of which a share is lost, reconciliation by QUERY, and callbacks forged, repeated or late.
 */
describe('payment flow with the platform sandbox', () => {
  const run = new IsolatedRun();
  const changes: PaymentEvent[] = [];
  let callbackApp: RunningApp;
  let sandbox: RunningApp;
  let ledger: PaymentLedger;
  let database: Database;
  let client: PaymentPlatformClient;
  let service: PaymentService;
  let reconciler: PaymentReconciler;
  let receipts: PaymentReceiptStore;
  const requests = Array.from({ length: REQUESTS }, (_, n) => paymentRequestNumber(n + 1));

  const held = async (): Promise<HeldTransaction[]> =>
    (await axios.get<HeldTransaction[]>(`${sandbox.url}/_sandbox/transactions`)).data;
  const callback = async (body: unknown) =>
    (await axios.post<{ MaLoi: string }>(`${callbackApp.url}${CALLBACK_PATH}`, body)).data;
  /** The tests that ask the platform themselves (a signed result to replay) do it without its faults. */
  const calmPlatform = () => axios.put(`${sandbox.url}/_sandbox/faults`, { rate: 0 });
  const signedResult = (payment: PaymentRecord) => signedResultOf(sandbox.url!, payment, SECRET);
  const payments = async () => {
    const all = await Promise.all(requests.map((request) => ledger.byRequestId(request.requestId)));
    return all.filter((payment): payment is PaymentRecord => payment !== undefined);
  };

  beforeAll(async () => {
    const env = run.env({ PAYMENT_SECRET: SECRET, PAYMENT_CALLBACK_PATH: CALLBACK_PATH });
    const config = readConfig(paymentConfigSpec, env);
    callbackApp = await startApp(
      'connector-payment',
      [
        DatabaseModule.forRoot(readConfig(databaseConfigSpec, env)),
        PaymentCallbackModule.register(config, { onChange: async (event) => void changes.push(event) }),
      ],
      { port: 0 },
    );
    sandbox = await startPaymentSandbox(SECRET, `${callbackApp.url}${CALLBACK_PATH}`, {
      ...LOSSY_CALLBACKS,
      ...platformFaults(0.1),
    });
    const platformConfig = readConfig(paymentConfigSpec, {
      ...env,
      ...platformSettings(sandbox, SECRET, CALLBACK_PATH),
      PAYMENT_TIMEOUT_MS: '3000',
    });
    database = callbackApp.app.get(Database);
    ledger = new PaymentLedger(database);
    client = new PaymentPlatformClient(platformConfig);
    service = new PaymentService(ledger, client);
    const told = { onChange: async (event: PaymentEvent) => void changes.push(event) };
    receipts = new PaymentReceiptStore(database);
    reconciler = paymentReconciler(platformConfig, {
      ledger,
      platform: client,
      // A failed GET_BILL is due again soon: the test waits for every receipt.
      receipts: paymentReceipts({ ...platformConfig, PAYMENT_RECEIPT_RETRY_S: 0.05 }, client, database, told),
      database,
      changes: told,
    });
  }, 60_000);

  afterAll(async () => {
    await sandbox?.app.close();
    await callbackApp?.app.close();
    await run.close();
  });

  it('initiates every request once, through faults and repeats', async () => {
    const initiated: PaymentEvent[] = [];
    await inParallel(requests, 8, async (request) => {
      const event = await withRetries(() => service.initiate(request));
      if (event) initiated.push(event);
    });
    // The same requests again (a redelivery): the same payments, no second transaction.
    const again = await Promise.all(
      requests.slice(0, 20).map((request) => withRetries(() => service.initiate(request))),
    );

    const recorded = await payments();
    expect(recorded).toHaveLength(REQUESTS);
    expect(new Set(recorded.map((payment) => payment.reference)).size).toBe(REQUESTS);
    // A payment still initiated is answered as before; a settled one answers nothing (its change was told).
    const byRequest = new Map(recorded.map((payment) => [payment.requestId, payment]));
    const answers = requests.slice(0, 20).map((request, index) => ({ request, answer: again[index] }));
    for (const { request, answer } of answers) {
      const first = initiated.find((one) => one.requestId === request.requestId);
      if (answer === undefined) {
        expect(byRequest.get(request.requestId)?.state).not.toBe('initiated');
      } else {
        expect(answer).toMatchObject({
          state: 'initiated',
          reference: first?.reference,
          paymentUrl: first?.paymentUrl,
        });
      }
    }
    const stats = (await axios.get(`${sandbox.url}/_sandbox/stats`)).data;
    expect(stats).toMatchObject({ transactions: REQUESTS, inits: REQUESTS, duplicatesRefused: 0 });
  }, 120_000);

  it('ends with every payment in the state the platform holds, lost callbacks found by QUERY', async () => {
    await until('the sandbox to settle every payment and finish its callbacks', async () => {
      const all = await held();
      const busy = all.some(
        ({ state, callback: { fate } }) => state === 'pending' || fate === 'sending' || fate === 'not-yet',
      );
      return busy ? undefined : all;
    });
    const initiatedBefore = (await payments()).filter((payment) => payment.state === 'initiated').length;
    expect(initiatedBefore).toBeGreaterThan(0);

    await until('reconciliation to leave no payment initiated and every receipt fetched', async () => {
      const report = await reconciler.run({ afterS: 0 });
      const missing = await receipts.missing(1);
      return report.queried === 0 && missing.length === 0 ? report : undefined;
    });

    const platform = new Map((await held()).map((transaction) => [transaction.reference, transaction]));
    for (const payment of await payments()) {
      const transaction = platform.get(payment.reference);
      expect({ reference: payment.reference, state: payment.state }).toEqual({
        reference: payment.reference,
        state: transaction?.state,
      });
      expect(payment.platformTransactionId).toBe(transaction?.transactionId);
      expect(payment.hasReceipt).toBe(payment.state === 'paid');
    }
    // One event per settlement, whether a callback or a QUERY found it.
    const finals = changes.filter(
      (event) => (event.state === 'paid' || event.state === 'failed') && !event.receiptUrl,
    );
    expect(finals).toHaveLength(REQUESTS);
    expect(new Set(finals.map((event) => event.requestId)).size).toBe(REQUESTS);
    // Then one receipt update per paid payment: paid again, with where its PDF is served.
    const paid = finals.filter((event) => event.state === 'paid');
    const updates = changes.filter((event) => event.receiptUrl);
    expect(updates.map((event) => event.reference).sort()).toEqual(
      paid.map((event) => event.reference).sort(),
    );
    for (const update of updates) {
      expect(update).toMatchObject({
        state: 'paid',
        receiptUrl: expect.stringMatching(/\/api\/v1\/payments\/LT[^/]+\/receipt$/),
      });
      const held = await receipts.receiptOf(update.reference);
      expect(held?.contentType).toBe('application/pdf');
      expect(held?.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    }
  }, 180_000);

  it('keeps a forged callback for the operator and changes nothing', async () => {
    await calmPlatform();
    const payment = (await payments())[0];
    const body = { ...(await signedResult(payment)), MaLoi: '99', MaXacThuc: 'f'.repeat(64) };
    const before = changes.length;

    const answer = await callback(body);

    expect(answer.MaLoi).toBe('99');
    expect(await ledger.byReference(payment.reference)).toEqual(payment);
    expect(changes).toHaveLength(before);
    const [kept] = await ledger.refusedCallbacks(1);
    expect(kept).toMatchObject({ reference: payment.reference, reason: expect.stringMatching(/^forged/) });
    expect(kept.body).not.toHaveProperty('MaXacThuc');
    const counted = await metricsRegistry.getSingleMetric('lienthong_payment_callbacks_total')?.get();
    expect(counted?.values).toContainEqual(
      expect.objectContaining({ labels: { outcome: 'forged' }, value: 1 }),
    );
  });

  it('answers a repeated callback, and a late one after a QUERY settled it, without changing anything', async () => {
    await calmPlatform();
    const lostPaid = (await held()).filter(
      ({ state, callback: { fate } }) => state === 'paid' && fate === 'lost',
    );
    const deliveredPaid = (await held()).filter(
      ({ state, callback: { fate } }) => state === 'paid' && fate === 'delivered',
    );
    expect(lostPaid.length).toBeGreaterThan(0);
    const before = changes.length;

    for (const transaction of [lostPaid[0], deliveredPaid[0]]) {
      const payment = (await ledger.byReference(transaction.reference))!;
      const answer = await callback(await signedResult(payment));

      expect(answer.MaLoi).toBe('00');
      expect(await ledger.byReference(payment.reference)).toEqual(payment);
    }
    expect(changes).toHaveLength(before);
  });

  it('applies one settlement of many racing for one payment', async () => {
    const request = paymentRequestNumber(9_999);
    const { payment } = await ledger.recordInitiation(request, new Date());

    const settled = await Promise.all(
      Array.from({ length: 10 }, (_, n) =>
        ledger.settle(payment.reference, (current) => ({
          transition: nextPaymentState(current?.state, n % 2 === 0 ? 'paid' : 'failed'),
          platformTransactionId: `PP${n}`,
        })),
      ),
    );

    const moved = settled.filter((one) => one.after !== undefined);
    expect(moved).toHaveLength(1);
    expect(await ledger.byReference(payment.reference)).toMatchObject({
      state: moved[0].after?.state,
      platformTransactionId: moved[0].after?.platformTransactionId,
    });
  });

  it('applies a burst in one transaction: each payment moved once, the facts after a move decided on it', async () => {
    const requests = [paymentRequestNumber(9_997), paymentRequestNumber(9_996)];
    const [a, b] = await Promise.all(
      requests.map(async (request) => (await ledger.recordInitiation(request, new Date())).payment.reference),
    );
    const fact = (reference: string, outcome: 'paid' | 'failed') => ({
      reference,
      at: new Date(),
      decide: (held: PaymentRecord | undefined) =>
        held && { transition: nextPaymentState(held.state, outcome), platformTransactionId: `PP-${outcome}` },
    });

    const settled = await ledger.settleAll([
      fact(a, 'paid'),
      fact(a, 'paid'),
      fact(b, 'failed'),
      fact(a, 'failed'),
      fact('LT-NO-SUCH-PAYMENT', 'paid'),
    ]);

    expect(settled.map(({ before, after }) => [before?.state, after?.state])).toEqual([
      ['initiated', 'paid'],
      ['paid', undefined],
      ['initiated', 'failed'],
      ['paid', undefined],
      [undefined, undefined],
    ]);
    expect(await ledger.byReference(a)).toMatchObject({ state: 'paid', platformTransactionId: 'PP-paid' });
    expect(await ledger.byReference(b)).toMatchObject({
      state: 'failed',
      platformTransactionId: 'PP-failed',
    });
    for (const [request, final] of [
      [requests[0], 'paid'],
      [requests[1], 'failed'],
    ] as const) {
      const events = await database.query<{ event: PaymentEvent }>(
        'SELECT event FROM payment_events WHERE request_id = $1 ORDER BY id',
        [request.requestId],
      );
      expect(events.map(({ event }) => event.state)).toEqual(['initiated', final]);
    }
  });

  it('says a payment was initiated before its result, even when the result beats the INIT answer', async () => {
    const request = paymentRequestNumber(9_998);
    const { payment } = await ledger.recordInitiation(request, new Date());

    await ledger.settle(payment.reference, (current) => ({
      transition: nextPaymentState(current?.state, 'paid'),
      platformTransactionId: 'PP-EARLY',
    }));
    const late = await ledger.markCreated(request.requestId, 'https://pay.example/late');

    expect(late).toBeUndefined();
    const events = await database.query<{ event: PaymentEvent }>(
      'SELECT event FROM payment_events WHERE request_id = $1 ORDER BY id',
      [request.requestId],
    );
    expect(events.map(({ event }) => event.state)).toEqual(['initiated', 'paid']);
  });
});
