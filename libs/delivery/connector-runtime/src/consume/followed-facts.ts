import type { IncomingRecord } from '@lienthong/kafka';
import type { Logger } from '@lienthong/observability';
import type { Amendments } from '../amendments';
import type { FollowedFacts } from '../connector';
import type { HandleBatch } from './consumers';

/**
 * Followed facts, several topics through one consumer: a batch (one topic's partition) is kept by the
 * facts of its topic first, then each dossier already at the target is amended in its turn. A refusal
 * leaves the fact kept for the dossier's next delivery; a target that stays down fails the batch,
 * which Kafka then hands back.
 */
export function amendingFromFacts(
  follows: readonly FollowedFacts[],
  amendments: Amendments,
  logger: Logger,
): HandleBatch {
  const byTopic = new Map(follows.map((facts) => [facts.topic, facts]));
  return async (records, heartbeat) => {
    for (const [topic, ofTopic] of recordsByTopic(records)) {
      const facts = byTopic.get(topic)!;
      const codes = [...new Set(await facts.keep(ofTopic))];
      if (codes.length === 0) continue;
      const outcomes = await amendments.amend(codes, (previous) => facts.amend(previous), heartbeat);
      for (const [dossierCode, amended] of outcomes) {
        if (amended.outcome !== 'refused') continue;
        logger.warn(
          { topic, dossierCode, err: amended.error },
          'target refused an amendment; kept for the next delivery',
        );
      }
    }
  };
}

function recordsByTopic(records: IncomingRecord[]): Map<string, IncomingRecord[]> {
  const grouped = new Map<string, IncomingRecord[]>();
  for (const record of records) {
    const ofTopic = grouped.get(record.topic);
    if (ofTopic) ofTopic.push(record);
    else grouped.set(record.topic, [record]);
  }
  return grouped;
}
