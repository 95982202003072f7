import { ManagedServices, PeriodicTask } from '@lienthong/bootstrap';
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
import { PaymentReconciler, PaymentReconciliationBusyError } from './reconciliation/payment-reconciler';
import { paymentReceipts, paymentReconciler } from './payment-platform-work';
import { PaymentReceipts } from './receipts/payment-receipts';

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
    let receipts: PaymentReceipts | undefined;
    // The change is in the outbox already: the relay is woken, never awaited, so a callback's answer or a
    // delivery does not wait on publishing everyone's events.
    const publishNow: PaymentChanges = { onChange: async () => void relayed?.runNow() };
    // A paid payment's receipt is fetched at once, after the callback's answer: its pass is not awaited.
    const callbackChanges: PaymentChanges = {
      onChange: async (event) => {
        if (event.state === 'paid') void receipts?.runNow();
        await publishNow.onChange(event);
      },
    };
    return {
      module: PaymentConnectorModule,
      imports: [
        ConnectorModule.register(paymentConnectorDefinition(publishNow), config),
        PaymentCallbackModule.register(config, callbackChanges),
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
          useFactory: (relay: PaymentEventRelay, fetcher: PaymentReceipts, reconciler: PaymentReconciler) =>
            new ManagedServices([
              relay,
              fetcher,
              // Of all replicas, the one that finds no run going on reconciles.
              new PeriodicTask({
                name: 'payment-reconciliation',
                everyMs: config.PAYMENT_RECONCILE_EVERY_S * 1000,
                run: () => reconciler.run(),
                busy: (error) => error instanceof PaymentReconciliationBusyError,
              }),
            ]),
          inject: [PaymentEventRelay, PaymentReceipts, PaymentReconciler],
        },
      ],
      exports: [PaymentCallbackModule, PaymentReconciler, PaymentEventRelay, PaymentReceipts],
    };
  }
}
