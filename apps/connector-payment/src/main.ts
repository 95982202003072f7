import { readConfig } from '@lienthong/config';
import { runMain, runUntilSignal, startApp } from '@lienthong/bootstrap';
import { DatabaseModule, databaseConfigSpec } from '@lienthong/database';
import { KafkaModule, kafkaConfigSpec } from '@lienthong/kafka';
import { PaymentConnectorModule, paymentConnectorConfigSpec } from '@lienthong/payment';

runMain(async () => {
  const payment = readConfig(paymentConnectorConfigSpec);
  runUntilSignal([
    await startApp(
      'connector-payment',
      [
        KafkaModule.forRoot(readConfig(kafkaConfigSpec)),
        DatabaseModule.forRoot(readConfig(databaseConfigSpec)),
        PaymentConnectorModule.register(payment),
      ],
      { port: payment.PAYMENT_CALLBACK_PORT },
    ),
  ]);
});
