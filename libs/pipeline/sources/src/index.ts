export type { SourceMapper } from './source-mapper';
export { SOURCE_MAPPERS } from './registry';
export { mapSourceEvent } from './map-source-event';
export { MotcuaMapper } from './motcua/motcua.mapper';
export { RejectionReason } from './rejection';
export { isCalendarDate, normalizeAgencyCode } from './normalize';
