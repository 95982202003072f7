import { SharedResource } from '@lienthong/bootstrap';
import {
  Global,
  Inject,
  Module,
  type DynamicModule,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { Database } from './database';
import type { DatabaseConfig } from './database.config';

const DATABASE_LIFETIME = Symbol('DATABASE_LIFETIME');
/** The database settings (`DATABASE_SCHEMA` names this deployment, e.g. in the audit anchor). */
export const DATABASE_CONFIG = Symbol('DATABASE_CONFIG');

/**
 * PostgreSQL for an app: one `Database` (pool), injected by class, migrated (or checked) before any
 * service starts. Import the same `forRoot(...)` result into several apps of one process and they share
 * the one pool, migrated once.
 *
 * Global modules run their init hooks before, and their shutdown hooks after, every other module's
 * (@nestjs/core sets their distance to the maximum): `prepare()` runs in `onModuleInit`, before any
 * `onApplicationBootstrap` starts a service, and the pool closes after every service has stopped.
 */
@Global()
@Module({})
export class DatabaseModule implements OnModuleInit, OnApplicationShutdown {
  constructor(
    private readonly database: Database,
    @Inject(DATABASE_LIFETIME) private readonly lifetime: SharedResource<Database>,
  ) {}

  static forRoot(config: DatabaseConfig): DynamicModule {
    const lifetime = new SharedResource({
      open: () => new Database(config),
      prepare: (database: Database) => database.prepare(),
      close: (database: Database) => database.close(),
    });
    return {
      module: DatabaseModule,
      global: true,
      providers: [
        { provide: DATABASE_LIFETIME, useValue: lifetime },
        // A plain copy: Nest probes provider values for lifecycle hooks, which the strict config object refuses.
        { provide: DATABASE_CONFIG, useValue: { ...config } },
        { provide: Database, useFactory: () => lifetime.get() },
      ],
      exports: [Database, DATABASE_CONFIG],
    };
  }

  onModuleInit(): Promise<void> {
    return this.lifetime.acquire(this.database);
  }

  onApplicationShutdown(): Promise<void> {
    return this.lifetime.release(this.database);
  }
}
