export { PaymentSandboxModule } from './payment-sandbox.module';
export { paymentSandboxConfigSpec, type PaymentSandboxConfig } from './payment-sandbox.config';
export type { HeldTransaction, PaymentSandboxCounts } from './payment-sandbox.store';
