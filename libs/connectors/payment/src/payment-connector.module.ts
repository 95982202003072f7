import { ManagedServices } from '@lienthong/bootstrap';
import { ConnectorModule, type ConnectorAppConfig } from '@lienthong/connector-runtime';
import { Database } from '@lienthong/database';
import { KafkaConnection, Topics } from '@lienthong/kafka';
import { Module, type DynamicModule } from '@nestjs/common';
import { PaymentCallbackModule } from './callback/payment-callback.module';
import type { PaymentChanges } from './callback/payment-changes';
import { PaymentLedger } from './ledger/payment-ledger';
import { PaymentEventRelay } from './outbox/payment-event-relay';
import type { paymentConfigSpec } from './payment.config';
import { paymentConnectorDefinition } from './payment-connector.definition';
import { PaymentPlatformClient } from './platform/payment-platform-client';
import { PaymentReconciler } from './reconciliation/payment-reconciler';
import { PaymentReconcileSchedule } from './reconciliation/payment-reconcile-schedule';

/**
 * The payment connector app: payment requests in on the connector runtime (ConnectorModule, with
 * paymentConnectorDefinition), the platform's callbacks, reconciliation on its schedule, and the outbox
 * relayed to payment.v1. Needs `KafkaModule.forRoot` and `DatabaseModule.forRoot` beside it. Every change
 * is in the outbox once the ledger committed it; deliveries, callbacks and reconciliation only ask the
 * relay to publish it now.
 */
@Module({})
export class PaymentConnectorModule {
  static register(config: ConnectorAppConfig<typeof paymentConfigSpec>): DynamicModule {
    // The runtime and the callback module are built before the relay exists: their changes reach it once built.
    let relayed: PaymentEventRelay | undefined;
    const publishNow: PaymentChanges = { onChange: async () => relayed?.runNow() };
    return {
      module: PaymentConnectorModule,
      imports: [
        ConnectorModule.register(paymentConnectorDefinition(publishNow), config),
        PaymentCallbackModule.register(config, publishNow),
      ],
      providers: [
        { provide: PaymentPlatformClient, useFactory: () => new PaymentPlatformClient(config) },
        {
          provide: PaymentEventRelay,
          useFactory: (database: Database, kafka: KafkaConnection, topics: Topics) =>
            (relayed = new PaymentEventRelay(database, kafka, topics.paymentSpec)),
          inject: [Database, KafkaConnection, Topics],
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
          useFactory: (relay: PaymentEventRelay, reconciler: PaymentReconciler) =>
            new ManagedServices([
              relay,
              new PaymentReconcileSchedule(reconciler, config.PAYMENT_RECONCILE_EVERY_S),
            ]),
          inject: [PaymentEventRelay, PaymentReconciler],
        },
      ],
      exports: [PaymentCallbackModule, PaymentReconciler, PaymentEventRelay],
    };
  }
}
