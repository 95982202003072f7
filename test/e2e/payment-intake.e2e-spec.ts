import { randomUUID } from 'node:crypto';
import type { RunningApp } from '@lienthong/bootstrap';
import { DeadLetterHeader, KafkaConnection } from '@lienthong/kafka';
import { PaymentLedger, PaymentReconciler, type PaymentRecord } from '@lienthong/payment';
import type { HeldTransaction } from '@lienthong/sandboxes';
import type { PaymentEvent } from '@lienthong/schemas';
import axios from 'axios';
import { IsolatedRun } from '../support/isolated-run';
import {
  LOSSY_CALLBACKS,
  platformFaults,
  platformSettings,
  startPaymentConnector,
  startPaymentSandbox,
} from '../support/payment-platform';
import { paymentRequestNumber, paymentRequestTemplate } from '../support/payment-requests';
import { freePort, until } from '../support/wait';
import { publish, readTopic } from '../support/kafka-client';

const REQUESTS = 200;
const SENT_TWICE = 10;
const SECRET = 'e2e-payment-intake-secret';
const CALLBACK_PATH = '/payment/callback';
/** Each invalid request, as bytes, with the dead-letter reason it must get. */
const invalid: { value: string; reason: string }[] = [
  {
    value: JSON.stringify({
      ...paymentRequestNumber(901),
      fees: [{ ...paymentRequestTemplate.fees[0], amount: 1000.5 }],
    }),
    reason: 'PAYMENT_REQUEST_INVALID',
  },
  {
    value: JSON.stringify({ ...paymentRequestNumber(902), channel: 'cash' }),
    reason: 'PAYMENT_REQUEST_INVALID',
  },
  {
    value: JSON.stringify({
      ...paymentRequestNumber(903),
      fees: [
        { ...paymentRequestTemplate.fees[0], amount: 600_000_000 },
        { ...paymentRequestTemplate.fees[0], code: 'LP02', amount: 600_000_000 },
      ],
    }),
    reason: 'PAYMENT_TOTAL_TOO_LARGE',
  },
  {
    value: JSON.stringify({ ...paymentRequestNumber(904), dossierCode: 'not-a-dossier' }),
    reason: 'PAYMENT_INVALID_DOSSIER_CODE',
  },
  { value: '{"requestId": "unfinished', reason: 'PAYMENT_REQUEST_NOT_JSON' },
];

/**
 * The payment connector as deployed: requests read from the sector system's topic, INIT at the
 * platform sandbox (faults, 20% of callbacks lost), reconciliation, and every change published to
 * payment.v1 from the outbox.
 */
