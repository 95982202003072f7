import { GtvtMapper } from './gtvt/gtvt.mapper';
import { HotichMapper } from './hotich/hotich.mapper';
import { MotcuaMapper } from './motcua/motcua.mapper';
import type { SourceMapper } from './source-mapper';

/** Every source system the hub understands. Registering a new one is one line here. */
export const SOURCE_MAPPERS: readonly SourceMapper[] = [
  new MotcuaMapper(),
  new HotichMapper(),
  new GtvtMapper(),
] as SourceMapper[];
