import type { Topics } from '@lienthong/kafka';

export type TrailKind = 'source' | 'canonical' | 'route' | 'retry' | 'dead_letter';

/** Where a topic sits in the flow: its kind and stage (a source system, `hub`, or a connector). */
export interface TopicPlace {
  kind: TrailKind;
  stage: string;
}

/** Every topic the console follows, with its place: built from the same names the hub and connectors use. */
export function topicPlaces(
  topics: Topics,
  sources: string[],
  connectors: string[],
  retryLevels: number,
): Map<string, TopicPlace> {
  const places = new Map<string, TopicPlace>();
  for (const system of sources) places.set(topics.source(system), { kind: 'source', stage: system });
  places.set(topics.dossier, { kind: 'canonical', stage: 'hub' });
  places.set(topics.deadLetter('hub'), { kind: 'dead_letter', stage: 'hub' });
  for (const connector of connectors) {
    places.set(topics.route(connector), { kind: 'route', stage: connector });
    for (let level = 1; level <= retryLevels; level += 1) {
      places.set(topics.retry(connector, level), { kind: 'retry', stage: connector });
    }
    places.set(topics.deadLetter(connector), { kind: 'dead_letter', stage: connector });
  }
  return places;
}
