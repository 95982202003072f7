import { startApp, type RunningApp } from '@lienthong/bootstrap';
import { readConfig } from '@lienthong/config';
import { PaymentConnectorModule, paymentConnectorConfigSpec } from '@lienthong/payment';
import { PaymentSandboxModule, paymentSandboxConfigSpec } from '@lienthong/sandboxes';
import { resources } from './app-modules';

/** A platform that settles each payment soon after its INIT and loses a fifth of its callbacks. */
export const LOSSY_CALLBACKS = {
  PAYMENT_SANDBOX_SETTLE_AFTER_MS: '300',
  PAYMENT_SANDBOX_LOST_CALLBACKS: '0.2',
  PAYMENT_SANDBOX_CALLBACK_RETRY_MS: '50',
};

/** Platform faults at this rate, of every kind the sandbox injects. */
export const platformFaults = (rate: number) => ({
  PAYMENT_SANDBOX_FAULTS: JSON.stringify({ rate, kinds: ['5xx', '429', 'drop', 'html', 'lost-answer'] }),
});

/** The payment platform's sandbox, the other side of a test, posting its results to `callbackUrl`. */
export function startPaymentSandbox(
  secret: string,
  callbackUrl: string,
  settings: Record<string, string> = {},
): Promise<RunningApp> {
  return startApp(
    'sandbox-payment',
    PaymentSandboxModule.register(
      readConfig(paymentSandboxConfigSpec, {
        PAYMENT_SANDBOX_SECRET: secret,
        PAYMENT_SANDBOX_CALLBACK_URL: callbackUrl,
        ...settings,
      }),
    ),
    { port: 0 },
  );
}

/** The settings that point the payment connector at a sandbox: its one endpoint for every message. */
export function platformSettings(
  sandbox: RunningApp,
  secret: string,
  callbackPath: string,
): Record<string, string> {
  const endpoint = `${sandbox.url}/api/payment`;
  return {
    PAYMENT_SECRET: secret,
    PAYMENT_CALLBACK_PATH: callbackPath,
    PAYMENT_INIT_URL: endpoint,
    PAYMENT_QUERY_URL: endpoint,
    PAYMENT_BILL_URL: endpoint,
  };
}

/** The payment connector as its app, serving the platform's callbacks on `port`. */
export const startPaymentConnector = (env: NodeJS.ProcessEnv, port: number) =>
  startApp(
    'connector-payment',
    [...resources(env), PaymentConnectorModule.register(readConfig(paymentConnectorConfigSpec, env))],
    { port },
  );
