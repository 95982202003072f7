import { readConfig } from '@lienthong/config';
import { runMain, runUntilSignal, startApp } from '@lienthong/bootstrap';
import { DashboardModule, dashboardModuleConfigSpec } from '@lienthong/kpi';

runMain(async () => {
  const { DASHBOARD_HTTP_PORT } = readConfig(dashboardModuleConfigSpec);
  runUntilSignal([await startApp('dashboard', DashboardModule.register(), { port: DASHBOARD_HTTP_PORT })]);
});
