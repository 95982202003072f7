import { BadRequestException, Controller, Get, Param, Query } from '@nestjs/common';
import { agencyCodeOf } from './agency-match';
import { NationalComparison } from './national-comparison';

function agencyCode(code: string | undefined): string {
  const normalized = agencyCodeOf(code ?? null);
  if (!normalized) throw new BadRequestException(`not an agency code: "${code ?? ''}"`);
  return normalized;
}

/**
 * The national score beside the city's own (public like the rest of /kpi: dossier codes, no personal
 * data): every agency of a period, one agency's items and causes, and both scores month by month.
 */
@Controller('kpi/api/national')
export class NationalController {
  constructor(private readonly comparison: NationalComparison) {}

  /** `?period=YYYY-MM | YYYY-Qn | YYYY`. */
  @Get()
  overview(@Query('period') period?: string) {
    return this.comparison.overview(period);
  }

  @Get('history')
  history(@Query('agencyCode') code?: string, @Query('from') from?: string, @Query('to') to?: string) {
    return this.comparison.history(agencyCode(code), from, to);
  }

  @Get('agencies/:agencyCode')
  agency(@Param('agencyCode') code: string, @Query('period') period?: string) {
    return this.comparison.agency(agencyCode(code), period);
  }
}
