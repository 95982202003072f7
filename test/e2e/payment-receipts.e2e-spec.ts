import type { PaymentsAnswer, TraceAnswer } from '@lienthong/console';
import { EXIT, runCli, type CliOutput } from '@lienthong/console-cli';
import type { PaymentEvent } from '@lienthong/schemas';
import axios from 'axios';
import { ADMIN_TOKEN } from '../support/console-harness';
import { readTopic } from '../support/kafka-client';
import { PaymentConsoleHarness } from '../support/payment-console-harness';
import { paymentRequestNumber } from '../support/payment-requests';
import { until } from '../support/wait';

jest.setTimeout(120_000);

/**
 * A receipt end to end: the citizen pays, the platform's callback makes the payment paid, the
 * connector fetches the receipt by GET_BILL after answering, keeps it in PostgreSQL and publishes a
 * receipt update on payment.v1 whose receiptUrl the console serves to an operator (each read audited)
 * and refuses to a viewer. Then the payments an operator looks after, and a reconciliation from the
 * console.
 */
describe('payment receipts through the console', () => {
  const sut = new PaymentConsoleHarness();
  const [paid, failed, pending] = [1, 2, 3].map((n) => paymentRequestNumber(7_000 + n));
  let operator: string;
  let viewer: string;

  const paymentEvents = async (count: number) =>
    (await readTopic(sut.topics.payment, count, 60_000)).map(
      (message) => JSON.parse(message.value.toString()) as PaymentEvent,
    );
  const audited = async (action: string) =>
    (await sut.api(ADMIN_TOKEN).get('/audit', { params: { action } })).data.entries as {
      actor: string;
      target: string;
      result: string;
      detail: Record<string, unknown>;
    }[];

  beforeAll(async () => {
    await sut.start();
    operator = await sut.token('operator', 'Trần Thị Bình');
    viewer = await sut.token('viewer', 'Lê Văn Cường');
    await sut.request([paid, failed, pending]);
  });

  afterAll(() => sut.close());

  it('fetches the receipt of a paid payment and publishes its link on payment.v1 after the paid event', async () => {
    await sut.settle(paid.requestId, 'paid');
    await sut.settle(failed.requestId, 'failed');

    // initiated ×3, paid, failed, and the paid one's receipt update.
    const events = await paymentEvents(6);
    const ofPaid = events.filter((event) => event.requestId === paid.requestId);
    expect(ofPaid.map((event) => [event.state, Boolean(event.receiptUrl)])).toEqual([
      ['initiated', false],
      ['paid', false],
      ['paid', true],
    ]);
    const update = ofPaid[2];
    expect(update.platformTransactionId).toBe(ofPaid[1].platformTransactionId);
    expect(update.receiptUrl).toBe(
      `${sut.consoleUrl}/api/v1/payments/${encodeURIComponent(update.reference)}/receipt`,
    );
    expect(events.filter((event) => event.receiptUrl)).toHaveLength(1);
    expect((await sut.ledger.byRequestId(paid.requestId))?.hasReceipt).toBe(true);
    expect((await sut.ledger.byRequestId(failed.requestId))?.hasReceipt).toBe(false);
  });

  it('serves the receipt PDF to an operator, audited, and refuses a viewer, audited too', async () => {
    const { reference, receiptUrl } = (await paymentEvents(6)).find((event) => event.receiptUrl)!;

    const read = await axios.get<Buffer>(receiptUrl!, {
      headers: { authorization: `Bearer ${operator}` },
      responseType: 'arraybuffer',
      validateStatus: () => true,
    });
    expect(read.status).toBe(200);
    expect(read.headers['content-type']).toMatch(/^application\/pdf/);
    expect(Buffer.from(read.data).subarray(0, 5).toString('latin1')).toBe('%PDF-');

    const refused = await axios.get(receiptUrl!, {
      headers: { authorization: `Bearer ${viewer}` },
      validateStatus: () => true,
    });
    expect(refused.status).toBe(403);
    expect((await axios.get(receiptUrl!, { validateStatus: () => true })).status).toBe(401);

    const reads = await audited('payment.receipt.read');
    expect(reads).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          actor: 'Trần Thị Bình',
          target: `payment/${reference}`,
          result: 'granted',
          detail: expect.objectContaining({ contentType: 'application/pdf' }),
        }),
        expect.objectContaining({ actor: 'Lê Văn Cường', target: `payment/${reference}`, result: 'refused' }),
      ]),
    );
    expect(reads).toHaveLength(2);
    // No receipt for a failed payment.
    const none = await sut
      .api(operator)
      .get(`/payments/${(await sut.ledger.byRequestId(failed.requestId))!.reference}/receipt`);
    expect(none.status).toBe(404);
  });

  it('lists pending and failed payments and a forged callback, and shows a dossier its payment', async () => {
    const forged = (await sut.ledger.byRequestId(pending.requestId))!;
    const answer = await axios.post(`${sut.connectorUrl}/payment/callback`, {
      LoaiBanTin: 'CONFIRM',
      MaLoi: '00',
      MaDoiTac: 'LIENTHONG',
      MaThamChieu: forged.reference,
      SoTien: forged.amount,
      MaTienTe: 'VND',
      MaGiaoDich: 'PP-FORGED',
      MaNganHang: 'VCB',
      ThoiGianGD: '20260101120000',
      ThongTinGiaoDich: 'HoTenNguoiNop Nguyễn Văn An 001092008262',
      MaXacThuc: 'f'.repeat(64),
    });
    expect(answer.data.MaLoi).toBe('99');

    const { data, status } = await sut.api(viewer).get<PaymentsAnswer>('/payments');
    expect(status).toBe(200);
    expect(data.pending.map((payment) => payment.reference)).toEqual([forged.reference]);
    expect(data.failed.map((payment) => payment.dossierCode)).toEqual([failed.dossierCode]);
    expect(data.refusedCallbacks[0]).toMatchObject({
      reference: forged.reference,
      reason: expect.stringMatching(/^forged/),
    });
    // Kept as received (without its MaXacThuc), personal data masked: the platform's fields stay.
    const kept = JSON.stringify(data.refusedCallbacks[0].body);
    expect(kept).toContain('PP-FORGED');
    expect(kept).not.toContain('001092008262');
    expect(kept).not.toContain('ffffffff');
    expect(data.reconcile).toBe(true);

    const trace = (await sut.api(viewer).get<TraceAnswer>(`/dossiers/${paid.dossierCode}/trace`)).data;
    expect(trace.payments).toEqual([
      expect.objectContaining({
        dossierCode: paid.dossierCode,
        state: 'paid',
        amount: paid.fees[0].amount,
        paymentUrl: expect.stringMatching(/^http/),
        receipt: expect.stringMatching(/\/api\/v1\/payments\/.+\/receipt$/),
      }),
    ]);
  });

  it('reconciles from the console for an operator, audited, and refuses a viewer', async () => {
    expect((await sut.api(viewer).post('/payments/reconcile', {})).status).toBe(403);

    const { data, status } = await sut
      .api(operator)
      .post('/payments/reconcile', { reason: 'lost callbacks' });

    expect(status).toBe(200);
    // The one payment still initiated is not old enough for the configured window (PAYMENT_RECONCILE_AFTER_S).
    expect(data).toMatchObject({ queried: 0, errors: 0 });
    const runs = await audited('payment.reconcile');
    expect(runs.map((entry) => entry.result).sort()).toEqual(['ok', 'pending']);
    expect(runs.find((entry) => entry.result === 'ok')?.detail).toMatchObject({ queried: 0 });
    await until('the refused attempt to be audited', async () => {
      const refusals = (await sut.api(ADMIN_TOKEN).get('/audit', { params: { actor: 'Lê Văn Cường' } })).data
        .entries as {
        result: string;
      }[];
      return refusals.some((entry) => entry.result === 'refused') ? true : undefined;
    });
  });

  it('reconciles on the host with `lienthong payments reconcile`, its progress told', async () => {
    const progress: number[][] = [];
    const out: string[] = [];
    const io: CliOutput = {
      out: (text) => out.push(text),
      error: (text) => out.push(`error: ${text}`),
      table: () => undefined,
      progress: (total) => {
        progress.push([0, total]);
        return { update: (done) => void progress.push([done, total]), stop: () => undefined };
      },
    };

    const exitCode = await runCli(['payments', 'reconcile', '--after-s', '0'], io, sut.connectorEnv);

    // The one payment still initiated is QUERY'd: the platform still has it pending ("3").
    expect(out).toEqual([
      'queried 1 payments: 0 paid, 0 failed, 1 still pending; 0 receipts fetched, 0 errors',
    ]);
    expect(exitCode).toBe(EXIT.ok);
    expect(progress).toEqual([
      [0, 1],
      [1, 1],
    ]);
  });
});
