import { Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { GATEWAY_PATH } from './gateway.contract';
import { PopulationSandboxService } from './population-sandbox.service';

/** The gateway's SOAP endpoint: both operations are posted to the same URL, told apart by the body. */
@Controller(GATEWAY_PATH)
export class PopulationSoapController {
  constructor(private readonly population: PopulationSandboxService) {}

  @Post()
  soap(@Req() request: Request, @Res() response: Response): void {
    const answer = this.population.handle({
      url: `${request.protocol}://${request.get('host') ?? ''}${request.originalUrl}`,
      header: (name) => request.get(name),
      body: typeof request.body === 'string' ? request.body : '',
    });
    response.status(answer.status).type('application/xml; charset=utf-8').send(answer.xml);
  }
}

/** The sandbox's inspection API for tests and demos. */
@Controller('_sandbox')
export class PopulationInspectionController {
  constructor(private readonly population: PopulationSandboxService) {}

  @Get('stats')
  stats() {
    return this.population.stats();
  }

  @Post('reset')
  @HttpCode(204)
  reset(): void {
    this.population.reset();
  }
}
