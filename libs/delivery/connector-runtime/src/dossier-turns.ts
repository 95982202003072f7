import type { AdvisoryLocks } from '@lienthong/database';

/**
 * A dossier's turn at one connector's target, across every replica and process: the route and retry
 * consumers of two replicas may hold events of one dossier at once, and the target must see them one
 * at a time. A turn is a PostgreSQL advisory lock, so a replica that dies gives its turns back.
 */
export class DossierTurns {
  constructor(
    private readonly locks: AdvisoryLocks,
    private readonly connector: string,
  ) {}

  /** Runs work holding every dossier's turn; while another holder has one, waits and keeps the consumer alive. */
  runAll<T>(codes: string[], whileWaiting: () => Promise<void>, work: () => Promise<T>): Promise<T> {
    return this.locks.holdAll(`dossier-turn:${this.connector}`, codes, whileWaiting, work);
  }

  close(): Promise<void> {
    return this.locks.close();
  }
}
