import { Controller, Get, Param, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { BearerGuard } from '../access/bearer.guard';
import type { TraceAnswer } from '../api-answers';
import { maskTrace } from './mask-trace';
import { TraceDossier } from './trace-dossier.usecase';

@ApiTags('dossiers')
@ApiBearerAuth()
@UseGuards(BearerGuard)
@Controller('api/v1/dossiers')
export class TraceController {
  constructor(private readonly tracer: TraceDossier) {}

  @Get(':code/trace')
  @ApiOperation({
    summary: "A dossier's timeline across every hop, its ledger state and what the portal holds now",
    description:
      'Personal data (ID numbers, names, birth dates, phones, emails, addresses) is masked; an operator with ' +
      '`pii:read` reads it through `POST /api/v1/dossiers/{code}/reveal`, audited.',
  })
  async trace(@Param('code') code: string): Promise<TraceAnswer> {
    return maskTrace(await this.tracer.trace(code));
  }
}
