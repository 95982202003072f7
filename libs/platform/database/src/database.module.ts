import { SharedResource, SharedResourceModule } from '@lienthong/bootstrap';
import { Global, Inject, Module, type DynamicModule } from '@nestjs/common';
import { Database } from './database';
import type { DatabaseConfig } from './database.config';

const DATABASE_LIFETIME = Symbol('DATABASE_LIFETIME');
/** The database settings (`DATABASE_SCHEMA` names this deployment, e.g. in the audit anchor). */
export const DATABASE_CONFIG = Symbol('DATABASE_CONFIG');

/**
 * PostgreSQL for an app: one `Database` (pool), injected by class, migrated (or checked) before any
 * service starts. Import the same `forRoot(...)` result into several apps of one process and they share
 * the one pool, migrated once.
 * `prepare()` runs before any service starts; the pool closes after every service has stopped.
 */
@Global()
@Module({})
export class DatabaseModule extends SharedResourceModule<Database> {
  constructor(database: Database, @Inject(DATABASE_LIFETIME) lifetime: SharedResource<Database>) {
    super(database, lifetime);
  }

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
}
