import { Module, type DynamicModule } from '@nestjs/common';
import { FaultsModule } from '../faults';
import { GatewayCheckModule, sandboxGatewayOf } from '../gateway';
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
export class PaymentSandboxModule {
  static register(config: PaymentSandboxConfig): DynamicModule {
    return {
      module: PaymentSandboxModule,
      imports: [
        FaultsModule.register(config.PAYMENT_SANDBOX_FAULTS),
        // Only the platform endpoint sits behind the gateway: the pay page is the citizen's browser's.
        GatewayCheckModule.register(sandboxGatewayOf('PAYMENT', config), [config.PAYMENT_SANDBOX_PATH]),
      ],
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
          provide: PaymentSettlement,
          useFactory: (c: PaymentSandboxConfig, store: PaymentSandboxStore) =>
            new PaymentSettlement(c, store),
          inject: [PAYMENT_SANDBOX_CONFIG, PaymentSandboxStore],
        },
        {
          provide: PaymentSandboxService,
          useFactory: (c: PaymentSandboxConfig, store: PaymentSandboxStore, settlement: PaymentSettlement) =>
            new PaymentSandboxService(c, store, settlement),
          inject: [PAYMENT_SANDBOX_CONFIG, PaymentSandboxStore, PaymentSettlement],
        },
      ],
    };
  }
}
