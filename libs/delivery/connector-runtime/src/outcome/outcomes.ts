import { deadLetter, type IncomingRecord, type OutgoingRecord, type Topics } from '@lienthong/kafka';
import type { Logger } from '@lienthong/observability';
import type { ConnectorRuntimeConfig } from '../connector-runtime.config';
import { failed, retries } from '../connector-metrics';
import { locate, type DossierRecord } from '../dossier-record';
import type { PermanentError, RetriableError } from '../errors';
import type { DeliveryRecords } from '../record/delivery-records';
import { park, retryLevel } from './retry-parking';

/**
 * Where an event goes when it cannot be delivered now: parked on a retry topic (or, its levels used up,
 * dead-lettered) while the failure may pass; dead-lettered, and noted as failed in the ledger, when the
 * target refused it. Answers the records to send before the batch's offsets are committed.
 */
export class Outcomes {
  constructor(
    private readonly connector: string,
    private readonly topics: Topics,
    private readonly config: ConnectorRuntimeConfig,
    private readonly records: DeliveryRecords,
    private readonly logger: Logger,
  ) {}

  parked(event: DossierRecord<unknown>, error: RetriableError, attempts?: number): OutgoingRecord {
    const { record } = event;
    const parked = park(
      record,
      this.connector,
      this.topics,
      this.config.CONNECTOR_RETRY_DELAYS_S,
      error,
      this.config.CONNECTOR_HOLD_MAX_H * 3_600_000,
    );
    retries.inc({ connector: this.connector, level: String(retryLevel(record) + 1) });
    this.logger.warn(
      { ...locate(event), err: error, attempts, to: parked.topic },
      'delivery still failing; parked',
    );
    return parked;
  }

  /** Events the target refused: noted as failed (with the attempts made), then dead-lettered. */
  async refused(
    events: DossierRecord<unknown>[],
    error: PermanentError,
    attempts?: number,
  ): Promise<OutgoingRecord[]> {
    await this.records.refused(events, error, attempts);
    return events.map(({ record }) => this.deadLetter(record, error));
  }

  deadLetter(record: IncomingRecord, error: PermanentError): OutgoingRecord {
    failed.inc({ connector: this.connector, class: 'permanent', code: error.code });
    return deadLetter(this.topics.deadLetter(this.connector), this.connector, record, {
      reason: error.code,
      message: error.message,
    });
  }
}
