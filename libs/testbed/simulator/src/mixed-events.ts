import { motcuaLifecycle } from './motcua-lifecycle';
import { SIMULATED_SYSTEMS } from './source-formats';

export interface GeneratedEvent {
  topic: string;
  key: string;
  value: string;
  /** The source's own event id, as it comes back in provenance.sourceEventId. */
  eventId: string;
}

/** Realistic mixed traffic: whole dossier lifecycles, spread over the three source systems. */
export function* mixedEvents(
  count: number,
  sourceTopic: (system: string) => string,
  firstSerial = 1,
): Generator<GeneratedEvent> {
  let produced = 0;
  for (let serial = firstSerial; produced < count; serial++) {
    const { system, encode } = SIMULATED_SYSTEMS[serial % SIMULATED_SYSTEMS.length];
    for (const event of motcuaLifecycle(serial, Date.now() - 30 * 86_400_000, Math.random, system)) {
      if (produced++ >= count) return;
      yield { topic: sourceTopic(system), key: event.hoSo.maHoSo, ...encode(event) };
    }
  }
}
