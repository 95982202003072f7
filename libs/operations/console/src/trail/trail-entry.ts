import { DeadLetterHeader, type IncomingRecord } from '@lienthong/kafka';
import { eventIdOf, type DossierEvent } from '@lienthong/schemas';
import { mapSourceEvent, type SourceMapper } from '@lienthong/sources';
import type { TopicPlace } from './topic-map';

/** What the console keeps of one message: where it is, what dossier event it carries. */
export interface TrailEntry {
  topic: string;
  partition: number;
  offset: string;
  kind: TopicPlace['kind'];
  stage: string;
  dossierCode: string | null;
  eventId: string | null;
  sourceSystem: string | null;
  sequence: number | null;
  status: number | null;
  at: Date;
  headers: Record<string, string>;
}

interface Facts {
  dossierCode: string | null;
  eventId: string | null;
  sourceSystem: string | null;
  sequence: number | null;
  status: number | null;
}

const NO_FACTS: Facts = {
  dossierCode: null,
  eventId: null,
  sourceSystem: null,
  sequence: null,
  status: null,
};

/**
 * Reads one message the way its stage wrote it: a source event through its system's mapper (so the
 * dossier code is the payload's, as the hub sees it), anything downstream as a dossier.v1 event. A
 * message that cannot be read still has a place in the trail, under its Kafka key.
 */
export function toTrailEntry(
  record: IncomingRecord,
  place: TopicPlace,
  mappers: ReadonlyMap<string, SourceMapper>,
  sourceSystemOf: (topic: string) => string | undefined,
): TrailEntry {
  let facts: Facts;
  if (place.kind === 'source') {
    facts = fromSource(record, mappers.get(place.stage));
  } else if (place.kind === 'dead_letter' && place.stage === 'hub') {
    const system = sourceSystemOf(record.headers[DeadLetterHeader.SourceTopic] ?? '');
    facts = fromSource(record, system ? mappers.get(system) : undefined);
  } else {
    facts = fromDossier(record.value);
  }
  return {
    topic: record.topic,
    partition: record.partition,
    offset: record.offset,
    kind: place.kind,
    stage: place.stage,
    ...facts,
    dossierCode: facts.dossierCode ?? record.key?.toString() ?? null,
    at: new Date(Number(record.timestamp)),
    headers: record.headers,
  };
}

function fromSource(record: IncomingRecord, mapper: SourceMapper | undefined): Facts {
  if (!mapper) return NO_FACTS;
  const result = mapSourceEvent(mapper, record.value);
  if (!result.ok) return { ...NO_FACTS, sourceSystem: mapper.system };
  return factsOf(result.dossier);
}

function fromDossier(value: Buffer | null): Facts {
  try {
    const dossier = JSON.parse(value?.toString('utf8') ?? '') as DossierEvent;
    if (typeof dossier?.dossierCode !== 'string' || typeof dossier.provenance !== 'object') return NO_FACTS;
    return factsOf(dossier);
  } catch {
    return NO_FACTS;
  }
}

function factsOf(dossier: DossierEvent): Facts {
  const { sourceSystem, sourceEventId, sequence } = dossier.provenance;
  return {
    dossierCode: dossier.dossierCode,
    eventId: eventIdOf({ sourceSystem, sourceEventId }),
    sourceSystem,
    sequence: Number.isSafeInteger(sequence) ? sequence : null,
    status: typeof dossier.status === 'number' ? dossier.status : null,
  };
}
