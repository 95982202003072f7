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
    const publishNow: PaymentChanges = { onChange: async () => relayed?.runNow() };
    return {
      module: PaymentConnectorModule,
      imports: [PaymentCallbackModule.register(config, publishNow)],
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
          provide: PaymentReconciler,
          useFactory: (ledger: PaymentLedger, platform: PaymentPlatformClient, database: Database) =>
            new PaymentReconciler(ledger, platform, database, publishNow, {
              afterS: config.PAYMENT_RECONCILE_AFTER_S,
              windowH: config.PAYMENT_RECONCILE_WINDOW_H,
            }),
          inject: [PaymentLedger, PaymentPlatformClient, Database],
        },
        {
          provide: ManagedServices,
          // The intake creates the topics the relay writes: it starts first and stops last.
          useFactory: (intake: PaymentIntake, relay: PaymentEventRelay, reconciler: PaymentReconciler) =>
            new ManagedServices([
              intake,
              relay,
              new PaymentReconcileSchedule(reconciler, config.PAYMENT_RECONCILE_EVERY_S),
            ]),
          inject: [PaymentIntake, PaymentEventRelay, PaymentReconciler],
        },
      ],
      exports: [PaymentCallbackModule, PaymentReconciler, PaymentEventRelay],
    };
  }
}
