export type { SourceMapper } from './source-mapper';
export { SOURCE_MAPPERS } from './registry';
export { mapSourceEvent, MAX_EVENT_BYTES, type MappingResult } from './map-source-event';
export { RejectionError, RejectionReason } from './rejection';
export { MotcuaMapper } from './motcua/motcua.mapper';
export { MOTCUA_STATUS, MOTCUA_CHANNEL, MOTCUA_APPLICANT_TYPE } from './motcua/motcua.codes';
export { HotichMapper } from './hotich/hotich.mapper';
export { GtvtMapper } from './gtvt/gtvt.mapper';
