import { num, port, str, type ConfigOf } from '@lienthong/config';
import { nationalScoreConfigSpec } from '@lienthong/national-score';

/** The KPI module's settings, with the national scoring data it polls and compares (NATIONAL_SCORE_*). */
export const kpiConfigSpec = {
  ...nationalScoreConfigSpec,
  KPI_GROUP_ID: str({
    default: 'lienthong.kpi',
    desc: 'Kafka consumer group of the KPI projection of dossier.v1 (all replicas share it)',
  }),
  KPI_PROJECTION: str({
    default: 'on',
    choices: ['on', 'off'],
    desc: 'Whether this app projects dossier.v1 into the read model ("off" serves the dashboard only, from the same PostgreSQL)',
    example: 'off',
  }),
  KPI_SYNC_MARK_MS: num({
    default: 5000,
    desc: 'How often the projection marks the dossiers the national portal now holds (item "synced to the portal")',
  }),
  KPI_OVERDUE_LIMIT: num({
    default: 500,
    desc: "Most overdue dossiers one agency's drill-down lists",
  }),
  KPI_CONSOLE_URL: str({
    default: 'http://127.0.0.1:8080',
    example: 'https://lienthong.hanoi.gov.vn/console',
    desc: "The console's base URL as an operator's browser reaches it: the national comparison links each dossier of a drift cause to its trace there (and its re-sync)",
  }),
};

export const dashboardConfigSpec = {
  DASHBOARD_HTTP_PORT: port({
    default: 8084,
    desc: 'Port of the KPI dashboard (page, API, live updates, /health, /metrics)',
  }),
};

/** What the dashboard app reads beside Kafka and the database. */
export const dashboardModuleConfigSpec = { ...kpiConfigSpec, ...dashboardConfigSpec };

export type KpiConfig = ConfigOf<typeof kpiConfigSpec>;

/** Injection token of the KPI module's settings, read once by the app. */
export const KPI_CONFIG = Symbol('KPI_CONFIG');
