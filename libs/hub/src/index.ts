export { HubModule, hubModuleConfigSpec } from './hub.module';
export { HubPipeline, STALE_HEADER, type Router } from './hub-pipeline';
export { hubConfigSpec, type HubConfig } from './hub.config';
