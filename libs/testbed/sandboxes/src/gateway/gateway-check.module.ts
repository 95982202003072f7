import { Module, type DynamicModule, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { urlencoded } from 'express';
import { GatewayCheck } from './gateway-check';
import { GatewayControlController, GatewayTokenController } from './gateway-check.controller';
import { gatewayCheckMiddleware } from './gateway-check.middleware';
import type { SandboxGatewaySettings } from './sandbox-gateway.config';

/** Import into a sandbox module: its API sits behind an LGSP/NGSP gateway as the settings say. */
@Module({})
export class GatewayCheckModule implements NestModule {
  constructor(private readonly check: GatewayCheck) {}

  static register(settings: SandboxGatewaySettings): DynamicModule {
    return {
      module: GatewayCheckModule,
      controllers: [GatewayTokenController, GatewayControlController],
      providers: [{ provide: GatewayCheck, useValue: new GatewayCheck(settings) }],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    // Apps parse only JSON bodies; the token request is a form.
    consumer.apply(urlencoded({ extended: false })).forRoutes(GatewayTokenController);
    if (this.check.mode !== 'none') consumer.apply(gatewayCheckMiddleware(this.check)).forRoutes('{*path}');
  }
}
