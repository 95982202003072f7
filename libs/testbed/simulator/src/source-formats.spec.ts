import { mapSourceEvent, SOURCE_MAPPERS } from '@lienthong/sources';
import { motcuaLifecycle } from './motcua-lifecycle';
import type { MotcuaEvent } from '@lienthong/schemas';
import { SIMULATED_SYSTEMS } from './source-formats';

describe('simulated events of every source', () => {
  const formats = Object.fromEntries(
    SIMULATED_SYSTEMS.map(({ system, encode }) => [system, (event: MotcuaEvent) => encode(event).value]),
  );

  it.each(SOURCE_MAPPERS.map((mapper) => ({ system: mapper.system, mapper })))(
    'are valid $system events',
    ({ system, mapper }) => {
      const events = Array.from({ length: 50 }, (_, serial) =>
        motcuaLifecycle(serial + 1, Date.now()),
      ).flat();
      const rejections = events
        .map((event) => mapSourceEvent(mapper, Buffer.from(formats[system](event))))
        .flatMap((result) => (result.ok ? [] : [result.rejection.message]));
      expect(rejections).toEqual([]);
    },
  );

  it('keep one dossier in the same status across formats', () => {
    const [event] = motcuaLifecycle(7, Date.now());
    const statuses = SOURCE_MAPPERS.map((mapper) =>
      mapSourceEvent(mapper, Buffer.from(formats[mapper.system](event))),
    );
    expect(statuses.map((result) => result.ok && result.dossier.status)).toEqual([1, 1, 1]);
  });
});
