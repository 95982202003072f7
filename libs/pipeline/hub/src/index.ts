export { HubModule, hubHttp } from './hub.module';
export { hubConfigSpec, hubModuleConfigSpec, HUB_CONFIG, type HubConfig } from './hub.config';
export { HubPipeline } from './hub-pipeline';
export { RoutePrivacy } from './route-privacy';
export { DossierMemory, hubDossierStateOf, type HubDossierState } from './dossier-memory';
