import { Module, type DynamicModule } from '@nestjs/common';
import { PortalSandboxController } from './portal-sandbox.controller';
import { readConfig } from '@lienthong/config';
import { portalSandboxConfigSpec } from './portal-sandbox.config';
import { FaultsModule } from '../faults';
import { GatewayCheckModule, sandboxGatewayOf } from '../gateway';
import { PortalSandboxService } from './portal-sandbox.service';
import { PortalSandboxStore } from './portal-sandbox.store';

/** A real HTTP server that behaves as the National Public Service Portal does, for tests and demos. */
@Module({})
export class PortalSandboxModule {
  static register(env: NodeJS.ProcessEnv = process.env): DynamicModule {
    const config = readConfig(portalSandboxConfigSpec, env);
    return {
      module: PortalSandboxModule,
      imports: [
        FaultsModule.register(config.PORTAL_SANDBOX_FAULTS),
        GatewayCheckModule.register(sandboxGatewayOf('PORTAL', config)),
      ],
      controllers: [PortalSandboxController],
      providers: [
        PortalSandboxStore,
        {
          provide: PortalSandboxService,
          inject: [PortalSandboxStore],
          useFactory: (store: PortalSandboxStore) => new PortalSandboxService(config, store),
        },
      ],
    };
  }
}
