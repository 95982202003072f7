import { TokenStore } from '@lienthong/access';
import { ManagedServices, type ManagedService } from '@lienthong/bootstrap';
import { readConfig, type ConfigOf } from '@lienthong/config';
import { Database, databaseConfigSpec } from '@lienthong/database';
import { KafkaConnection, kafkaConfigSpec, Topics } from '@lienthong/kafka';
import { ObservabilityModule } from '@lienthong/observability';
import { Controller, Get, Module, Res, type DynamicModule, type Provider } from '@nestjs/common';
import type { Response } from 'express';
import { dashboardConfigSpec, kpiConfigSpec } from './kpi.config';
import { KpiController } from './kpi.controller';
import { KPI_OPTIONS, type KpiModuleOptions } from './kpi-options';
import { KpiProjection } from './kpi-projection';
import { KpiReport } from './kpi-report';
import { KpiQueries } from './kpi-queries';
import { KpiStore } from './kpi-store';
import { KPI_TOKENS, ViewerGuard } from './viewer.guard';

export const kpiModuleConfigSpec = { ...kafkaConfigSpec, ...databaseConfigSpec, ...kpiConfigSpec };
export const dashboardModuleConfigSpec = { ...kpiModuleConfigSpec, ...dashboardConfigSpec };

type KpiModuleConfig = ConfigOf<typeof kpiModuleConfigSpec>;
const KPI_CONFIG = Symbol('KPI_CONFIG');
/** The KPI module's own pool and broker connection (an app that mounts it keeps its own). */
const KPI_DATABASE = Symbol('KPI_DATABASE');
const KPI_KAFKA = Symbol('KPI_KAFKA');

function providers(config: KpiModuleConfig): Provider[] {
  const projecting = config.KPI_PROJECTION === 'on';
  return [
    // A plain copy: envalid's object throws on the unknown keys Nest probes (onModuleInit).
    { provide: KPI_CONFIG, useValue: { ...config } },
    { provide: KPI_DATABASE, useFactory: (c: KpiModuleConfig) => new Database(c), inject: [KPI_CONFIG] },
    {
      provide: KPI_KAFKA,
      useFactory: (c: KpiModuleConfig) => (projecting ? new KafkaConnection(c) : null),
      inject: [KPI_CONFIG],
    },
    { provide: KpiStore, useFactory: (database: Database) => new KpiStore(database), inject: [KPI_DATABASE] },
    {
      provide: KpiQueries,
      useFactory: (database: Database) => new KpiQueries(database),
      inject: [KPI_DATABASE],
    },
    { provide: KpiReport, useFactory: (queries: KpiQueries) => new KpiReport(queries), inject: [KpiQueries] },
    {
      provide: KPI_TOKENS,
      useFactory: (database: Database) => new TokenStore(database),
      inject: [KPI_DATABASE],
    },
    {
      provide: KPI_OPTIONS,
      useValue: { overdueLimit: config.KPI_OVERDUE_LIMIT, liveIntervalMs: 1000 } satisfies KpiModuleOptions,
    },
    ViewerGuard,
    {
      provide: ManagedServices,
      useFactory: (database: Database, kafka: KafkaConnection | null, store: KpiStore) => {
        const services: ManagedService[] = [
          { start: () => database.prepare(), stop: () => database.close() },
        ];
        if (kafka) {
          const topics = new Topics(config.KAFKA_TOPIC_PREFIX);
          services.push(
            { stop: () => kafka.close() },
            new KpiProjection(kafka, topics, store, {
              groupId: topics.group(config.KPI_GROUP_ID),
              syncMarkMs: config.KPI_SYNC_MARK_MS,
            }),
          );
        }
        return new ManagedServices(services);
      },
      inject: [KPI_DATABASE, KPI_KAFKA, KpiStore],
    },
  ];
}

/**
 * The city's KPI dashboard scored the national way: the projection of dossier.v1 (unless
 * KPI_PROJECTION=off), the read model's queries and the /kpi page and API. Mount it in any Nest app
 * (the console: `imports: [KpiModule.register()]`); it brings no /health or /metrics of its own.
 */
@Module({})
export class KpiModule {
  static register(env: NodeJS.ProcessEnv = process.env): DynamicModule {
    const config = readConfig(kpiModuleConfigSpec, env);
    return { module: KpiModule, controllers: [KpiController], providers: providers(config) };
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
  static register(env: NodeJS.ProcessEnv = process.env): DynamicModule {
    const config = readConfig(dashboardModuleConfigSpec, env);
    const kpi = KpiModule.register(env);
    // Readiness is checked on a pool of its own: the module's pool closes with the module.
    const health = new Database(config);
    return {
      module: DashboardModule,
      imports: [kpi, ObservabilityModule.register([{ name: 'postgres', check: () => health.ping() }])],
      controllers: [DashboardRootController],
      providers: [
        { provide: ManagedServices, useValue: new ManagedServices([{ stop: () => health.close() }]) },
      ],
    };
  }
}
