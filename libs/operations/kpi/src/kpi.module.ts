import { TokenStore } from '@lienthong/access';
import { ManagedServices } from '@lienthong/bootstrap';
import { Database } from '@lienthong/database';
import { KafkaConnection, Topics } from '@lienthong/kafka';
import { nationalScore, NationalScoreReader } from '@lienthong/national-score';
import { ObservabilityModule } from '@lienthong/observability';
import { Controller, Get, Module, Res, type DynamicModule } from '@nestjs/common';
import type { Response } from 'express';
import { KPI_CONFIG, type KpiConfig } from './kpi.config';
import { KpiController } from './kpi.controller';
import { KPI_OPTIONS, type KpiModuleOptions } from './kpi-options';
import { KpiProjection } from './kpi-projection';
import { KpiReport } from './kpi-report';
import { KpiQueries } from './kpi-queries';
import { KpiStore } from './kpi-store';
import { DriftGauge } from './national/drift-gauge';
import { NationalComparison } from './national/national-comparison';
import { NationalController } from './national/national.controller';
import { KPI_TOKENS, ViewerGuard } from './viewer.guard';

/**
 * The city's KPI dashboard scored the national way: the projection of dossier.v1 (unless
 * KPI_PROJECTION=off), the read model's queries and the /kpi page and API. Mount it in any Nest app
 * beside `KafkaModule` and `DatabaseModule`; it brings no /health or /metrics of its own.
 */
@Module({})
export class KpiModule {
  static register(config: KpiConfig): DynamicModule {
    return {
      module: KpiModule,
      controllers: [KpiController, NationalController],
      providers: [
        // A plain copy: Nest probes provider values for lifecycle hooks, which the strict config object refuses.
        { provide: KPI_CONFIG, useValue: { ...config } },
        { provide: KpiStore, useFactory: (database: Database) => new KpiStore(database), inject: [Database] },
        {
          provide: KpiQueries,
          useFactory: (database: Database) => new KpiQueries(database),
          inject: [Database],
        },
        {
          provide: KpiReport,
          useFactory: (queries: KpiQueries) => new KpiReport(queries),
          inject: [KpiQueries],
        },
        {
          provide: KPI_TOKENS,
          useFactory: (database: Database) => new TokenStore(database),
          inject: [Database],
        },
        {
          provide: KPI_OPTIONS,
          useFactory: (c: KpiConfig): KpiModuleOptions => ({
            overdueLimit: c.KPI_OVERDUE_LIMIT,
            liveIntervalMs: 1000,
            consoleUrl: c.KPI_CONSOLE_URL.replace(/\/+$/, ''),
          }),
          inject: [KPI_CONFIG],
        },
        ViewerGuard,
        {
          provide: NationalComparison,
          useFactory: (c: KpiConfig, database: Database, queries: KpiQueries, report: KpiReport) =>
            new NationalComparison(database, queries, report, new NationalScoreReader(database), {
              mapping: c.NATIONAL_SCORE_AGENCIES,
              rootDepartmentId: c.NATIONAL_SCORE_ROOT_DEPARTMENT_ID,
            }),
          inject: [KPI_CONFIG, Database, KpiQueries, KpiReport],
        },
        {
          provide: ManagedServices,
          useFactory: (
            c: KpiConfig,
            kafka: KafkaConnection,
            topics: Topics,
            store: KpiStore,
            database: Database,
            comparison: NationalComparison,
          ) =>
            new ManagedServices([
              ...(c.KPI_PROJECTION === 'on'
                ? [
                    new KpiProjection(kafka, topics, store, {
                      groupId: topics.group(c.KPI_GROUP_ID),
                      syncMarkMs: c.KPI_SYNC_MARK_MS,
                    }),
                  ]
                : []),
              // The national scoring data is polled only when its URL is set; the drift gauge then follows it.
              ...(c.NATIONAL_SCORE_URL
                ? [
                    nationalScore(c, database).schedule,
                    new DriftGauge(comparison, new NationalScoreReader(database)),
                  ]
                : []),
            ]),
          inject: [KPI_CONFIG, KafkaConnection, Topics, KpiStore, Database, NationalComparison],
        },
      ],
    };
  }
}

@Controller()
class DashboardRootController {
  @Get()
  root(@Res() response: Response): void {
    response.redirect('/kpi');
  }
}

/** The dashboard as an app of its own: the KPI module, `/` to the page, `/health` and `/metrics`. */
@Module({})
export class DashboardModule {
  static register(config: KpiConfig): DynamicModule {
    return {
      module: DashboardModule,
      imports: [KpiModule.register(config), ObservabilityModule.register({ postgres: Database })],
      controllers: [DashboardRootController],
    };
  }
}
