import { createHash } from 'node:crypto';
import type { RunningApp } from '@lienthong/bootstrap';
import { Database } from '@lienthong/database';
import { PaymentLedger, PaymentReconciler, type PaymentRecord } from '@lienthong/payment';
import type { HeldTransaction } from '@lienthong/sandboxes';
import type { MotcuaEvent, PaymentRequest, PortalDossier } from '@lienthong/schemas';
import { motcuaLifecycle, paymentRequestOf, seededRandom } from '@lienthong/simulator';
import axios from 'axios';
import {
  LOSSY_CALLBACKS,
  platformFaults,
  platformSettings,
  startPaymentConnector,
  startPaymentSandbox,
} from '../support/payment-platform';
import { publish } from '../support/kafka-client';
import { LienthongHarness } from '../support/lienthong-harness';
import { signedResultOf } from '../support/payment-requests';
import { freePort, until } from '../support/wait';

const REQUESTS = 1_000;
const SENT_TWICE = 20;
const SECRET = 'e2e-payment-thousand-secret';
const CALLBACK_PATH = '/payment/callback';

/** One-stop dossiers whose citizens pay online: their events up to the payment, and the request. */
function payingDossiers(count: number): { events: MotcuaEvent[]; request: PaymentRequest }[] {
  const random = seededRandom(1_000);
  const dossiers: { events: MotcuaEvent[]; request: PaymentRequest }[] = [];
  for (let serial = 1; dossiers.length < count; serial++) {
    const events = motcuaLifecycle(serial, Date.now() - 3 * 86_400_000, random);
    const planned = paymentRequestOf(events, random);
    if (!planned) continue;
    dossiers.push({
      events: events.filter((event) => event.version <= planned.afterVersion),
      request: planned.request,
    });
  }
  return dossiers;
}

/** Published a few hundred at a time: the broker takes a request of at most 1 MB. */
async function publishInChunks(topic: string, messages: { key: string; value: string }[]): Promise<void> {
  for (let start = 0; start < messages.length; start += 200) {
    await publish(topic, messages.slice(start, start + 200));
  }
}

/**
 * A thousand one-stop dossiers paid online, end to end on the real broker and PostgreSQL: their events
 * through the hub and the portal connector to the portal sandbox, their payment requests through the
 * payment connector to the platform sandox, which fails 30% of calls and loses 20% of its callbacks.
 * Every payment must end as the platform holds it, and the portal must say "paid at the national
 * platform" (DuocThanhToanTrucTuyen 1) for exactly the payments the platform confirmed.
 */
