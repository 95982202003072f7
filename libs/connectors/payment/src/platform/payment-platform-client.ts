import { gatewayOf, reach, targetHttp } from '@lienthong/connector-runtime';
import type { PaymentRequest } from '@lienthong/schemas';
import type { AxiosInstance } from 'axios';
import type { PaymentRecord } from '../ledger/payment-record';
import {
  readBillAnswer,
  readInitAnswer,
  readQueryAnswer,
  type BillAnswer,
  type InitAnswer,
  type QueryAnswer,
} from '../payment-answers';
import type { PaymentConfig } from '../payment.config';
import { billMessage, initMessage, queryMessage, type PaymentPartner } from '../payment-messages';
import { statusError } from './payment-failures';

const PLATFORM = 'payment platform';

/**
 * INIT, QUERY and GET_BILL over HTTP, through the gateway when one is configured, each answer read by
 * the answer readers and each failure classified (payment-failures.ts). A payment is always sent with
 * the reference and INIT time the ledger holds, so a retried INIT is the same INIT.
 */
export class PaymentPlatformClient {
  private readonly http: AxiosInstance;
  private readonly partner: PaymentPartner;

  constructor(private readonly config: PaymentConfig) {
    this.partner = { partnerCode: config.PAYMENT_PARTNER_CODE, secret: config.PAYMENT_SECRET };
    this.http = targetHttp(
      config,
      {
        timeout: config.PAYMENT_TIMEOUT_MS,
        // GET_BILL may answer a PDF: every answer is read as bytes, then by its reader.
        responseType: 'arraybuffer',
        transformResponse: (data: unknown) => data,
        validateStatus: () => true,
        headers: { 'content-type': 'application/json' },
      },
      gatewayOf('PAYMENT', config),
    );
  }

  /** INIT: the platform creates the transaction (the citizen pays at its URL) or refuses it. */
  async init(request: PaymentRequest, payment: PaymentRecord): Promise<InitAnswer> {
    const message = initMessage(
      request,
      { reference: payment.reference, initiatedAt: payment.initiatedAt, ip: this.config.PAYMENT_CALLER_IP },
      this.partner,
    );
    const { body } = await this.post('INIT', this.config.PAYMENT_INIT_URL, message);
    return readInitAnswer(body);
  }

  /** QUERY: the state of a transaction, its result verified before it is returned. */
  async query(payment: PaymentRecord): Promise<QueryAnswer> {
    const message = queryMessage(payment.reference, payment.initiatedAt, this.partner);
    const { body } = await this.post('QUERY', this.config.PAYMENT_QUERY_URL, message);
    return readQueryAnswer(body, this.partner.secret);
  }

  /** GET_BILL: the receipt of a paid transaction. */
  async bill(payment: PaymentRecord): Promise<BillAnswer> {
    const message = billMessage(payment.reference, payment.initiatedAt, this.partner);
    const { body, contentType } = await this.post('GET_BILL', this.config.PAYMENT_BILL_URL, message);
    return readBillAnswer(contentType, body);
  }

  private async post(operation: string, url: string, message: object) {
    const answer = await reach(PLATFORM, operation, () => this.http.post<ArrayBuffer>(url, message));
    if (answer.status < 200 || answer.status > 299) throw statusError(operation, answer.status);
    const contentType = answer.headers['content-type'] as string | undefined;
    return { body: Buffer.from(answer.data ?? new ArrayBuffer(0)), contentType };
  }
}
