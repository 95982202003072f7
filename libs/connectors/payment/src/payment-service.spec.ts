import type { PaymentRequest } from '@lienthong/schemas';
import { GOLDEN_REFERENCE, goldenJson } from './golden-payment.fixture';
import type { PaymentLedger, Settlement } from './ledger/payment-ledger';
import type { PaymentRecord } from './ledger/payment-record';
import type { InitAnswer, QueryAnswer } from './payment-answers';
import { PaymentService } from './payment-service';
import type { PaymentPlatformClient } from './platform/payment-platform-client';

const request = goldenJson<PaymentRequest>('source/payment-request.json');
const at = new Date('2024-08-15T14:30:05+07:00');
const URL_TO_PAY = 'https://pay.example.vn/p/1';

/** The payment of the golden request as the ledger records it. */
const recorded = (extra: Partial<PaymentRecord> = {}): PaymentRecord => ({
  requestId: request.requestId,
  reference: GOLDEN_REFERENCE,
  attempt: 1,
  dossierCode: request.dossierCode,
  amount: 150_000,
  channel: 'national',
  state: 'initiated',
  amountDiffers: false,
  initTime: '20240815143005',
  initiatedAt: at,
  hasReceipt: false,
  updatedAt: at,
  ...extra,
});

/** A ledger in memory that behaves as PaymentLedger does for one request; `existing`: recorded before. */
function ledgerHolding(existing?: PaymentRecord) {
  let payment = existing;
  const ledger = {
    recordInitiation: async () => {
      const created = payment === undefined;
      payment ??= recorded();
      return { payment, created };
    },
    markCreated: async (_requestId: string, paymentUrl: string) => (payment = { ...payment!, paymentUrl }),
    settle: async (_reference: string, decide: (held?: PaymentRecord) => Settlement | undefined) => {
      const before = payment;
      const settlement = decide(before);
      if (settlement?.transition.kind !== 'move') return { before };
      payment = { ...payment!, state: settlement.transition.to, reason: settlement.reason };
      return { before, after: payment };
    },
    held: () => payment,
  };
  return ledger;
}

function platformAnswering(init: InitAnswer, query: QueryAnswer = { kind: 'pending' }) {
  return { init: jest.fn(async () => init), query: jest.fn(async () => query) };
}

function build(ledger: ReturnType<typeof ledgerHolding>, platform: ReturnType<typeof platformAnswering>) {
  return new PaymentService(
    ledger as unknown as PaymentLedger,
    platform as unknown as PaymentPlatformClient,
    () => at,
  );
}

describe(PaymentService.name, () => {
  it('records a new request, sends its INIT and answers initiated with the URL to pay at', async () => {
    const ledger = ledgerHolding();
    const platform = platformAnswering({ kind: 'created', paymentUrl: URL_TO_PAY });

    const event = await build(ledger, platform).initiate(request);

    expect(event).toMatchObject({ state: 'initiated', paymentUrl: URL_TO_PAY, reference: GOLDEN_REFERENCE });
    expect(platform.init).toHaveBeenCalledTimes(1);
  });

  it('answers a request seen again after its INIT worked without a second INIT', async () => {
    const platform = platformAnswering({ kind: 'created', paymentUrl: 'https://other' });

    const event = await build(ledgerHolding(recorded({ paymentUrl: URL_TO_PAY })), platform).initiate(
      request,
    );

    expect(event).toMatchObject({ state: 'initiated', paymentUrl: URL_TO_PAY });
    expect(platform.init).not.toHaveBeenCalled();
  });

  it('answers refused, with the reason, when the first INIT is refused', async () => {
    const ledger = ledgerHolding();
    const platform = platformAnswering({ kind: 'refused', code: '99', description: 'Các lỗi khác' });

    const event = await build(ledger, platform).initiate(request);

    expect(event).toMatchObject({ state: 'refused', reason: '99: Các lỗi khác' });
    expect(ledger.held()?.state).toBe('refused');
  });

  it('QUERYs a repeated INIT that is refused, rather than taking it as a refusal', async () => {
    const ledger = ledgerHolding(recorded());
    const platform = platformAnswering({ kind: 'refused', code: '99', description: 'Trùng mã' });

    const event = await build(ledger, platform).initiate(request);

    expect(platform.query).toHaveBeenCalledTimes(1);
    expect(event).toBeUndefined();
    expect(ledger.held()?.state).toBe('initiated');
  });
});
