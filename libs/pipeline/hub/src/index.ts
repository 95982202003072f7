export { HubModule, hubHttp } from './hub.module';
export { hubConfigSpec, hubModuleConfigSpec, HUB_CONFIG, type HubConfig } from './hub.config';
export { HubPipeline } from './hub-pipeline';
export { DossierPrivacy } from './dossier-privacy';
export { DossierMemory, hubDossierStateOf, type HubDossierState } from './dossier-memory';
