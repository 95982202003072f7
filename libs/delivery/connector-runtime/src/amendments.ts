import type { Database } from '@lienthong/database';
import { createLogger } from '@lienthong/observability';
import type { Delivered, TargetState } from './connector';
import type { ConnectorRuntimeConfig } from './connector-runtime.config';
import { DeliveryLedger } from './delivery-ledger';
import { DossierTurns } from './dossier-turns';
import { PermanentError } from './errors';
import { inParallel } from './in-parallel';
import { TargetPolicy } from './target-policy';

/** What an amendment did to one dossier already at the target. */
export type Amended =
  | { outcome: 'amended' | 'in-line' | 'not-at-target' | 'in-doubt' }
  | { outcome: 'refused'; error: PermanentError };

/** Brings one dossier in line from what the ledger says the target holds; undefined when it already is. */
export type Amend = (previous: TargetState) => Promise<Delivered | undefined>;

/**
 * Changes to dossiers already at the target made outside their events' delivery (followed facts, a
 * reconciliation's re-send) go the way a delivery goes: under each dossier's turn across every replica,
 * with what the ledger holds read inside the turn, through the target policy (rate limit, retries,
 * breaker), and recorded in the ledger. A refusal is answered per dossier; a target that stays down
 * throws, and nothing after it is tried.
 */
export class Amendments {
  constructor(
    private readonly turns: DossierTurns,
    private readonly ledger: DeliveryLedger,
    private readonly policy: TargetPolicy,
    private readonly concurrency: number,
  ) {}

  async amend(codes: string[], amend: Amend, heartbeat: () => Promise<void>): Promise<Map<string, Amended>> {
    const outcomes = new Map<string, Amended>();
    await this.turns.runAll(codes, heartbeat, async () => {
      const atTarget = await this.ledger.dossiers(codes);
      await inParallel(codes, this.concurrency, async (code) => {
        const { previous, attempted } = atTarget.get(code) ?? { attempted: 0 };
        if (!previous?.created) {
          outcomes.set(code, { outcome: 'not-at-target' });
          return;
        }
        // A newer event may have reached the target with its answer lost: amending what the ledger holds
        // could send an older record over it. That event's redelivery brings the dossier in line.
        if (attempted > previous.lastSequence) {
          outcomes.set(code, { outcome: 'in-doubt' });
          return;
        }
        try {
          const amended = await this.policy.call(() => amend(previous), heartbeat);
          if (amended) await this.ledger.recordAmended(code, amended.state);
          outcomes.set(code, { outcome: amended ? 'amended' : 'in-line' });
        } catch (error) {
          if (!(error instanceof PermanentError)) throw error;
          outcomes.set(code, { outcome: 'refused', error });
        }
      });
    });
    return outcomes;
  }
}

/**
 * Amendments for a process that runs no consumers (an operator's CLI): the same turns, ledger and
 * target policy as the connector's replicas; nothing to pause when the target is down.
 */
export function standaloneAmendments(
  connector: string,
  database: Database,
  config: ConnectorRuntimeConfig,
): { amendments: Amendments; close: () => Promise<void> } {
  const turns = new DossierTurns(database.locks(database.dedicatedPool(2)), connector);
  const policy = new TargetPolicy(connector, config, createLogger('amendments', { connector }), {
    onDown: () => undefined,
    onUp: () => undefined,
  });
  return {
    amendments: new Amendments(
      turns,
      new DeliveryLedger(database, connector),
      policy,
      config.CONNECTOR_CONCURRENCY,
    ),
    close: () => turns.close(),
  };
}
