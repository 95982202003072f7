import { Module, type DynamicModule, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { text } from 'express';
import { FaultsModule } from '../faults';
import { GatewayCheckModule, sandboxGatewayOf } from '../gateway';
import { PopulationInspectionController, PopulationSoapController } from './population-sandbox.controller';
import { POPULATION_SANDBOX_CONFIG, type PopulationSandboxConfig } from './population-sandbox.config';
import { PopulationSandboxRegistry } from './population-sandbox.registry';
import { PopulationSandboxService } from './population-sandbox.service';

/** A real HTTP server that answers as the population database's gateway does, for tests and demos. */
@Module({})
export class PopulationSandboxModule implements NestModule {
  static register(config: PopulationSandboxConfig): DynamicModule {
    return {
      module: PopulationSandboxModule,
      imports: [
        FaultsModule.register(config.POPULATION_SANDBOX_FAULTS),
        GatewayCheckModule.register(sandboxGatewayOf('POPULATION', config)),
      ],
      controllers: [PopulationSoapController, PopulationInspectionController],
      providers: [
        // A plain copy: Nest probes provider values for lifecycle hooks, which the strict config object refuses.
        { provide: POPULATION_SANDBOX_CONFIG, useValue: { ...config } },
        {
          provide: PopulationSandboxService,
          useFactory: (c: PopulationSandboxConfig) =>
            new PopulationSandboxService(c, new PopulationSandboxRegistry(c.POPULATION_SANDBOX_NAME_STYLE)),
          inject: [POPULATION_SANDBOX_CONFIG],
        },
      ],
    };
  }

  /** Apps parse only JSON bodies; SOAP arrives as XML, read as text whatever its declared type (checked later). */
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(text({ type: () => true, limit: '1mb' })).forRoutes(PopulationSoapController);
  }
}
