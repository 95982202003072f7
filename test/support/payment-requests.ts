import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { projectPath } from '@lienthong/config';
import type { PaymentRequest } from '@lienthong/schemas';

/** The payment request behind DOMAIN.md's worked example (test/fixtures/contracts/payment/source). */
export const paymentRequestTemplate = JSON.parse(
  readFileSync(
    projectPath('test', 'fixtures', 'contracts', 'payment', 'source', 'payment-request.json'),
    'utf8',
  ),
) as PaymentRequest;

/** A request of its own: a fresh requestId, and a dossier code and amount that tell it apart. */
export const paymentRequestNumber = (n: number): PaymentRequest => ({
  ...paymentRequestTemplate,
  requestId: randomUUID(),
  dossierCode: `000.00.12.H26-240815-${String(n).padStart(4, '0')}`,
  fees: [{ ...paymentRequestTemplate.fees[0], amount: 10_000 + n * 1_000 }],
});
