import type { KafkaConnection } from '@lienthong/kafka';
import type { Producer } from 'kafkajs';
import type { Delivered } from '../connector';
import { delivered, skipped } from '../connector-metrics';
import type { DeliveryLedger, LedgerEntry } from '../delivery-ledger';
import type { DossierRecord, PendingDossier } from '../dossier-record';
import type { PermanentError } from '../errors';
import type { LedgerSnapshot } from '../plan/plan-deliveries';

/**
 * Everything written about a delivery's outcome: the ledger's rows (what the target holds, what was
 * attempted, skipped or refused), the events a delivery produces for other steps, and the counters.
 */
export class DeliveryRecords {
  constructor(
    private readonly connector: string,
    private readonly ledger: DeliveryLedger,
    private readonly kafka: KafkaConnection,
    private readonly producer: () => Producer,
  ) {}

  /** What the ledger holds about a batch's events and their dossiers; counts those handled before. */
  async snapshot(events: DossierRecord<unknown>[]): Promise<LedgerSnapshot> {
    const handled = await this.ledger.alreadyHandled(events.map(({ key }) => key));
    if (handled.size > 0) skipped.inc({ connector: this.connector, why: 'duplicate' }, handled.size);
    const codes = [...new Set(events.map(({ key }) => key.subject))];
    return { handled, atTarget: await this.ledger.dossiers(codes) };
  }

  /** Notes, before a call, the newest event of each dossier that may reach the target from now on. */
  async attempting(items: PendingDossier<unknown>[]): Promise<void> {
    await this.ledger.markAttempted(
      items.map(({ events }) => ({
        dossierCode: events[0].key.subject,
        sequence: events[events.length - 1].key.sequence,
      })),
    );
  }

  /** Publishes what the outcomes produce, then records them (one Delivered per item, in order). */
  async delivered(items: PendingDossier<unknown>[], results: Delivered[], attempts: number): Promise<void> {
    const publish = results.flatMap((result) => result.publish ?? []);
    if (publish.length > 0) await this.kafka.send(this.producer(), publish);
    await this.ledger.recordDelivered(
      items.map((item, index) => ({
        entries: item.events.map((event) => ({ ...toEntry(event), attempts })),
        delivered: results[index],
      })),
    );
    delivered.inc(
      { connector: this.connector },
      items.reduce((sum, item) => sum + item.events.length, 0),
    );
  }

  /** Events older than what the target holds, with what the connector added of them there. */
  async skippedStale(events: DossierRecord<unknown>[], history: unknown): Promise<void> {
    skipped.inc({ connector: this.connector, why: 'stale' }, events.length);
    await this.ledger.recordNotDelivered(events.map(toEntry), 'skipped_stale', {
      skipped: 'older than the target holds',
      history,
    });
  }

  /** Events the target refused; a replay tries them again. */
  async refused(events: DossierRecord<unknown>[], error: PermanentError, attempts = 0): Promise<void> {
    await this.ledger.recordNotDelivered(
      events.map((event) => ({ ...toEntry(event), attempts })),
      'failed',
      { code: error.code, message: error.message },
    );
  }
}

function toEntry({ key }: DossierRecord<unknown>): LedgerEntry {
  return { ...key, attempts: 0 };
}
