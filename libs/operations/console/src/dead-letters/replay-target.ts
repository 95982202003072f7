import type { Flow } from '../flow';

/** What a replay needs to know of a dead letter to decide where it may go. */
export interface ReplayOrigin {
  id: number;
  stage: string;
  sourceTopic: string | null;
}

/** Why a dead letter may not be replayed; the code is in the replay's answer (docs/dead-letter-reasons.md). */
export const ReplayRefusal = {
  NoSourceTopic: 'REPLAY_NO_SOURCE_TOPIC',
  UnknownSource: 'REPLAY_UNKNOWN_SOURCE',
  UnknownStage: 'REPLAY_UNKNOWN_STAGE',
  NotFromRoute: 'REPLAY_NOT_FROM_ROUTE',
} as const;

export type ReplayRefusal = (typeof ReplayRefusal)[keyof typeof ReplayRefusal];

export type ReplayTarget = { topic: string } | { code: ReplayRefusal; refused: string };

/** Longest part of a header quoted back in a refusal: the header is whatever the writer put there. */
const QUOTED = 120;

/**
 * Where a dead letter may be replayed to, computed from its stage and never taken from its headers as
 * such (anyone who can write to a dead-letter topic writes its headers): a hub dead letter goes back to
 * the source topic of a known source system, a connector's to its own route topic (the connector
 * starts its retry levels afresh) when it came from dossier.v1 (which every connector reads: a replay
 * there would reach them all again), that route or its retry topics. The answer must be a topic of the
 * flow; anything else is refused.
 */
export function replayTarget(letter: ReplayOrigin, flow: Flow): ReplayTarget {
  const named = JSON.stringify((letter.sourceTopic ?? '').slice(0, QUOTED));
  if (letter.stage === 'hub') {
    const system = flow.sources.find((name) => flow.topics.source(name) === letter.sourceTopic);
    if (system) return { topic: flow.topics.source(system) };
    return letter.sourceTopic
      ? {
          code: ReplayRefusal.UnknownSource,
          refused: `its source topic ${named} is not the topic of a known source system`,
        }
      : { code: ReplayRefusal.NoSourceTopic, refused: 'it names no source topic' };
  }
  if (!flow.connectors.includes(letter.stage)) {
    return {
      code: ReplayRefusal.UnknownStage,
      refused: `its stage ${JSON.stringify(letter.stage)} is neither the hub nor a known connector`,
    };
  }
  const route = flow.topics.route(letter.stage);
  // A connector also dead-letters what it takes in from elsewhere (the documents status inbox): that
  // never was a route message, so its route topic would only dead-letter it again.
  const inputs = [flow.topics.dossier, route, ...flow.retryTopics(letter.stage)];
  if (!inputs.includes(letter.sourceTopic ?? '')) {
    return {
      code: ReplayRefusal.NotFromRoute,
      refused: `it did not come from dossier.v1 or ${letter.stage}'s route or retry topics (${named}): fix it at its source`,
    };
  }
  return { topic: route };
}
