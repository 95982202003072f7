import { readConfig } from '@lienthong/config';
import { runMain, runUntilSignal, startApp } from '@lienthong/bootstrap';
import { PaymentSandboxModule, paymentSandboxConfigSpec } from '@lienthong/sandboxes';

runMain(async () => {
  const { PAYMENT_SANDBOX_PORT } = readConfig(paymentSandboxConfigSpec);
  runUntilSignal([
    await startApp('sandbox-payment', PaymentSandboxModule.register(), { port: PAYMENT_SANDBOX_PORT }),
  ]);
});
