import { readConfig } from '@lienthong/config';
import { Module, type DynamicModule, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { text } from 'express';
import { FaultsModule } from '../faults';
import { GatewayCheckModule, sandboxGatewayOf } from '../gateway';
import { PopulationInspectionController, PopulationSoapController } from './population-sandbox.controller';
import { populationSandboxConfigSpec } from './population-sandbox.config';
import { PopulationSandboxRegistry } from './population-sandbox.registry';
import { PopulationSandboxService } from './population-sandbox.service';

/** A real HTTP server that answers as the population database's gateway does, for tests and demos. */
@Module({})
export class PopulationSandboxModule implements NestModule {
  static register(env: NodeJS.ProcessEnv = process.env): DynamicModule {
    const config = readConfig(populationSandboxConfigSpec, env);
    return {
      module: PopulationSandboxModule,
      imports: [
        FaultsModule.register(config.POPULATION_SANDBOX_FAULTS),
        GatewayCheckModule.register(sandboxGatewayOf('POPULATION', config)),
      ],
      controllers: [PopulationSoapController, PopulationInspectionController],
      providers: [
        {
          provide: PopulationSandboxService,
          useValue: new PopulationSandboxService(
            config,
            new PopulationSandboxRegistry(config.POPULATION_SANDBOX_NAME_STYLE),
          ),
        },
      ],
    };
  }

  /** Apps parse only JSON bodies; SOAP arrives as XML, read as text whatever its declared type (checked later). */
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(text({ type: () => true, limit: '1mb' })).forRoutes(PopulationSoapController);
  }
}
