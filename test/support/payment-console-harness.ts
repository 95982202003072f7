import { readConfig } from '@lienthong/config';
import { ConsoleModule, consoleConfigSpec, consoleHttp, readPaymentReconcile } from '@lienthong/console';
import { PaymentLedger } from '@lienthong/payment';
import { PaymentSandboxModule, paymentSandboxConfigSpec } from '@lienthong/sandboxes';
import type { PaymentRequest } from '@lienthong/schemas';
import axios, { type AxiosInstance } from 'axios';
import { resources } from './app-modules';
import { ADMIN_TOKEN } from './console-harness';
import { IsolatedRun } from './isolated-run';
import { startPaymentConnector } from './payment-platform';
import { publish } from './kafka-client';
import { freePort, until } from './wait';

const SECRET = 'e2e-payment-console-secret';
const CALLBACK_PATH = '/payment/callback';

/**
 * The payment platform sandbox (settling only when told), the payment connector and the console
 * reconciling payments itself, isolated for one test file.
 */
export class PaymentConsoleHarness extends IsolatedRun {
  sandboxUrl!: string;
  connectorUrl!: string;
  consoleUrl!: string;
  ledger!: PaymentLedger;
  /** The payment connector's settings (this run's database, the sandbox as the platform). */
  connectorEnv!: NodeJS.ProcessEnv;

  async start(): Promise<this> {
    const connectorPort = await freePort();
    const sandbox = await this.launch(
      'sandbox-payment',
      PaymentSandboxModule.register(
        readConfig(paymentSandboxConfigSpec, {
          PAYMENT_SANDBOX_SECRET: SECRET,
          PAYMENT_SANDBOX_CALLBACK_URL: `http://127.0.0.1:${connectorPort}${CALLBACK_PATH}`,
          PAYMENT_SANDBOX_AUTO_SETTLE: 'false',
        }),
      ),
    );
    this.sandboxUrl = sandbox.url!;
    const endpoint = `${this.sandboxUrl}/api/payment`;
    const platform = {
      PAYMENT_SECRET: SECRET,
      PAYMENT_CALLBACK_PATH: CALLBACK_PATH,
      PAYMENT_INIT_URL: endpoint,
      PAYMENT_QUERY_URL: endpoint,
      PAYMENT_BILL_URL: endpoint,
      PAYMENT_RECONCILE_EVERY_S: '0',
    };
    const consoleEnv = this.env({
      ...platform,
      CONSOLE_ADMIN_TOKEN: ADMIN_TOKEN,
      CONSOLE_PAYMENT_RECONCILE: 'true',
    });
    const consoleConfig = readConfig(consoleConfigSpec, consoleEnv);
    const console = await this.launch(
      'console',
      [
        ...resources(consoleEnv),
        ConsoleModule.register(consoleConfig, null, readPaymentReconcile(consoleConfig, consoleEnv)),
      ],
      consoleHttp,
    );
    this.consoleUrl = console.url!;
    const connectorEnv = this.env({ ...platform, PAYMENT_RECEIPT_BASE_URL: this.consoleUrl });
    this.connectorEnv = connectorEnv;
    // Served on the port the sandbox posts its callbacks to.
    const connector = await startPaymentConnector(connectorEnv, connectorPort);
    this.apps.push(connector);
    this.connectorUrl = connector.url!;
    this.ledger = connector.app.get(PaymentLedger);
    return this;
  }

  /** Publishes requests as motcua does and waits until the platform gave each its payment URL. */
  async request(requests: PaymentRequest[]): Promise<void> {
    await publish(
      this.topics.paymentRequests('motcua'),
      requests.map((request) => ({ key: request.dossierCode, value: JSON.stringify(request) })),
    );
    await until('the platform to create every payment', async () => {
      const held = await Promise.all(requests.map((request) => this.ledger.byRequestId(request.requestId)));
      return held.every((payment) => payment?.paymentUrl) ? held : undefined;
    });
  }

  /** The citizen pays (or fails to): the sandbox settles and posts its signed callback. */
  async settle(requestId: string, outcome: 'paid' | 'failed'): Promise<void> {
    const payment = await this.ledger.byRequestId(requestId);
    await axios.post(`${this.sandboxUrl}/_sandbox/transactions/${payment!.reference}/settle`, { outcome });
  }

  /** An HTTP client of the console API that never throws on a status. */
  api(token?: string): AxiosInstance {
    return axios.create({
      baseURL: `${this.consoleUrl}/api/v1`,
      headers: token ? { authorization: `Bearer ${token}` } : {},
      validateStatus: () => true,
    });
  }

  async token(role: 'viewer' | 'operator', name = `${role}-${this.id}`): Promise<string> {
    const { data, status } = await this.api(ADMIN_TOKEN).post('/tokens', { name, role });
    if (status !== 201) throw new Error(`cannot create a ${role} token: ${status} ${JSON.stringify(data)}`);
    return data.token as string;
  }
}
