import type { PaymentEvent } from '@lienthong/schemas';

/** Where the payment.v1 events of changes made by callbacks go (the connector publishes them). */
export interface PaymentChanges {
  onChange(event: PaymentEvent): Promise<void>;
}

export const PAYMENT_CHANGES = Symbol('PAYMENT_CHANGES');
