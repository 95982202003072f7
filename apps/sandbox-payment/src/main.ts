import { readConfig } from '@lienthong/config';
import { runMain, runUntilSignal, startApp } from '@lienthong/bootstrap';
import { PaymentSandboxModule, paymentSandboxConfigSpec } from '@lienthong/sandboxes';

runMain(async () => {
  const sandbox = readConfig(paymentSandboxConfigSpec);
  runUntilSignal([
    await startApp('sandbox-payment', PaymentSandboxModule.register(sandbox), {
      port: sandbox.PAYMENT_SANDBOX_PORT,
    }),
  ]);
});
