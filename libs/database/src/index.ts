export { databaseConfigSpec } from './database.config';
export { Database } from './database';
