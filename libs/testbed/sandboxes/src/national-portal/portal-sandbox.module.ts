import { Module, type DynamicModule } from '@nestjs/common';
import { PortalSandboxController } from './portal-sandbox.controller';
import { PORTAL_SANDBOX_CONFIG, type PortalSandboxConfig } from './portal-sandbox.config';
import { FaultsModule } from '../faults';
import { GatewayCheckModule, sandboxGatewayOf } from '../gateway';
import { PortalSandboxService } from './portal-sandbox.service';
import { PortalSandboxStore } from './portal-sandbox.store';

/** A real HTTP server that behaves as the National Public Service Portal does, for tests and demos. */
@Module({})
export class PortalSandboxModule {
  static register(config: PortalSandboxConfig): DynamicModule {
    return {
      module: PortalSandboxModule,
      imports: [
        FaultsModule.register(config.PORTAL_SANDBOX_FAULTS),
        GatewayCheckModule.register(sandboxGatewayOf('PORTAL', config)),
      ],
      controllers: [PortalSandboxController],
      providers: [
        // A plain copy: Nest probes provider values for lifecycle hooks, which the strict config object refuses.
        { provide: PORTAL_SANDBOX_CONFIG, useValue: { ...config } },
        PortalSandboxStore,
        {
          provide: PortalSandboxService,
          inject: [PORTAL_SANDBOX_CONFIG, PortalSandboxStore],
          useFactory: (c: PortalSandboxConfig, store: PortalSandboxStore) =>
            new PortalSandboxService(c, store),
        },
      ],
    };
  }
}
