export { HubModule, hubModuleConfigSpec } from './hub.module';
export { HubPipeline, STALE_HEADER } from './hub-pipeline';
export { DossierMemory } from './dossier-memory';
