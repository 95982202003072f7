import { MotcuaMapper } from './motcua/motcua.mapper';
import type { SourceMapper } from './source-mapper';

/** Every source system the hub understands. Registering a new one is one line here. */
export const SOURCE_MAPPERS: readonly SourceMapper[] = [new MotcuaMapper()] as SourceMapper[];
