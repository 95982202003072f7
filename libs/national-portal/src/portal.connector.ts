import type { Connector, Delivered, TargetState } from '@lienthong/connector-runtime';
import type { DossierEvent } from '@lienthong/schemas';
import { AlreadyExistsError, NotFoundAtPortalError, type PortalClient } from './portal-client';
import { toPortalDossier, toPortalProgress } from './to-portal';

/**
 * The national portal: a dossier is created once, then updated; each event's processing step is sent
 * as a progress record; several events of a dossier at once send only the newest record. A create the portal answers with "đã tồn tại" becomes an update, and an
 * update of a dossier the portal lost becomes a create.
 */
export class PortalConnector implements Connector {
  static readonly connectorName = 'national-portal';
  readonly name = PortalConnector.connectorName;

  constructor(private readonly portal: PortalClient) {}

  deliver(dossier: DossierEvent, previous: TargetState | undefined): Promise<Delivered> {
    return this.deliverSeveral([dossier], previous);
  }

  /** The newest record once, then every event's processing step (chunked by the client). */
  async deliverSeveral(dossiers: DossierEvent[], previous: TargetState | undefined): Promise<Delivered> {
    const newest = dossiers[dossiers.length - 1];
    const record = toPortalDossier(newest);
    const answer = await this.upsert(record, previous?.created === true);
    const progress = dossiers.map(toPortalProgress).filter((step) => step !== undefined);
    if (progress.length > 0) await this.portal.updateProgress(progress);
    return {
      state: { lastSequence: newest.provenance.sequence, status: newest.status, created: true, record },
      answer,
    };
  }

  private async upsert(
    record: ReturnType<typeof toPortalDossier>,
    believedCreated: boolean,
  ): Promise<unknown> {
    try {
      return await this.portal.syncDossiers([record], believedCreated);
    } catch (error) {
      if (!believedCreated && error instanceof AlreadyExistsError)
        return this.portal.syncDossiers([record], true);
      if (believedCreated && error instanceof NotFoundAtPortalError)
        return this.portal.syncDossiers([record], false);
      throw error;
    }
  }
}
