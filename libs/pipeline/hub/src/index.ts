export { HubModule, hubHttp } from './hub.module';
export { hubConfigSpec, hubModuleConfigSpec, HUB_CONFIG, type HubConfig } from './hub.config';
export { HubPipeline } from './hub-pipeline';
export { DossierPrivacy } from './dossier-privacy';
export {
  HubStateStore,
  StateBatch,
  encodeDossierState,
  decodeDossierState,
  eventHash,
  dayOf,
  type DossierState,
} from './hub-state';
export { HubStateSync, type HubState, type HubStateSyncOptions } from './hub-state-sync';
