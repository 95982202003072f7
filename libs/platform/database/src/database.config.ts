import { bool, databaseUrl, str, type ConfigOf } from '@lienthong/config';

export const databaseConfigSpec = {
  DATABASE_URL: databaseUrl({
    // The local development server (npm start, tests); production refuses it, and any user with no password.
    default: 'postgres://postgres@127.0.0.1:5432/test',
    desc: 'PostgreSQL connection URL for state, ledger and audit; in production the apps role (see DATABASE_MIGRATE), a user with a password',
    example: 'postgres://lienthong_app:secret@db:5432/lienthong',
  }),
  DATABASE_SCHEMA: str({
    default: 'lienthong',
    desc: 'PostgreSQL schema holding Lienthong tables (created if missing)',
  }),
  DATABASE_MIGRATE: bool({
    default: true,
    desc: 'Run the migrations at start-up. false where the apps connect as a role that may not change the schema: `lienthong migrate` runs them once as the owner, and an app whose schema is behind refuses to start',
  }),
};

/** What `lienthong migrate` reads beside the connection, which must be the owner's. */
export const migrateConfigSpec = {
  ...databaseConfigSpec,
  DATABASE_APP_ROLE: str({
    default: '',
    desc: 'The role the apps connect as, granted what they need after migrating: the schema, DML on its tables, on audit_log only SELECT and INSERT. Empty: grant nothing',
    example: 'lienthong_app',
  }),
};

export type DatabaseConfig = ConfigOf<typeof databaseConfigSpec>;
