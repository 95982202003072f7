import { readConfig } from '@lienthong/config';
import { runMain, runUntilSignal, startApp } from '@lienthong/bootstrap';
import { Database, DatabaseModule, databaseConfigSpec } from '@lienthong/database';
import { KafkaConnection, KafkaModule, kafkaConfigSpec } from '@lienthong/kafka';
import { ObservabilityModule } from '@lienthong/observability';
import { PaymentConnectorModule, paymentConfigSpec } from '@lienthong/payment';

runMain(async () => {
  const payment = readConfig(paymentConfigSpec);
  runUntilSignal([
    await startApp(
      'connector-payment',
      [
        KafkaModule.forRoot(readConfig(kafkaConfigSpec)),
        DatabaseModule.forRoot(readConfig(databaseConfigSpec)),
        PaymentConnectorModule.register(payment),
        ObservabilityModule.register({ kafka: KafkaConnection, postgres: Database }),
      ],
      { port: payment.PAYMENT_CALLBACK_PORT },
    ),
  ]);
});
