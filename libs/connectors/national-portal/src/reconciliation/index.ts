export { Reconciler, ReconciliationBusyError, type ReconcileOptions } from './reconciler';
export { reconciliationSchedule } from './reconciliation-schedule';
export { differingFields, type ReconciliationReport, type DriftFound } from './reconciliation-report';
export { latestFindingsAmong, type Finding } from './reconciliation-findings';
