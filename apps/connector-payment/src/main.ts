import { readConfig } from '@lienthong/config';
import { runMain, runUntilSignal, startApp } from '@lienthong/bootstrap';
import { Database, DatabaseModule, databaseConfigSpec } from '@lienthong/database';
import { createLogger, ObservabilityModule } from '@lienthong/observability';
import { PaymentCallbackModule, paymentConfigSpec } from '@lienthong/payment';

// For now the callback endpoint alone; its changes are logged until the connector publishes them.
const logger = createLogger('connector-payment');

runMain(async () => {
  const payment = readConfig(paymentConfigSpec);
  runUntilSignal([
    await startApp(
      'connector-payment',
      [
        DatabaseModule.forRoot(readConfig(databaseConfigSpec)),
        PaymentCallbackModule.register(payment, {
          onChange: async (event) =>
            void logger.info({ reference: event.reference, state: event.state }, 'payment changed'),
        }),
        ObservabilityModule.register({
          inject: [Database],
          useFactory: (database: Database) => [{ name: 'postgres', check: () => database.ping() }],
        }),
      ],
      { port: payment.PAYMENT_CALLBACK_PORT },
    ),
  ]);
});
