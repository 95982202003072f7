import { readFileSync } from 'node:fs';
import { readConfig, projectPath } from '@lienthong/config';
import type { PlatformMessageBody } from './payment-platform.contract';
import { paymentSandboxConfigSpec } from './payment-sandbox.config';
import { PaymentSandboxService } from './payment-sandbox.service';
import { PaymentSandboxStore } from './payment-sandbox.store';
import { PaymentSettlement, type CallbackPost } from './payment-settlement';

/** The shared secret of DOMAIN.md's worked example, which every golden message is signed with. */
export const GOLDEN_SECRET = 'bi-mat-thu';

const goldenPath = (path: string) => projectPath('test', 'fixtures', 'contracts', 'payment', path);

/** A golden payment-platform message (test/fixtures/contracts/payment), for the specs. */
export const goldenJson = <T = PlatformMessageBody>(path: string): T =>
  JSON.parse(readFileSync(goldenPath(path), 'utf8')) as T;

export const goldenBytes = (path: string): Buffer => readFileSync(goldenPath(path));

/**
 * A sandbox platform for specs, configured as the golden messages need (partner LIENTHONG, secret
 * bi-mat-thu, settled only on request) with the callbacks going to `post`.
 */
export function paymentSandbox(env: Record<string, string> = {}, post?: CallbackPost, random?: () => number) {
  const config = readConfig(paymentSandboxConfigSpec, {
    PAYMENT_SANDBOX_SECRET: GOLDEN_SECRET,
    PAYMENT_SANDBOX_AUTO_SETTLE: 'false',
    PAYMENT_SANDBOX_CALLBACK_RETRY_MS: '0',
    ...env,
  });
  const store = new PaymentSandboxStore();
  const settlement = new PaymentSettlement(config, store, post, random);
  const sut = new PaymentSandboxService(config, store, settlement);
  const call = (body: unknown) => sut.handle({ body, base: 'http://sandbox.test' });
  return { sut, store, settlement, call };
}
