import type { DossierEvent } from './generated/dossier.v1';

/** What names a source event: its system and the id that system gave it. */
export type SourceEventRef = Pick<DossierEvent['provenance'], 'sourceSystem' | 'sourceEventId'>;

/**
 * A source event's id across Lienthong, `motcua/E-1`: the hub's CloudEvents id, its memory of applied
 * events, the delivery ledger's keys and the console's trail all spell it this way, so one id found in
 * one place finds the event in every other. The console's trail stores it so: keep the separator.
 */
export function eventIdOf({ sourceSystem, sourceEventId }: SourceEventRef): string {
  return `${sourceSystem}/${sourceEventId}`;
}
