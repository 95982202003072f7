export { HubModule, hubModuleConfigSpec } from './hub.module';
export { HubPipeline } from './hub-pipeline';
export { RoutePrivacy } from './route-privacy';
export { DossierMemory, hubDossierStateOf, type HubDossierState } from './dossier-memory';
