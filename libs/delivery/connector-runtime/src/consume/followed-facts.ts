import type { Logger } from '@lienthong/observability';
import type { Amendments } from '../amendments';
import type { FollowedFacts } from '../connector';
import type { HandleBatch } from './consumers';

/**
 * Followed facts: kept first, then each dossier already at the target is amended in its turn. A
 * refusal leaves the fact kept for the dossier's next delivery; a target that stays down fails the
 * batch, which Kafka then hands back.
 */
export function amendingFromFacts(
  follows: FollowedFacts,
  amendments: Amendments,
  logger: Logger,
): HandleBatch {
  return async (records, heartbeat) => {
    const codes = [...new Set(await follows.keep(records))];
    if (codes.length === 0) return;
    const outcomes = await amendments.amend(codes, (previous) => follows.amend(previous), heartbeat);
    for (const [dossierCode, amended] of outcomes) {
      if (amended.outcome !== 'refused') continue;
      logger.warn(
        { dossierCode, err: amended.error },
        'target refused an amendment; kept for the next delivery',
      );
    }
  };
}
