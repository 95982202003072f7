import { ManagedServices } from '@lienthong/bootstrap';
import { Database } from '@lienthong/database';
import { KafkaConnection, Topics } from '@lienthong/kafka';
import { Module, type DynamicModule } from '@nestjs/common';
import { PaymentCallbackModule } from './callback/payment-callback.module';
import type { PaymentChanges } from './callback/payment-changes';
import { PaymentIntake } from './intake/payment-intake';
import { PaymentLedger } from './ledger/payment-ledger';
import { PaymentEventRelay } from './outbox/payment-event-relay';
import type { PaymentConfig } from './payment.config';
import { PaymentService } from './payment-service';
import { PaymentPlatformClient } from './platform/payment-platform-client';
import { PaymentReconciler } from './reconciliation/payment-reconciler';
import { PaymentReconcileSchedule } from './reconciliation/payment-reconcile-schedule';
import { paymentReceipts, paymentReconciler } from './payment-platform-work';
import { PaymentReceipts } from './receipts/payment-receipts';

/**
 * The payment connector: payment requests in (PaymentIntake), the platform's callbacks, reconciliation
 * on its schedule, and the outbox relayed to payment.v1. Needs `KafkaModule.forRoot` and
 * `DatabaseModule.forRoot` beside it. Every change is in the outbox once the ledger committed it; the
 * callbacks and reconciliation only ask the relay to publish it now.
 */
@Module({})
export class PaymentConnectorModule {
  static register(config: PaymentConfig): DynamicModule {
    // The callback module is built before the relay exists: its changes reach the relay once started.
    let relayed: PaymentEventRelay | undefined;
    let receipts: PaymentReceipts | undefined;
    const publishNow: PaymentChanges = { onChange: async () => relayed?.runNow() };
    // A paid payment's receipt is fetched at once, after the callback's answer: its pass is not awaited.
    const callbackChanges: PaymentChanges = {
      onChange: async (event) => {
        if (event.state === 'paid') void receipts?.runNow();
        await publishNow.onChange(event);
      },
    };
    return {
      module: PaymentConnectorModule,
      imports: [PaymentCallbackModule.register(config, callbackChanges)],
      providers: [
        { provide: PaymentPlatformClient, useFactory: () => new PaymentPlatformClient(config) },
        {
          provide: PaymentEventRelay,
          useFactory: (database: Database, kafka: KafkaConnection, topics: Topics) =>
            (relayed = new PaymentEventRelay(database, kafka, topics.payment)),
          inject: [Database, KafkaConnection, Topics],
        },
        {
          provide: PaymentIntake,
          useFactory: (
            ledger: PaymentLedger,
            platform: PaymentPlatformClient,
            relay: PaymentEventRelay,
            kafka: KafkaConnection,
            topics: Topics,
          ) =>
            new PaymentIntake({
              kafka,
              topics,
              systems: config.PAYMENT_SOURCE_SYSTEMS,
              service: new PaymentService(ledger, platform),
              afterBatch: () => relay.runNow(),
            }),
          inject: [PaymentLedger, PaymentPlatformClient, PaymentEventRelay, KafkaConnection, Topics],
        },
        {
          provide: PaymentReceipts,
          useFactory: (platform: PaymentPlatformClient, database: Database) =>
            (receipts = paymentReceipts(config, platform, database, publishNow)),
          inject: [PaymentPlatformClient, Database],
        },
        {
          provide: PaymentReconciler,
          useFactory: (
            ledger: PaymentLedger,
            platform: PaymentPlatformClient,
            fetcher: PaymentReceipts,
            database: Database,
          ) =>
            paymentReconciler(config, { ledger, platform, receipts: fetcher, database, changes: publishNow }),
          inject: [PaymentLedger, PaymentPlatformClient, PaymentReceipts, Database],
        },
        {
          provide: ManagedServices,
          // The intake creates the topics the relay writes: it starts first and stops last.
          useFactory: (
            intake: PaymentIntake,
            relay: PaymentEventRelay,
            fetcher: PaymentReceipts,
            reconciler: PaymentReconciler,
          ) =>
            new ManagedServices([
              intake,
              relay,
              fetcher,
              new PaymentReconcileSchedule(reconciler, config.PAYMENT_RECONCILE_EVERY_S),
            ]),
          inject: [PaymentIntake, PaymentEventRelay, PaymentReceipts, PaymentReconciler],
        },
      ],
      exports: [PaymentCallbackModule, PaymentReconciler, PaymentEventRelay, PaymentReceipts],
    };
  }
}
