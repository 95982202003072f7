import type { DossierEvent } from '@lienthong/schemas';
import { applyEvent, withNationalPayment } from './dossier-facts';
import { dossierEvent } from './dossier-event.fixture';

describe('paid online (DuocThanhToanTrucTuyen 1 or 2)', () => {
  const fee = { code: 'LP01', name: 'Lệ phí', amount: 50_000, paid: false, paidOnline: false };
  const received = (fees: DossierEvent['fees']) => applyEvent(undefined, dossierEvent({ fees }));

  it.each([
    { case: 'not paid', fees: [fee], confirmed: false, paidOnline: false },
    { case: 'paid at the counter', fees: [{ ...fee, paid: true }], confirmed: false, paidOnline: false },
    {
      case: 'the source reports its own gateway (2)',
      fees: [{ ...fee, paid: true, paidOnline: true }],
      confirmed: false,
      paidOnline: true,
    },
    {
      case: 'the source claims the national platform, unconfirmed',
      fees: [{ ...fee, paid: true, paidOnline: true, paymentPlatform: 'national' as const }],
      confirmed: false,
      paidOnline: false,
    },
    { case: 'the national platform confirmed it (1)', fees: [fee], confirmed: true, paidOnline: true },
  ])('$case: $paidOnline', ({ fees, confirmed, paidOnline }) => {
    const facts = received(fees);
    const sut = confirmed ? withNationalPayment(facts) : facts;
    expect(sut.paidOnline).toBe(paidOnline);
    expect(sut.hasFees).toBe(true);
  });

  it('keeps a confirmed payment through the newer events, and is the same object once confirmed', () => {
    const sut = withNationalPayment(received([fee]));
    const next = applyEvent(
      sut,
      dossierEvent({ status: 4, sequence: 2, at: '2026-01-06T08:00:00+07:00', fees: [fee] }),
    );

    expect(next).toMatchObject({ paidNationalPlatform: true, paidOwnGateway: false, paidOnline: true });
    expect(withNationalPayment(next)).toBe(next);
  });
});
