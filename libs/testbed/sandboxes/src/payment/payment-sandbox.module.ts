import { Module, type DynamicModule, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { urlencoded } from 'express';
import { FaultsModule } from '../faults';
import { GatewayTokens } from './payment-gateway-tokens';
import {
  paymentPlatformController,
  PaymentInspectionController,
  PaymentPublicController,
} from './payment-sandbox.controller';
import { PAYMENT_SANDBOX_CONFIG, type PaymentSandboxConfig } from './payment-sandbox.config';
import { PaymentSandboxService } from './payment-sandbox.service';
import { PaymentSandboxStore } from './payment-sandbox.store';
import { PaymentSettlement } from './payment-settlement';

/** A real HTTP server that behaves as the national payment platform does, for tests and demos. */
@Module({})
export class PaymentSandboxModule implements NestModule {
  static register(config: PaymentSandboxConfig): DynamicModule {
    return {
      module: PaymentSandboxModule,
      imports: [FaultsModule.register(config.PAYMENT_SANDBOX_FAULTS)],
      controllers: [
        paymentPlatformController(config.PAYMENT_SANDBOX_PATH),
        PaymentPublicController,
        PaymentInspectionController,
      ],
      providers: [
        // A plain copy: Nest probes provider values for lifecycle hooks, which the strict config object refuses.
        { provide: PAYMENT_SANDBOX_CONFIG, useValue: { ...config } },
        PaymentSandboxStore,
        {
          provide: GatewayTokens,
          useFactory: (c: PaymentSandboxConfig) =>
            new GatewayTokens(
              {
                clientId: c.PAYMENT_SANDBOX_GATEWAY_CLIENT_ID,
                clientSecret: c.PAYMENT_SANDBOX_GATEWAY_CLIENT_SECRET,
              },
              c.PAYMENT_SANDBOX_TOKEN_EXPIRES_S,
            ),
          inject: [PAYMENT_SANDBOX_CONFIG],
        },
        {
          provide: PaymentSettlement,
          useFactory: (c: PaymentSandboxConfig, store: PaymentSandboxStore) =>
            new PaymentSettlement(c, store),
          inject: [PAYMENT_SANDBOX_CONFIG, PaymentSandboxStore],
        },
        {
          provide: PaymentSandboxService,
          useFactory: (
            c: PaymentSandboxConfig,
            store: PaymentSandboxStore,
            settlement: PaymentSettlement,
            tokens: GatewayTokens,
          ) => new PaymentSandboxService(c, store, settlement, tokens),
          inject: [PAYMENT_SANDBOX_CONFIG, PaymentSandboxStore, PaymentSettlement, GatewayTokens],
        },
      ],
    };
  }

  /** Apps parse only JSON bodies; the gateway's token request is a form. */
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(urlencoded({ extended: false })).forRoutes(PaymentPublicController);
  }
}
