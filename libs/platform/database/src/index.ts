export { databaseConfigSpec, migrateConfigSpec } from './database.config';
export { Database } from './database';
export { Retention, type RetentionRule } from './retention';
export { AdvisoryLocks } from './advisory-locks';
export { isDataError } from './data-errors';
