import type { Database } from '@lienthong/database';
import type { PaymentEvent } from '@lienthong/schemas';
import { GOLDEN_REFERENCE } from '../golden-payment.fixture';
import type { PaymentRecord } from '../ledger/payment-record';
import type { BillAnswer } from '../payment-answers';
import type { PaymentPlatformClient } from '../platform/payment-platform-client';
import type { PaymentReceiptStore, ReceiptToFetch } from './payment-receipt-store';
import { PaymentReceipts, receiptPath, receiptRetryDelayS, receiptUrlOf } from './payment-receipts';

const at = new Date('2024-08-15T14:31:22+07:00');

const paid: PaymentRecord = {
  requestId: '7d0c7a52-5a5e-4a39-9b7a-3a3f0c3b9b11',
  reference: GOLDEN_REFERENCE,
  attempt: 1,
  dossierCode: '000.00.12.H26-240815-0042',
  amount: 150_000,
  channel: 'national',
  state: 'paid',
  platformTransactionId: 'PP2408151431220001',
  bank: 'VCB',
  amountDiffers: false,
  initTime: '20240815143005',
  initiatedAt: at,
  hasReceipt: false,
  updatedAt: at,
};

/** The fetcher over a store and a platform in memory; the lock is always free. */
function receiptsWith(answer: () => Promise<BillAnswer>, due: ReceiptToFetch[], keptBefore = false) {
  const kept: { contentType: string; body: Buffer; event: PaymentEvent }[] = [];
  const postponed: { reference: string; error: string; nextAt: Date }[] = [];
  const told: PaymentEvent[] = [];
  const store = {
    due: async () => due,
    keep: async (_reference: string, receipt: { contentType: string; body: Buffer }, event: PaymentEvent) => {
      kept.push({ ...receipt, event });
      return !keptBefore;
    },
    postpone: async (reference: string, error: string, nextAt: Date) =>
      void postponed.push({ reference, error, nextAt }),
  } as unknown as PaymentReceiptStore;
  const platform = { bill: answer } as unknown as PaymentPlatformClient;
  const database = {
    locks: () => ({
      tryHold: async (_n: string, _k: string, work: () => Promise<unknown>) => ({
        held: true,
        result: await work(),
      }),
    }),
  } as unknown as Database;
  const sut = new PaymentReceipts(
    store,
    platform,
    database,
    { onChange: async (event) => void told.push(event) },
    {
      receiptUrl: (reference) => receiptUrlOf('https://console.example.vn/', reference),
      everyS: 0,
      retryS: 60,
    },
    () => at,
  );
  return { sut, kept, postponed, told };
}

describe(PaymentReceipts.name, () => {
  it('keeps a PDF and tells its receipt update: paid again, with the link to the receipt', async () => {
    const pdf = Buffer.from('%PDF-1.4 receipt');
    const { sut, kept, told } = receiptsWith(
      async () => ({ kind: 'pdf', pdf }),
      [{ payment: paid, attempts: 0 }],
    );

    expect(await sut.fetchDue()).toEqual({ fetched: 1, failed: 0 });

    expect(kept).toEqual([{ contentType: 'application/pdf', body: pdf, event: told[0] }]);
    expect(told).toEqual([
      {
        requestId: paid.requestId,
        dossierCode: paid.dossierCode,
        reference: GOLDEN_REFERENCE,
        amount: 150_000,
        channel: 'national',
        state: 'paid',
        platformTransactionId: 'PP2408151431220001',
        bank: 'VCB',
        receiptUrl: `https://console.example.vn/api/v1/payments/${GOLDEN_REFERENCE}/receipt`,
        at: '2024-08-15T14:31:22+07:00',
      },
    ]);
  });

  it("keeps the platform's JSON receipt as JSON", async () => {
    const { sut, kept } = receiptsWith(
      async () => ({ kind: 'json', receipt: { MaLoi: '00', SoBienLai: '0000123' } }),
      [{ payment: paid, attempts: 0 }],
    );

    await sut.fetchDue();

    expect(kept[0].contentType).toBe('application/json');
    expect(JSON.parse(kept[0].body.toString())).toEqual({ MaLoi: '00', SoBienLai: '0000123' });
  });

  it('tells nothing when the receipt was kept already (another pass won)', async () => {
    const { sut, told } = receiptsWith(
      async () => ({ kind: 'pdf', pdf: Buffer.from('%PDF-') }),
      [{ payment: paid, attempts: 0 }],
      true,
    );

    await sut.fetchDue();

    expect(told).toEqual([]);
  });

  it.each([
    [
      'the platform has none yet',
      async (): Promise<BillAnswer> => ({
        kind: 'not-available',
        code: '14',
        description: 'Chưa có biên lai',
      }),
      /MaLoi 14: Chưa có biên lai/,
    ],
    [
      'the platform fails',
      async (): Promise<BillAnswer> =>
        Promise.reject(new Error('the payment platform answered HTTP 503 to GET_BILL')),
      /HTTP 503/,
    ],
  ])('tries again later with backoff when %s', async (_, answer, error) => {
    const { sut, kept, postponed, told } = receiptsWith(answer, [{ payment: paid, attempts: 2 }]);

    expect(await sut.fetchDue()).toEqual({ fetched: 0, failed: 1 });

    expect(kept).toEqual([]);
    expect(told).toEqual([]);
    // The third failure: 60 s doubled twice.
    expect(postponed).toEqual([
      {
        reference: GOLDEN_REFERENCE,
        error: expect.stringMatching(error),
        nextAt: new Date(at.getTime() + 240_000),
      },
    ]);
  });
});

describe(receiptRetryDelayS.name, () => {
  it.each([
    [1, 60],
    [2, 120],
    [3, 240],
    [6, 1920],
    [7, 3600],
    [40, 3600],
  ])('after %i failed GET_BILLs waits %i s', (attempts, seconds) => {
    expect(receiptRetryDelayS(attempts, 60)).toBe(seconds);
  });
});

describe(receiptPath.name, () => {
  it("is the console's receipt route of the reference", () => {
    expect(receiptPath('LT240815004201')).toBe('/api/v1/payments/LT240815004201/receipt');
  });
});

describe(receiptUrlOf.name, () => {
  it("is the console's receipt route of the reference, whatever the base's trailing slash", () => {
    expect(receiptUrlOf('http://127.0.0.1:8080', 'LT240815004201')).toBe(
      'http://127.0.0.1:8080/api/v1/payments/LT240815004201/receipt',
    );
    expect(receiptUrlOf('https://console.example.vn/ops/', 'LT 1')).toBe(
      'https://console.example.vn/ops/api/v1/payments/LT%201/receipt',
    );
  });
});
