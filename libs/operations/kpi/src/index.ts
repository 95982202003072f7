export { SCORING_MAX, SCORING_TABLE, type ScoringGroup, type ScoringItem } from './scoring-table';
export { scorePeriod, type GroupScore, type ItemScore, type ItemState, type Score } from './score';
export { applyEvent, endTime, isOnTime, type DossierFacts } from './dossier-facts';
export { periodCounts, type PeriodCounts } from './period-counts';
export {
  kpiConfigSpec,
  dashboardConfigSpec,
  dashboardModuleConfigSpec,
  KPI_CONFIG,
  type KpiConfig,
} from './kpi.config';
export { KpiModule, DashboardModule } from './kpi.module';
export { KpiQueries } from './kpi-queries';
export { KpiStore } from './kpi-store';
export { KpiProjection } from './kpi-projection';
export {
  NationalComparison,
  type NationalOverview,
  type AgencyComparison,
} from './national/national-comparison';
export { publishDrift } from './national/drift-gauge';
export { PortalFactsWriter } from './national/portal-facts';
