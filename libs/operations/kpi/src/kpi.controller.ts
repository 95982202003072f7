import { projectPath } from '@lienthong/config';
import {
  BadRequestException,
  Controller,
  Get,
  Header,
  Inject,
  NotFoundException,
  Param,
  Query,
  Res,
  Sse,
  UseGuards,
  type MessageEvent,
} from '@nestjs/common';
import type { Response } from 'express';
import { distinctUntilChanged, from, map, merge, shareReplay, switchMap, timer, type Observable } from 'rxjs';
import { KPI_OPTIONS, type KpiModuleOptions } from './kpi-options';
import { KpiReport } from './kpi-report';
import { KpiQueries } from './kpi-queries';
import { Period } from './period';
import { rankingCsv } from './ranking-csv';
import { SCORING_TABLE } from './scoring-table';
import { ViewerGuard } from './viewer.guard';

const AGENCY_CODE = /^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$/;
const publicFile = (name: string) => projectPath('libs', 'operations', 'kpi', 'src', 'public', name);
const PAGE = publicFile('index.html');
const NATIONAL_PAGE = publicFile('national.html');
const ASSETS: Record<string, string> = {
  'kpi-page.js': publicFile('kpi-page.js'),
  'dashboard.js': publicFile('dashboard.js'),
  'national.js': publicFile('national.js'),
  'dashboard.css': publicFile('dashboard.css'),
  // The chart library from node_modules: the page loads nothing from outside.
  'echarts.min.js': projectPath('node_modules', 'echarts', 'dist', 'echarts.min.js'),
};

function agencyCode(code: string): string {
  if (!AGENCY_CODE.test(code)) throw new BadRequestException(`not an agency code: "${code}"`);
  return code;
}

/**
 * The KPI dashboard under /kpi: the page (public, read-only), its JSON and CSV API, live updates as
 * server-sent events, and one agency's overdue dossiers for holders of a viewer token.
 */
@Controller('kpi')
export class KpiController {
  private readonly live: Observable<MessageEvent>;

  constructor(
    private readonly report: KpiReport,
    queries: KpiQueries,
    @Inject(KPI_OPTIONS) private readonly options: KpiModuleOptions,
  ) {
    // One poll of each marker per second for every open page of this process: the projection's, and
    // the national scoring data's (a poller of any replica stored changed figures).
    const projection = timer(0, options.liveIntervalMs).pipe(
      switchMap(() => from(queries.progress())),
      distinctUntilChanged((a, b) => a.version === b.version),
      map((progress): MessageEvent => ({ type: 'projection', data: progress })),
      shareReplay({ bufferSize: 1, refCount: true }),
    );
    const national = timer(0, options.liveIntervalMs).pipe(
      switchMap(() => from(queries.nationalMark())),
      distinctUntilChanged((a, b) => a.fetchId === b.fetchId),
      map((mark): MessageEvent => ({ type: 'national', data: mark })),
      shareReplay({ bufferSize: 1, refCount: true }),
    );
    // Each page gets the last message of both at once, then every new one.
    this.live = merge(projection, national);
  }

  @Get()
  page(@Res() response: Response): void {
    response.sendFile(PAGE);
  }

  @Get('agency/:code')
  agencyPage(@Param('code') code: string, @Res() response: Response): void {
    agencyCode(code);
    response.sendFile(PAGE);
  }

  /** The national score beside the city's own, per agency (its API comes with the national-score lib). */
  @Get('national')
  nationalPage(@Res() response: Response): void {
    response.sendFile(NATIONAL_PAGE);
  }

  @Get('national/agency/:code')
  nationalAgencyPage(@Param('code') code: string, @Res() response: Response): void {
    agencyCode(code);
    response.sendFile(NATIONAL_PAGE);
  }

  @Get('assets/:file')
  asset(@Param('file') file: string, @Res() response: Response): void {
    const path = ASSETS[file];
    if (!path) throw new NotFoundException();
    response.sendFile(path, { maxAge: file === 'echarts.min.js' ? 86_400_000 : 0 });
  }

  /** The scoring table: groups, items, points and rules (what the page explains). */
  @Get('api/scoring')
  scoring() {
    return SCORING_TABLE.map(({ items, ...group }) => ({
      ...group,
      items: items.map(({ rate, ...item }) => ({ ...item, measured: !!rate })),
    }));
  }

  /** Where the pages link to: the console, for a dossier's trace and its re-sync. */
  @Get('api/links')
  links() {
    return { console: this.options.consoleUrl };
  }

  @Get('api/ranking')
  ranking(@Query('from') from?: string, @Query('to') to?: string) {
    return this.report.ranking(Period.parse(from, to));
  }

  @Get('api/ranking.csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  async rankingCsv(@Res() response: Response, @Query('from') from?: string, @Query('to') to?: string) {
    const period = Period.parse(from, to);
    response.setHeader('Content-Disposition', `attachment; filename="kpi-${period.from}-${period.to}.csv"`);
    response.send(rankingCsv(await this.report.ranking(period)));
  }

  @Get('api/series')
  series(@Query('from') from?: string, @Query('to') to?: string, @Query('agency') agency?: string) {
    return this.report.series(Period.parse(from, to), agency ? agencyCode(agency) : undefined);
  }

  @Get('api/agencies/:code')
  async agency(@Param('code') code: string, @Query('from') from?: string, @Query('to') to?: string) {
    const period = Period.parse(from, to);
    const report = await this.report.agency(agencyCode(code), period);
    if (!report)
      throw new NotFoundException(`agency ${code} received no dossier from ${period.from} to ${period.to}`);
    return { period: period.toJSON(), ...report };
  }

  /** Dossier codes: a viewer token is needed. */
  @Get('api/agencies/:code/overdue')
  @UseGuards(ViewerGuard)
  async overdue(@Param('code') code: string) {
    const now = Date.now();
    const dossiers = await this.report.overdueNow(agencyCode(code), now, this.options.overdueLimit);
    return { agencyCode: code, at: new Date(now).toISOString(), dossiers };
  }

  /** A message each time the projection commits a batch; the page then reloads its numbers. */
  @Sse('api/live')
  liveUpdates(): Observable<MessageEvent> {
    return this.live;
  }
}
