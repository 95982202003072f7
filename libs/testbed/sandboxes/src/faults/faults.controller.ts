import { BadRequestException, Body, Controller, Get, HttpCode, Post, Put } from '@nestjs/common';
import { FaultInjector } from './fault-injector';
import { parseFaultPlan } from './fault-plan';

/** Run-time control of a sandbox's faults: `GET|PUT /_sandbox/faults`, `POST /_sandbox/faults/outage`. */
@Controller('_sandbox/faults')
export class FaultsController {
  constructor(private readonly injector: FaultInjector) {}

  @Get()
  current() {
    return this.injector.current;
  }

  @Put()
  set(@Body() plan: unknown) {
    try {
      this.injector.set(parseFaultPlan(plan));
    } catch (error) {
      throw new BadRequestException((error as Error).message);
    }
    return this.injector.current;
  }

  @Post('outage')
  @HttpCode(200)
  outage(@Body() body: { seconds?: unknown }) {
    if (typeof body?.seconds !== 'number' || body.seconds < 0) {
      throw new BadRequestException('seconds must be a number ≥ 0');
    }
    this.injector.outage(body.seconds);
    return this.injector.current;
  }
}
