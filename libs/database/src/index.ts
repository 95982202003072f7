export { databaseConfigSpec, type DatabaseConfig } from './database.config';
export { Database } from './database';
