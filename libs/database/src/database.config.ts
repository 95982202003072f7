import { str, type ConfigOf } from '@lienthong/config';

export const databaseConfigSpec = {
  DATABASE_URL: str({
    default: 'postgres://postgres@127.0.0.1:5432/test',
    desc: 'PostgreSQL connection URL for state, ledger and audit',
    example: 'postgres://lienthong:secret@db:5432/lienthong',
  }),
  DATABASE_SCHEMA: str({
    default: 'lienthong',
    desc: 'PostgreSQL schema holding Lienthong tables (created if missing)',
  }),
};

export type DatabaseConfig = ConfigOf<typeof databaseConfigSpec>;
