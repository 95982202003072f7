import { readFileSync } from 'node:fs';
import { projectPath } from '@lienthong/config';
import type { PaymentPartner } from './payment-messages';

/** A golden payment-platform file (test/fixtures/contracts/payment), for the specs. */
export const goldenBytes = (path: string): Buffer =>
  readFileSync(projectPath('test', 'fixtures', 'contracts', 'payment', path));

export const goldenJson = <T = Record<string, unknown>>(path: string): T =>
  JSON.parse(goldenBytes(path).toString('utf8')) as T;

/** The worked example's partner and shared secret (DOMAIN.md). */
export const GOLDEN_PARTNER: PaymentPartner = { partnerCode: 'LIENTHONG', secret: 'bi-mat-thu' };
export const GOLDEN_REFERENCE = 'LT240815004201';
/** 14:30:05 in Hanoi: the INIT time of the worked example. */
export const GOLDEN_INIT_TIME = new Date('2024-08-15T14:30:05+07:00');