describe('payment intake to payment.v1', () => {
  const run = new IsolatedRun();
  const requests = Array.from({ length: REQUESTS }, (_, n) => paymentRequestNumber(n + 1));
  let connector: RunningApp;
  let sandbox: RunningApp;
  let ledger: PaymentLedger;

  const held = async (): Promise<HeldTransaction[]> =>
    (await axios.get<HeldTransaction[]>(`${sandbox.url}/_sandbox/transactions`)).data;
  const payments = async () => {
    const all = await Promise.all(requests.map((request) => ledger.byRequestId(request.requestId)));
    return all.filter((payment): payment is PaymentRecord => payment !== undefined);
  };

  beforeAll(async () => {
    const connectorPort = await freePort();
    sandbox = await startPaymentSandbox(SECRET, `http://127.0.0.1:${connectorPort}${CALLBACK_PATH}`, {
      ...LOSSY_CALLBACKS,
      ...platformFaults(0.1),
    });
    const env = run.env({
      ...platformSettings(sandbox, SECRET, CALLBACK_PATH),
      PAYMENT_TIMEOUT_MS: '3000',
      // Reconciliation is run by the test, with the window's lower bound at 0 s.
      PAYMENT_RECONCILE_EVERY_S: '0',
      // A GET_BILL that meets a fault is tried again soon.
      PAYMENT_RECEIPT_EVERY_S: '1',
      PAYMENT_RECEIPT_RETRY_S: '1',
    });
    connector = await startPaymentConnector(env, connectorPort);
    ledger = connector.app.get(PaymentLedger);
  }, 120_000);

  afterAll(async () => {
    await connector?.app.close();
    await sandbox?.app.close();
    await run.close();
  });

  it('dead-letters each invalid request with its reason and initiates every valid one once', async () => {
    const topic = run.topics.paymentRequests('motcua');
    const valid = [...requests, ...requests.slice(0, SENT_TWICE)].map((request) => ({
      key: request.dossierCode,
      value: JSON.stringify(request),
    }));
    await publish(topic, [...valid, ...invalid.map(({ value }) => ({ key: 'invalid', value }))]);

    const dead = await readTopic(run.topics.deadLetter('payment'), invalid.length, 60_000);
    expect(dead.map((message) => message.headers[DeadLetterHeader.Reason])).toEqual(
      invalid.map(({ reason }) => reason),
    );
    expect(dead.map((message) => message.value.toString())).toEqual(invalid.map(({ value }) => value));

    const recorded = await until('every valid request to be initiated at the platform', async () => {
      const all = await payments();
      return all.length === REQUESTS && all.every((one) => one.paymentUrl || one.state !== 'initiated')
        ? all
        : undefined;
    });
    expect(new Set(recorded.map((payment) => payment.reference)).size).toBe(REQUESTS);
    const stats = (await axios.get(`${sandbox.url}/_sandbox/stats`)).data;
    expect(stats).toMatchObject({ transactions: REQUESTS, inits: REQUESTS, duplicatesRefused: 0 });
  }, 180_000);

  it('ends every request paid or failed as the platform holds it, each with one initiated then one final event', async () => {
    await until('the sandbox to settle every payment and finish its callbacks', async () => {
      const all = await held();
      const busy = all.some(
        ({ state, callback: { fate } }) => state === 'pending' || fate === 'sending' || fate === 'not-yet',
      );
      return busy ? undefined : all;
    });
    // Lost callbacks left payments initiated: reconciliation has work to do.
    expect((await payments()).filter((payment) => payment.state === 'initiated').length).toBeGreaterThan(0);
    const reconciler = connector.app.get(PaymentReconciler);
    await until('reconciliation to leave no payment initiated', async () => {
      const report = await reconciler.run({ afterS: 0 });
      return report.queried === 0 && report.errors === 0 ? report : undefined;
    });

    const platform = new Map((await held()).map((transaction) => [transaction.reference, transaction]));
    const settled = await payments();
    for (const payment of settled) {
      expect({ reference: payment.reference, state: payment.state }).toEqual({
        reference: payment.reference,
        state: platform.get(payment.reference)?.state,
      });
      expect(['paid', 'failed']).toContain(payment.state);
    }

    // payment.v1 as a consumer reads it (read committed), each record once by its offset: a copy
    // published twice would count twice.
    const kafka = connector.app.get(KafkaConnection);
    const readPayments = async () => {
      const records = new Map<string, PaymentEvent>();
      await kafka.readToEnd(run.topics.payment, run.topics.group(`reader-${randomUUID()}`), (record) => {
        records.set(`${record.partition}:${record.offset}`, JSON.parse(String(record.value)) as PaymentEvent);
      });
      return [...records.values()];
    };
    // Each paid payment has a third event: its receipt update (paid again, with receiptUrl).
    const paidCount = settled.filter((payment) => payment.state === 'paid').length;
    const published = await until(
      'an initiated and a final event of every request, and a receipt update of every paid one, on payment.v1',
      async () => {
        const all = await readPayments();
        return all.length >= 2 * REQUESTS + paidCount ? all : undefined;
      },
    );
    const states = new Map<string, string[]>();
    for (const event of published) {
      const step = event.receiptUrl ? `${event.state}+receipt` : event.state;
      states.set(event.requestId, [...(states.get(event.requestId) ?? []), step]);
    }
    const ledgerState = new Map(settled.map((payment) => [payment.requestId, payment.state]));
    for (const request of requests) {
      const final = ledgerState.get(request.requestId);
      expect({ request: request.requestId, states: states.get(request.requestId) }).toEqual({
        request: request.requestId,
        states: final === 'paid' ? ['initiated', 'paid', 'paid+receipt'] : ['initiated', final],
      });
    }
    expect(published).toHaveLength(2 * REQUESTS + paidCount);
  }, 300_000);
});
