import type { Connector, Delivered, Intake } from '@lienthong/connector-runtime';
import type { PaymentRequest } from '@lienthong/schemas';
import type { PaymentChanges } from './callback/payment-changes';
import { PAYMENT_REQUEST_SEQUENCE, paymentRequests } from './intake/payment-requests';
import type { PaymentService } from './payment-service';

/**
 * The national payment platform, as the connector runtime sees it: a payment request becomes its
 * payment (recorded once by requestId, then INIT; a retry repeats the same MaThamChieu). The runtime
 * owns consuming, retries, retry topics, dead letters and the delivery ledger; PaymentService throws
 * the platform's failures classified (RetriableError, TargetAccessError, PermanentError).
 */
export class PaymentConnector implements Connector<PaymentRequest> {
  static readonly connectorName = 'payment';
  readonly name = PaymentConnector.connectorName;
  readonly intake: Intake<PaymentRequest>;

  constructor(
    private readonly service: PaymentService,
    systems: string[],
    private readonly changes: PaymentChanges,
  ) {
    this.intake = paymentRequests(systems);
  }

  async deliver(request: PaymentRequest): Promise<Delivered> {
    const change = await this.service.initiate(request);
    // The change is in the outbox already (the ledger's own transaction): published now, not at the relay's next turn.
    if (change) await this.changes.onChange(change);
    return {
      state: {
        lastSequence: PAYMENT_REQUEST_SEQUENCE,
        status: null,
        // A provincial payment waits for its gateway: nothing of it is at the national platform.
        created: request.channel === 'national',
        record: { reference: change?.reference ?? null },
      },
      // The payment.v1 event of the change it made; null when there was none (seen before, or provincial).
      answer: change ?? null,
    };
  }
}