describe('a thousand payments under platform faults and lost callbacks, to the portal', () => {
  const harness = new LienthongHarness();
  const dossiers = payingDossiers(REQUESTS);
  const requests = dossiers.map(({ request }) => request);
  let sandbox: RunningApp;
  let connector: RunningApp;
  let ledger: PaymentLedger;

  const held = async (): Promise<HeldTransaction[]> =>
    (await axios.get<HeldTransaction[]>(`${sandbox.url}/_sandbox/transactions`)).data;
  const payments = async () => {
    const all = await Promise.all(requests.map((request) => ledger.byRequestId(request.requestId)));
    return all.filter((payment): payment is PaymentRecord => payment !== undefined);
  };
  const outboxSize = async () =>
    (await connector.app.get(Database).query<{ n: string }>('SELECT count(*) AS n FROM payment_events'))[0].n;
  const atPortal = async (): Promise<Map<string, PortalDossier>> => {
    const records = new Map<string, PortalDossier>();
    for (let offset = 0; ; offset += 1000) {
      const { data } = await axios.get<{ total: number; dossiers: { record: PortalDossier }[] }>(
        `${harness.portal.baseUrl}/_sandbox/dossiers?offset=${offset}&limit=1000`,
      );
      for (const { record } of data.dossiers) records.set(record.MaHoSo, record);
      if (offset + 1000 >= data.total) return records;
    }
  };

  beforeAll(async () => {
    await harness.start();
    const connectorPort = await freePort();
    sandbox = await startPaymentSandbox(SECRET, `http://127.0.0.1:${connectorPort}${CALLBACK_PATH}`, {
      ...LOSSY_CALLBACKS,
      // Faults that answer at once: a timeout's wait would only lengthen the run, and a call applied
      // whose answer never comes is the lost-answer fault already.
      ...platformFaults(0.3),
    });
    const env = harness.env({
      ...platformSettings(sandbox, SECRET, CALLBACK_PATH),
      // Generous: on a busy machine the sandbox, in this process with the hub and three apps, answers late.
      PAYMENT_TIMEOUT_MS: '10000',
      // Reconciliation is run by the test, with the window's lower bound at 0 s.
      PAYMENT_RECONCILE_EVERY_S: '0',
    });
    connector = await startPaymentConnector(env, connectorPort);
    ledger = connector.app.get(PaymentLedger);
  }, 120_000);

  afterAll(async () => {
    await connector?.app.close();
    await sandbox?.app.close();
    await harness.close();
  });

  it('initiates every request once at the platform, through its faults and repeated requests', async () => {
    await publishInChunks(
      harness.topics.source('motcua'),
      dossiers.flatMap(({ events }) =>
        events.map((event) => ({ key: event.hoSo.maHoSo, value: JSON.stringify(event) })),
      ),
    );
    await publishInChunks(
      harness.topics.paymentRequests('motcua'),
      [...requests, ...requests.slice(0, SENT_TWICE)].map((request) => ({
        key: request.dossierCode,
        value: JSON.stringify(request),
      })),
    );

    const recorded = await until(
      'every request initiated at the platform',
      async () => {
        const all = await payments();
        return all.length === REQUESTS && all.every((one) => one.paymentUrl || one.state !== 'initiated')
          ? all
          : undefined;
      },
      600_000,
    );

    const transactions = await held();
    expect(transactions).toHaveLength(REQUESTS);
    expect(new Set(transactions.map(({ reference }) => reference))).toEqual(
      new Set(recorded.map(({ reference }) => reference)),
    );
    const stats = (await axios.get(`${sandbox.url}/_sandbox/stats`)).data;
    expect(stats).toMatchObject({ transactions: REQUESTS, inits: REQUESTS, duplicatesRefused: 0 });
  }, 700_000);

  it('ends every request paid or failed exactly as the platform holds it, none paid left initiated', async () => {
    await until(
      'the platform to settle every payment and finish its callbacks',
      async () => {
        const all = await held();
        const busy = all.some(
          ({ state, callback: { fate } }) => state === 'pending' || fate === 'sending' || fate === 'not-yet',
        );
        return busy ? undefined : all;
      },
      180_000,
    );
    expect((await payments()).filter((payment) => payment.state === 'initiated').length).toBeGreaterThan(0);

    const reconciler = connector.app.get(PaymentReconciler);
    await until(
      'reconciliation to leave no payment initiated',
      async () => {
        const report = await reconciler.run({ afterS: 0 });
        return report.queried === 0 && report.errors === 0 ? report : undefined;
      },
      240_000,
    );

    const platform = new Map((await held()).map((transaction) => [transaction.reference, transaction]));
    const settled = await payments();
    expect(settled).toHaveLength(REQUESTS);
    for (const payment of settled) {
      const transaction = platform.get(payment.reference);
      expect({ reference: payment.reference, state: payment.state }).toEqual({
        reference: payment.reference,
        state: transaction?.state,
      });
      expect(payment.platformTransactionId).toBe(transaction?.transactionId);
    }
    const paid = settled.filter((payment) => payment.state === 'paid').length;
    expect(paid).toBeGreaterThan(0);
    expect(settled.filter((payment) => payment.state === 'failed').length).toBe(REQUESTS - paid);
  }, 600_000);

  it('changes nothing for a forged callback, whether it claims a payment or a failure', async () => {
    await axios.put(`${sandbox.url}/_sandbox/faults`, { rate: 0 });
    const settled = await payments();
    const failed = settled.find((payment) => payment.state === 'failed')!;
    const paid = settled.find((payment) => payment.state === 'paid')!;
    const outboxBefore = await outboxSize();
    // Signed by someone who does not hold the secret: a failed payment claimed paid, a paid one failed.
    const guessed = createHash('sha256').update('a guessed secret').digest('hex');
    const forgeries = [
      { ...(await signedResultOf(sandbox.url!, failed, SECRET)), MaLoi: '00', MaXacThuc: guessed },
      { ...(await signedResultOf(sandbox.url!, paid, SECRET)), MaLoi: '99', MaXacThuc: guessed },
    ];

    for (const forged of forgeries) {
      const { data } = await axios.post<{ MaLoi: string }>(`${connector.url}${CALLBACK_PATH}`, forged);
      expect(data.MaLoi).not.toBe('00');
    }

    expect(await ledger.byReference(failed.reference)).toEqual(failed);
    expect(await ledger.byReference(paid.reference)).toEqual(paid);
    expect(await outboxSize()).toBe(outboxBefore);
    const kept = await ledger.refusedCallbacks(2);
    expect(kept.map(({ reason }) => reason)).toEqual([
      expect.stringMatching(/^forged/),
      expect.stringMatching(/^forged/),
    ]);
  });

  it('tells the portal "paid at the national platform" for exactly the confirmed payments', async () => {
    const paid = new Set(
      (await payments()).filter((payment) => payment.state === 'paid').map((payment) => payment.dossierCode),
    );

    await until(
      'every dossier at the portal',
      async () => {
        const all = await atPortal();
        return requests.every(({ dossierCode }) => all.has(dossierCode)) ? all : undefined;
      },
      240_000,
    );
    const records = await until(
      'each confirmed payment at the portal',
      async () => {
        const all = await atPortal();
        return [...paid].every((code) => all.get(code)?.DuocThanhToanTrucTuyen === '1') ? all : undefined;
      },
      120_000,
    );

    const wrong = requests
      .map(({ dossierCode }) => ({
        dossierCode,
        paid: paid.has(dossierCode),
        atPortal: records.get(dossierCode)?.DuocThanhToanTrucTuyen,
      }))
      .filter((dossier) => (dossier.atPortal === '1') !== dossier.paid);
    expect(wrong).toEqual([]);
  }, 300_000);
});
