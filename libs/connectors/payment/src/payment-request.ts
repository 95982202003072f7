import { PermanentError } from '@lienthong/connector-runtime';
import { SchemaValidator, type PaymentRequest } from '@lienthong/schemas';
import { isCalendarDate } from '@lienthong/sources';
import { totalOf } from './payment-messages';

/** The most one payment request may ask (SOURCES.md). */
export const MAX_TOTAL_VND = 1_000_000_000;

let validator: SchemaValidator<PaymentRequest> | undefined;
const schema = () => (validator ??= new SchemaValidator<PaymentRequest>('sources/payment-request.v1.json'));

/**
 * A payment request as a sector system published it (parsed JSON), checked before anything reaches the
 * platform: its schema, then what a schema cannot say. Each refusal is a PermanentError whose code is the
 * dead letter's reason (docs/dead-letter-reasons.md).
 */
export function readPaymentRequest(value: unknown): PaymentRequest {
  const violation = schema().violation(value);
  if (violation) {
    const where = violation.path || '(root)';
    if (violation.path === '/dossierCode') {
      throw new PermanentError('PAYMENT_INVALID_DOSSIER_CODE', `dossierCode ${violation.message}`);
    }
    throw new PermanentError('PAYMENT_REQUEST_INVALID', `${where} ${violation.message}`);
  }
  const request = value as PaymentRequest;
  const [, yy, mm, dd] = /-(\d{2})(\d{2})(\d{2})-\d+$/.exec(request.dossierCode) ?? [];
  if (!isCalendarDate(2000 + Number(yy), Number(mm), Number(dd))) {
    throw new PermanentError(
      'PAYMENT_INVALID_DOSSIER_CODE',
      `dossier code "${request.dossierCode}" has no valid yyMMdd date`,
    );
  }
  const total = totalOf(request);
  if (total > MAX_TOTAL_VND) {
    throw new PermanentError(
      'PAYMENT_TOTAL_TOO_LARGE',
      `the fees of ${request.dossierCode} total ${total} VND, over the ${MAX_TOTAL_VND} VND a payment may ask`,
    );
  }
  return request;
}
