import { Inject, Module, type DynamicModule, type MiddlewareConsumer, type NestModule } from '@nestjs/common';

import { urlencoded } from 'express';
import { GatewayCheck } from './gateway-check';
import { GatewayControlController, GatewayTokenController } from './gateway-check.controller';
import { gatewayCheckMiddleware } from './gateway-check.middleware';
import type { SandboxGatewaySettings } from './sandbox-gateway.config';

const GUARDED_ROUTES = Symbol('GUARDED_ROUTES');

/** Import into a sandbox module: its API sits behind an LGSP/NGSP gateway as the settings say. */
@Module({})
export class GatewayCheckModule implements NestModule {
  constructor(
    private readonly check: GatewayCheck,
    @Inject(GUARDED_ROUTES) private readonly guarded: string[],
  ) {}

  /** `guarded`: the routes behind the gateway; by default every route of the sandbox's own API. */
  static register(settings: SandboxGatewaySettings, guarded = ['{*path}']): DynamicModule {
    return {
      module: GatewayCheckModule,
      controllers: [GatewayTokenController, GatewayControlController],
      providers: [
        { provide: GatewayCheck, useValue: new GatewayCheck(settings) },
        { provide: GUARDED_ROUTES, useValue: guarded },
      ],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    // Apps parse only JSON bodies; the token request is a form.
    consumer.apply(urlencoded({ extended: false })).forRoutes(GatewayTokenController);
    if (this.check.mode !== 'none')
      consumer.apply(gatewayCheckMiddleware(this.check)).forRoutes(...this.guarded);
  }
}
