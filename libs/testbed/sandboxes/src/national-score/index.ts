export { NationalScoreSandboxModule, type NationalScoreSandboxOptions } from './national-score.module';
export { nationalScoreSandboxConfigSpec, type NationalScoreSandboxConfig } from './national-score.config';
export type { SyncedDossier, SyncedDossierReader } from './synced-dossier';
export { portalAppReader, portalHttpReader } from './synced-dossier-readers';
export type { DriftOrder, DossierSelection } from './score-drift';
