import { databaseUrl, str, type ConfigOf } from '@lienthong/config';

export const databaseConfigSpec = {
  DATABASE_URL: databaseUrl({
    // The local development server (npm start, tests); production refuses it, and any user with no password.
    default: 'postgres://postgres@127.0.0.1:5432/test',
    desc: 'PostgreSQL connection URL for state, ledger and audit; with NODE_ENV=production a user with a password',
    example: 'postgres://lienthong:secret@db:5432/lienthong',
  }),
  DATABASE_SCHEMA: str({
    default: 'lienthong',
    desc: 'PostgreSQL schema holding Lienthong tables (created if missing)',
  }),
};

export type DatabaseConfig = ConfigOf<typeof databaseConfigSpec>;
