import { PermanentError, type Intake } from '@lienthong/connector-runtime';
import type { IncomingRecord } from '@lienthong/kafka';
import type { PaymentRequest } from '@lienthong/schemas';
import { readPaymentRequest } from '../payment-request';

/**
 * The ledger's source system of every payment request: its requestId is unique across the systems (a
 * UUID, and the payment ledger's own key), so the system that sent it adds nothing to its identity.
 */
export const PAYMENT_REQUEST_SOURCE = 'payment-request';

/** A payment request is its own subject at the platform (one transaction), and its only item. */
export const PAYMENT_REQUEST_SEQUENCE = 1;

/** The request's bytes as JSON; bytes that are not JSON can never be taken. */
function parsed(record: IncomingRecord): unknown {
  try {
    return JSON.parse(record.value?.toString('utf8') ?? '');
  } catch (error) {
    throw new PermanentError('PAYMENT_REQUEST_NOT_JSON', `the payment request is not JSON: ${String(error)}`);
  }
}

/**
 * What the payment connector consumes: the sector systems' `src.<system>.payment-requests`, each
 * record read and checked by readPaymentRequest (a refusal is the dead letter's reason). Each request
 * is its own subject, so the runtime runs requests side by side and one request's attempts one at a
 * time; its requestId is the idempotency key of the delivery ledger, as it is of the payment ledger.
 */
export function paymentRequests(systems: string[]): Intake<PaymentRequest> {
  return {
    inputs: (topics) => topics.paymentRequestTopics(systems),
    read: (record) => readPaymentRequest(parsed(record)),
    keyOf: (request) => ({
      subject: request.requestId,
      dossierCode: request.dossierCode,
      sourceSystem: PAYMENT_REQUEST_SOURCE,
      sourceEventId: request.requestId,
      sequence: PAYMENT_REQUEST_SEQUENCE,
      status: null,
    }),
  };
}
