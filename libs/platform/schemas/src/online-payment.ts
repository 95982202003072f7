import type { DossierEvent } from './generated/dossier.v1';
import type { PaymentEvent } from './generated/payment.v1';

/**
 * Who confirmed a dossier's online payment, as the national scoring reads it (DuocThanhToanTrucTuyen):
 * the portal record and the KPI read model both decide by these two, so they never disagree.
 */

/**
 * The national payment platform confirmed the payment through Lienthong (DuocThanhToanTrucTuyen 1): a
 * payment.v1 event paid on the national channel. Nothing a source says makes a 1.
 */
export function confirmsNationalPayment(event: Pick<PaymentEvent, 'state' | 'channel'>): boolean {
  return event.state === 'paid' && event.channel === 'national';
}

/**
 * The source reports this fee paid online through the province's (or a ministry's) own gateway
 * (DuocThanhToanTrucTuyen 2): its paid-online flag (motcua `daThanhToan` with `TRUC_TUYEN`, gtvt
 * `paidOnline`), unless it names the national platform, which only the platform's own confirmation
 * through Lienthong may claim.
 */
export function paidThroughOwnGateway(fee: DossierEvent['fees'][number]): boolean {
  return fee.paidOnline && fee.paymentPlatform !== 'national';
}
