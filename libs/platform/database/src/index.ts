export { databaseConfigSpec, migrateConfigSpec, type DatabaseConfig } from './database.config';
export { DatabaseModule, DATABASE_CONFIG } from './database.module';
export { Database } from './database';
export { Retention, type RetentionRule } from './retention';
export { AdvisoryLocks } from './advisory-locks';
export { isDataError } from './data-errors';
