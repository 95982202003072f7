export { Hub } from './hub';
export { HubModule, hubModuleConfigSpec } from './hub.module';
export { HubPipeline, type Router } from './hub-pipeline';
export { hubConfigSpec, type HubConfig } from './hub.config';
