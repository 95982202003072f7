import { readConfig } from '@lienthong/config';
import { runMain, runUntilSignal, startApp } from '@lienthong/bootstrap';
import { DatabaseModule, databaseConfigSpec } from '@lienthong/database';
import { KafkaModule, kafkaConfigSpec } from '@lienthong/kafka';
import { DashboardModule, dashboardModuleConfigSpec } from '@lienthong/kpi';

runMain(async () => {
  const dashboard = readConfig(dashboardModuleConfigSpec);
  runUntilSignal([
    await startApp(
      'dashboard',
      [
        KafkaModule.forRoot(readConfig(kafkaConfigSpec)),
        DatabaseModule.forRoot(readConfig(databaseConfigSpec)),
        DashboardModule.register(dashboard),
      ],
      { port: dashboard.DASHBOARD_HTTP_PORT },
    ),
  ]);
});
