import { SchemaValidator, type PaymentRequest } from '@lienthong/schemas';
import { seededRandom } from './citizen-registry';
import { motcuaLifecycle } from './motcua-lifecycle';
import { paymentRequestOf } from './payment-requests';

describe(paymentRequestOf.name, () => {
  const schema = new SchemaValidator<PaymentRequest>('sources/payment-request.v1.json');
  const random = seededRandom(18);
  const dossiers = Array.from({ length: 500 }, (_, index) =>
    motcuaLifecycle(index + 1, Date.parse('2026-11-02T08:00:00+07:00'), random),
  );
  const planned = dossiers.map((events) => ({ events, payment: paymentRequestOf(events, random) }));

  it('asks for the payment of most dossiers with fees, in the source format, after the event it follows', () => {
    const withFees = planned.filter(({ events }) => (events[0].hoSo.lePhi ?? []).length > 0);
    const asked = planned.filter(({ payment }) => payment !== undefined);
    expect(asked.length).toBeGreaterThan(0.8 * withFees.length);
    for (const { events, payment } of asked) {
      expect(schema.violation(payment!.request)).toBeUndefined();
      const after = events.find((event) => event.version === payment!.afterVersion)!;
      expect(['CHO_THANH_TOAN', 'DA_TIEP_NHAN']).toContain(after.hoSo.trangThai);
      expect(payment!.request).toMatchObject({
        dossierCode: after.hoSo.maHoSo,
        agency: { code: after.hoSo.donViXuLy.maDinhDanh },
        payer: { name: after.hoSo.chuHoSo.hoTen },
        channel: 'national',
      });
      const total = payment!.request.fees.reduce((sum, fee) => sum + fee.amount, 0);
      expect(total).toBe((after.hoSo.lePhi ?? []).reduce((sum, fee) => sum + fee.soTien, 0));
    }
  });

  it('asks nothing for a dossier without fees or refused at the desk', () => {
    for (const { events, payment } of planned) {
      const refused = events.every(
        (event) => !['CHO_THANH_TOAN', 'DA_TIEP_NHAN'].includes(event.hoSo.trangThai),
      );
      if ((events[0].hoSo.lePhi ?? []).length === 0 || refused) expect(payment).toBeUndefined();
    }
    expect(new Set(planned.map(({ payment }) => payment?.request.requestId)).size).toBeGreaterThan(300);
  });
});
