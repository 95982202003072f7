import { Database } from '@lienthong/database';
import { Module, type DynamicModule } from '@nestjs/common';
import { PaymentLedger } from '../ledger/payment-ledger';
import type { PaymentConfig } from '../payment.config';
import { paymentCallbackController } from './payment-callback.controller';
import { PaymentCallbacks } from './payment-callbacks';
import { PAYMENT_CHANGES, type PaymentChanges } from './payment-changes';

/**
 * The platform's result callback, served at PAYMENT_CALLBACK_PATH of the app it is mounted in (its
 * own, on PAYMENT_CALLBACK_PORT). Needs `DatabaseModule.forRoot` beside it; the payment.v1 events of
 * the changes it makes go to `changes`.
 */
@Module({})
export class PaymentCallbackModule {
  static register(config: PaymentConfig, changes: PaymentChanges): DynamicModule {
    const partner = { partnerCode: config.PAYMENT_PARTNER_CODE, secret: config.PAYMENT_SECRET };
    return {
      module: PaymentCallbackModule,
      controllers: [paymentCallbackController(config.PAYMENT_CALLBACK_PATH)],
      providers: [
        { provide: PAYMENT_CHANGES, useValue: changes },
        {
          provide: PaymentLedger,
          useFactory: (database: Database) => new PaymentLedger(database),
          inject: [Database],
        },
        {
          provide: PaymentCallbacks,
          useFactory: (ledger: PaymentLedger) => new PaymentCallbacks(ledger, partner),
          inject: [PaymentLedger],
        },
      ],
      exports: [PaymentLedger],
    };
  }
}
