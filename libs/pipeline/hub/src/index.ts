export { HubModule, hubHttp } from './hub.module';
export { hubConfigSpec, hubModuleConfigSpec, HUB_CONFIG, type HubConfig } from './hub.config';
export { HubPipeline, STALE_HEADER } from './hub-pipeline';
export { RoutePrivacy } from './route-privacy';
export { DossierMemory } from './dossier-memory';
