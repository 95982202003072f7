export { HubModule, hubModuleConfigSpec } from './hub.module';
export { STALE_HEADER } from './hub-pipeline';
