import { connectorBaseConfigSpec, type ConnectorDefinition } from '@lienthong/connector-runtime';
import type { PaymentRequest } from '@lienthong/schemas';
import type { PaymentChanges } from './callback/payment-changes';
import { PaymentLedger } from './ledger/payment-ledger';
import { paymentConfigSpec } from './payment.config';
import { PaymentConnector } from './payment.connector';
import { PaymentService } from './payment-service';
import { PaymentPlatformClient } from './platform/payment-platform-client';

/** What the payment connector app reads: the runtime's settings and the payment's. */
export const paymentConnectorConfigSpec = { ...connectorBaseConfigSpec, ...paymentConfigSpec };

/**
 * The payment connector for ConnectorModule.register: payment requests in, INIT at the platform. The
 * payment.v1 events of its changes go to `changes` (the outbox relay, PaymentConnectorModule).
 */
export function paymentConnectorDefinition(
  changes: PaymentChanges,
): ConnectorDefinition<typeof paymentConfigSpec, PaymentRequest> {
  return {
    configSpec: paymentConfigSpec,
    create: (config, { database }) => ({
      connector: new PaymentConnector(
        new PaymentService(new PaymentLedger(database), new PaymentPlatformClient(config)),
        config.PAYMENT_SOURCE_SYSTEMS,
        changes,
      ),
    }),
  };
}
