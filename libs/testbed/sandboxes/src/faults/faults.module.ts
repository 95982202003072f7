import { Module, type DynamicModule, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { FaultInjector } from './fault-injector';
import { faultMiddleware } from './fault.middleware';
import type { FaultPlan } from './fault-plan';
import { FaultsController } from './faults.controller';

/** Import into a sandbox module: every call to its API may fail as the plan says. */
@Module({})
export class FaultsModule implements NestModule {
  constructor(private readonly injector: FaultInjector) {}

  static register(plan: FaultPlan): DynamicModule {
    return {
      module: FaultsModule,
      controllers: [FaultsController],
      providers: [{ provide: FaultInjector, useFactory: () => new FaultInjector(plan) }],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(faultMiddleware(this.injector)).forRoutes('{*path}');
  }
}
