import type { Connector, Delivered, FollowedFacts, Intake, TargetState } from '@lienthong/connector-runtime';
import type { IncomingRecord } from '@lienthong/kafka';
import type { DossierEvent, PortalDossier } from '@lienthong/schemas';
import type { PaymentConfirmations } from './payment-confirmations';
import type { PopulationChecks } from './population-checks';
import { AlreadyExistsError, NotFoundAtPortalError, type PortalClient } from './portal-client';
import type { ProgressHistory } from './progress-history';
import { toPortalDossier, toPortalProgress, withNationalPayment, withPopulationCheck } from './to-portal';

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
  /** The facts a record carries beyond its dossier's events, kept before or after it is at the portal. */
  readonly follows: FollowedFacts[];

  constructor(
    /** dossier events with the whole applicant opened (the `clear` profile): the portal publishes it. */
    readonly intake: Intake<DossierEvent>,
    private readonly portal: PortalClient,
    private readonly syncBatchSize: number,
    private readonly populationChecks: PopulationChecks,
    private readonly paymentConfirmations: PaymentConfirmations,
    private readonly history: ProgressHistory,
    followed: {
      /** The population connector's outcomes (DSKetNoiCSDL). */
      identityVerified: string;
      /** The payment connector's payments (DuocThanhToanTrucTuyen 1, DanhSachLePhi paid online). */
      payment: string;
    },
  ) {
    const amend = (previous: TargetState) => this.amend(previous);
    this.follows = [
      {
        topic: followed.identityVerified,
        keep: (records: IncomingRecord[]) => this.populationChecks.keep(records),
        amend,
      },
      {
        topic: followed.payment,
        keep: (records: IncomingRecord[]) => this.paymentConfirmations.keep(records),
        amend,
      },
    ];
  }

  async deliver(dossier: DossierEvent, previous: TargetState | undefined): Promise<Delivered> {
    const [delivered] = await this.deliverMany([{ dossiers: [dossier], previous }]);
    return delivered;
  }

  async deliverMany(items: PortalItem[]): Promise<Delivered[]> {
    const newest = items.map(({ dossiers }) => dossiers[dossiers.length - 1]);
    const codes = newest.map((dossier) => dossier.dossierCode);
    const [verified, paid] = await Promise.all([
      this.populationChecks.verifiedAmong(codes),
      this.paymentConfirmations.confirmedAmong(codes),
    ]);
    const records = newest.map((dossier) =>
      toPortalDossier(dossier, {
        populationVerified: verified.has(dossier.dossierCode),
        nationalPaymentConfirmed: paid.has(dossier.dossierCode),
      }),
    );
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
    await this.sendProgress(items.flatMap(({ dossiers }) => dossiers));
    return items.map(({ dossiers }, index) => {
      const newest = dossiers[dossiers.length - 1];
      const record = records[index];
      return {
        state: { lastSequence: newest.provenance.sequence, status: newest.status, created: true, record },
        answer: answers.get(record),
      };
    });
  }

  /** A late step still reaches the portal as a progress record; the newer record stays. */
  async deliverStale(dossiers: DossierEvent[]): Promise<unknown> {
    return this.sendProgress(dossiers);
  }

  /** Each event's progress record, kept once the portal took it: the status history a restore sends again. */
  private async sendProgress(dossiers: DossierEvent[]): Promise<unknown> {
    if (dossiers.length === 0) return [];
    const steps = dossiers.map((dossier) => ({ dossier, record: toPortalProgress(dossier) }));
    const answers = await this.portal.updateProgress(steps.map(({ record }) => record));
    await this.history.recordSent(steps);
    return answers;
  }

  /**
   * The held record with every followed fact it lacks: the population check (or no longer has it),
   * the national platform's payment confirmation; sent as an update.
   */
  private async amend(previous: TargetState): Promise<Delivered | undefined> {
    const held = previous.record as PortalDossier;
    const [verified, paid] = await Promise.all([
      this.populationChecks.verifiedAmong([held.MaHoSo]),
      this.paymentConfirmations.confirmedAmong([held.MaHoSo]),
    ]);
    const checked = withPopulationCheck(held, verified.has(held.MaHoSo));
    const record = paid.has(held.MaHoSo) ? withNationalPayment(checked) : checked;
    if (record === held) return undefined;
    const answer = await this.portal.syncDossiers([record], true);
    return { state: { ...previous, record }, answer };
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
