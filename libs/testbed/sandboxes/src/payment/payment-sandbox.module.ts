import { readConfig } from '@lienthong/config';
import { Module, type DynamicModule, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { urlencoded } from 'express';
import { FaultsModule } from '../faults';
import { GatewayTokens } from './payment-gateway-tokens';
import {
  paymentPlatformController,
  PaymentInspectionController,
  PaymentPublicController,
} from './payment-sandbox.controller';
import { paymentSandboxConfigSpec } from './payment-sandbox.config';
import { PaymentSandboxService } from './payment-sandbox.service';
import { PaymentSandboxStore } from './payment-sandbox.store';
import { PaymentSettlement } from './payment-settlement';

/** A real HTTP server that behaves as the national payment platform does, for tests and demos. */
@Module({})
export class PaymentSandboxModule implements NestModule {
  static register(env: NodeJS.ProcessEnv = process.env): DynamicModule {
    const config = readConfig(paymentSandboxConfigSpec, env);
    return {
      module: PaymentSandboxModule,
      imports: [FaultsModule.register(config.PAYMENT_SANDBOX_FAULTS)],
      controllers: [
        paymentPlatformController(config.PAYMENT_SANDBOX_PATH),
        PaymentPublicController,
        PaymentInspectionController,
      ],
      providers: [
        PaymentSandboxStore,
        {
          provide: GatewayTokens,
          useValue: new GatewayTokens(
            {
              clientId: config.PAYMENT_SANDBOX_GATEWAY_CLIENT_ID,
              clientSecret: config.PAYMENT_SANDBOX_GATEWAY_CLIENT_SECRET,
            },
            config.PAYMENT_SANDBOX_TOKEN_EXPIRES_S,
          ),
        },
        {
          provide: PaymentSettlement,
          inject: [PaymentSandboxStore],
          useFactory: (store: PaymentSandboxStore) => new PaymentSettlement(config, store),
        },
        {
          provide: PaymentSandboxService,
          inject: [PaymentSandboxStore, PaymentSettlement, GatewayTokens],
          useFactory: (store: PaymentSandboxStore, settlement: PaymentSettlement, tokens: GatewayTokens) =>
            new PaymentSandboxService(config, store, settlement, tokens),
        },
      ],
    };
  }

  /** Apps parse only JSON bodies; the gateway's token request is a form. */
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(urlencoded({ extended: false })).forRoutes(PaymentPublicController);
  }
}
