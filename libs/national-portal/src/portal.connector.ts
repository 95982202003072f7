import type { Connector, Delivered, TargetState } from '@lienthong/connector-runtime';
import type { DossierEvent, PortalDossier } from '@lienthong/schemas';
import { AlreadyExistsError, NotFoundAtPortalError, type PortalClient } from './portal-client';
import { toPortalDossier, toPortalProgress } from './to-portal';

type PortalItem = { dossiers: DossierEvent[]; previous: TargetState | undefined };

/**
 * The national portal: a dossier is created once, then updated, and each event's processing step is
 * sent as a progress record. Several events of a dossier send only its newest record; several dossiers
 * go in one DongBoHoSoMC call (creates and updates apart). A single create the portal answers with
 * "đã tồn tại" becomes an update, and an update of a dossier the portal lost becomes a create.
 */
export class PortalConnector implements Connector {
  static readonly connectorName = 'national-portal';
  readonly name = PortalConnector.connectorName;

  constructor(
    private readonly portal: PortalClient,
    private readonly syncBatchSize: number,
  ) {}

  async deliver(dossier: DossierEvent, previous: TargetState | undefined): Promise<Delivered> {
    const [delivered] = await this.deliverMany([{ dossiers: [dossier], previous }]);
    return delivered;
  }

  async deliverMany(items: PortalItem[]): Promise<Delivered[]> {
    const records = items.map(({ dossiers }) => toPortalDossier(dossiers[dossiers.length - 1]));
    const answers = new Map<PortalDossier, unknown>();
    for (const believedCreated of [false, true]) {
      const group = records.filter(
        (_, index) => (items[index].previous?.created === true) === believedCreated,
      );
      for (let start = 0; start < group.length; start += this.syncBatchSize) {
        const chunk = group.slice(start, start + this.syncBatchSize);
        const answer = await this.upsert(chunk, believedCreated);
        for (const record of chunk) answers.set(record, answer);
      }
    }
    const progress = items.flatMap(({ dossiers }) =>
      dossiers.map(toPortalProgress).filter((step) => step !== undefined),
    );
    if (progress.length > 0) await this.portal.updateProgress(progress);
    return items.map(({ dossiers }, index) => {
      const newest = dossiers[dossiers.length - 1];
      const record = records[index];
      return {
        state: { lastSequence: newest.provenance.sequence, status: newest.status, created: true, record },
        answer: answers.get(record),
      };
    });
  }

  /** A refused chunk of several dossiers fails as a whole; the runtime then sends them one by one. */
  private async upsert(records: PortalDossier[], believedCreated: boolean): Promise<unknown> {
    try {
      return await this.portal.syncDossiers(records, believedCreated);
    } catch (error) {
      if (records.length > 1) throw error;
      if (!believedCreated && error instanceof AlreadyExistsError)
        return this.portal.syncDossiers(records, true);
      if (believedCreated && error instanceof NotFoundAtPortalError)
        return this.portal.syncDossiers(records, false);
      throw error;
    }
  }
}
