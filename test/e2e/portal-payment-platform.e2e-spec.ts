import { randomUUID } from 'node:crypto';
import type { RunningApp } from '@lienthong/bootstrap';
import { PaymentReconciler } from '@lienthong/payment';
import type { HeldTransaction } from '@lienthong/sandboxes';
import {
  LOSSY_CALLBACKS,
  platformSettings,
  startPaymentConnector,
  startPaymentSandbox,
} from '../support/payment-platform';
import axios from 'axios';
import { consumedUpTo, publish } from '../support/kafka-client';
import { LienthongHarness } from '../support/lienthong-harness';
import { paymentRequestTemplate } from '../support/payment-requests';
import { freshSampleDossier, loadFixtureDossiers } from '../support/source-fixtures';
import { freePort, until } from '../support/wait';

jest.setTimeout(240_000);

const DOSSIERS = 30;
const SECRET = 'e2e-portal-payment-secret';
const CALLBACK_PATH = '/payment/callback';
/** motcua's sample dossier 9002, its first two events: received, its fee not paid (DuocThanhToanTrucTuyen 0). */
const sample = loadFixtureDossiers('motcua').find(({ dossierCode }) => dossierCode.endsWith('-9002'))!;

/**
 * From a citizen's payment to the portal record, every part real: dossiers at the portal, their payment
 * requests through the payment connector to the platform sandbox (which pays about half, fails the rest,
 * and loses some callbacks), reconciliation, payment.v1, and the portal connector following it. The
 * portal holds DuocThanhToanTrucTuyen 1 exactly for the payments the platform holds as paid.
 */
describe('the portal receiving the payments the national platform confirmed', () => {
  let sut: LienthongHarness;
  let paymentSandbox: RunningApp;
  let paymentConnector: RunningApp;
  const dossiers = Array.from({ length: DOSSIERS }, (_, index) => freshSampleDossier(sample, 66001 + index));

  beforeAll(async () => {
    sut = await new LienthongHarness().start({ CONNECTOR_BACKOFF_INITIAL_MS: '50' });
    const connectorPort = await freePort();
    paymentSandbox = await startPaymentSandbox(SECRET, `http://127.0.0.1:${connectorPort}${CALLBACK_PATH}`, {
      ...LOSSY_CALLBACKS,
      PAYMENT_SANDBOX_PAID_SHARE: '0.5',
    });
    const env = sut.env({
      ...platformSettings(paymentSandbox, SECRET, CALLBACK_PATH),
      PAYMENT_TIMEOUT_MS: '3000',
      PAYMENT_RECONCILE_EVERY_S: '0',
    });
    paymentConnector = await startPaymentConnector(env, connectorPort);
  });

  afterAll(async () => {
    await paymentConnector?.app.close();
    await paymentSandbox?.app.close();
    await sut?.close();
  });

  it('sends DuocThanhToanTrucTuyen 1 for every payment the platform holds as paid, and for no other', async () => {
    await publish(
      sut.topics.source('motcua'),
      dossiers.flatMap((dossier) => dossier.records([0, 1])),
    );
    for (const { code } of dossiers) {
      await until(`${code} at the portal`, async () => {
        const held = await sut.portal.lookup(code);
        return held?.TrangThaiHoSo === '2' ? held : undefined;
      });
    }

    await publish(
      sut.topics.paymentRequests('motcua'),
      dossiers.map(({ code }) => ({
        key: code,
        value: JSON.stringify({
          ...paymentRequestTemplate,
          requestId: randomUUID(),
          dossierCode: code,
        }),
      })),
    );
    const platform = await until(
      'the platform to settle every payment and finish its callbacks',
      async () => {
        const held = (await axios.get<HeldTransaction[]>(`${paymentSandbox.url}/_sandbox/transactions`)).data;
        const busy =
          held.length < DOSSIERS ||
          held.some(
            ({ state, callback: { fate } }) =>
              state === 'pending' || fate === 'sending' || fate === 'not-yet',
          );
        return busy ? undefined : held;
      },
    );
    // Lost callbacks are found by reconciliation, which publishes what it settles like a callback.
    const reconciler = paymentConnector.app.get(PaymentReconciler);
    await until('reconciliation to leave no payment initiated', async () => {
      const report = await reconciler.run({ afterS: 0 });
      return report.queried === 0 && report.errors === 0 ? report : undefined;
    });

    const paidCodes = new Set(
      platform.filter(({ state }) => state === 'paid').map(({ reference }) => reference),
    );
    const references = await sut.withDatabase(
      async (client) =>
        (
          await client.query<{ reference: string; dossier_code: string }>(
            `SELECT reference, dossier_code FROM ${sut.schema}.payments`,
          )
        ).rows,
    );
    const paidDossiers = new Set(
      references.filter(({ reference }) => paidCodes.has(reference)).map((row) => row.dossier_code),
    );
    expect(paidDossiers.size).toBeGreaterThan(0);
    expect(paidDossiers.size).toBeLessThan(DOSSIERS);

    await until('every paid dossier amended at the portal', async () => {
      const codes = await Promise.all(
        [...paidDossiers].map(async (code) => (await sut.portal.lookup(code))?.DuocThanhToanTrucTuyen),
      );
      return codes.every((code) => code === '1') ? true : undefined;
    });
    await until('every payment.v1 event followed', async () =>
      (await consumedUpTo(`${sut.topics.connectorGroup('national-portal')}.follow`, sut.topics.payment))
        ? true
        : undefined,
    );
    for (const { code } of dossiers) {
      const held = await sut.portal.lookup(code);
      expect({ code, paid: held?.DuocThanhToanTrucTuyen }).toEqual({
        code,
        paid: paidDossiers.has(code) ? '1' : '0',
      });
      expect((await sut.portal.held(code)).creates).toBe(1);
    }
  });
});
