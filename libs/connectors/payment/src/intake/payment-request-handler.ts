import { PermanentError } from '@lienthong/connector-runtime';
import { isRetriable } from '@lienthong/errors';
import { deadLetter, type IncomingRecord, type OutgoingRecord } from '@lienthong/kafka';
import { createLogger } from '@lienthong/observability';
import { ExponentialBackoff, handleWhen, retry, type IBackoffFactory, type IRetryContext } from 'cockatiel';
import type { PaymentService } from '../payment-service';
import { readPaymentRequest } from '../payment-request';

/** The stage name on payment dead letters (topic dlq.payment.v1). */
export const PAYMENT_STAGE = 'payment';

export interface PaymentRequestHandlerOptions {
  service: Pick<PaymentService, 'initiate'>;
  deadLetterTopic: string;
  /** Back-off between attempts of a request that failed retriably (tests shorten it). */
  backoff?: IBackoffFactory<IRetryContext>;
  /** Aborted at shutdown: a request being retried is given up, its offset not committed. */
  signal: AbortSignal;
}

/** The request's bytes as JSON; bytes that are not JSON can never be taken. */
function parsed(record: IncomingRecord): unknown {
  try {
    return JSON.parse(record.value?.toString('utf8') ?? '');
  } catch (error) {
    throw new PermanentError('PAYMENT_REQUEST_NOT_JSON', `the payment request is not JSON: ${String(error)}`);
  }
}

/**
 * One payment request: read, then its payment started. Answers the dead letter of a request that can
 * never be taken (not JSON, refused by readPaymentRequest, a PermanentError of INIT), or nothing once
 * it is initiated. Any other failure (the platform or the database unavailable, our access refused) is
 * tried again in place with back-off until it goes through: the offset waits, the request is never lost.
 */
export class PaymentRequestHandler {
  private readonly logger = createLogger('payment-intake');
  private readonly policy;

  constructor(private readonly options: PaymentRequestHandlerOptions) {
    this.policy = retry(handleWhen(isRetriable), {
      maxAttempts: Number.MAX_SAFE_INTEGER,
      backoff: options.backoff ?? new ExponentialBackoff({ initialDelay: 200, maxDelay: 30_000 }),
    });
  }

  async handle(record: IncomingRecord, heartbeat: () => Promise<void>): Promise<OutgoingRecord | undefined> {
    const where = { topic: record.topic, partition: record.partition, offset: record.offset };
    let request;
    try {
      request = readPaymentRequest(parsed(record));
    } catch (error) {
      return this.deadLetter(record, error);
    }
    const { dossierCode } = request;
    try {
      await this.policy.execute(async ({ attempt }) => {
        if (attempt > 0) {
          this.logger.warn({ ...where, dossierCode, attempt }, 'payment request tried again');
          await heartbeat();
        }
        return this.options.service.initiate(request);
      }, this.options.signal);
      return undefined;
    } catch (error) {
      return this.deadLetter(record, error);
    }
  }

  private deadLetter(record: IncomingRecord, error: unknown): OutgoingRecord {
    // Only a request that can never be taken is dead-lettered.
    if (!(error instanceof PermanentError)) throw error;
    const reason = error.code;
    this.logger.warn(
      { topic: record.topic, partition: record.partition, offset: record.offset, reason },
      'payment request dead-lettered',
    );
    return deadLetter(this.options.deadLetterTopic, PAYMENT_STAGE, record, {
      reason,
      message: error.message,
    });
  }
}
