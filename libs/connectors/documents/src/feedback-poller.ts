import { PeriodicTask, type ManagedService } from '@lienthong/bootstrap';
import { isDataError } from '@lienthong/database';
import { createLogger } from '@lienthong/observability';
import type { DocumentsExchangeClient } from './documents-exchange.client';
import type { DocumentsStore } from './documents.store';
import { parseEdxmlStatus } from './edxml-parser';
import { EdxmlRejection } from './edxml-rejection';
import type { EdxmlStatus } from './edxml.contract';
import type { InboxEntry } from './exchange.contract';
import { StatusDeadLetterReason, type StatusDeadLetters } from './status-dead-letters';

const logger = createLogger('documents-feedback');

/** The longest error message a dead letter carries: a parser's message may quote the package. */
const MESSAGE_MAX = 500;

/**
 * Reads the sender organ's status inbox at the exchange on an interval: records each status package in
 * PostgreSQL, then acknowledges it `done` so the exchange stops offering it. A status recorded but not
 * acknowledged (the exchange failed in between) is read again and recorded once: the message id is the key.
 * A package that cannot be taken in is acknowledged `fail` and skipped from then on, so it never stalls
 * the packages behind it: a refused one (EdxmlRejection) is logged; any other (a parser giving up, a
 * value PostgreSQL refuses) is dead-lettered with its reason first.
 */
export class DocumentsFeedbackPoller implements ManagedService {
  private readonly task: PeriodicTask;

  constructor(
    private readonly exchange: DocumentsExchangeClient,
    private readonly store: DocumentsStore,
    private readonly deadLetters: StatusDeadLetters,
    private readonly options: { organId: string; intervalMs: number },
  ) {
    this.task = new PeriodicTask({
      name: 'documents-feedback',
      everyMs: options.intervalMs,
      run: (signal) => this.pollOnce(signal),
    });
  }

  async start(): Promise<void> {
    await this.task.start();
  }

  async stop(): Promise<void> {
    await this.task.stop();
  }

  /** One pass over the inbox, ending early once `signal` aborts; returns how many statuses were recorded and acknowledged. */
  async pollOnce(signal?: AbortSignal): Promise<number> {
    const entries = await this.exchange.inbox(this.options.organId, 'status');
    let handled = 0;
    for (const entry of entries) {
      if (signal?.aborted) break;
      // Acknowledged `fail` by this poller on an earlier pass: refused, or dead-lettered.
      if (entry.ack === 'fail') continue;
      if (await this.handle(entry)) handled += 1;
    }
    return handled;
  }

  private async handle(entry: InboxEntry): Promise<boolean> {
    const where = { messageId: entry.id, documentId: entry.documentId };
    let xml: string;
    try {
      xml = await this.exchange.fetch(entry.id);
    } catch (error) {
      // Larger than any answer is let be (HTTP_MAX_ANSWER_BYTES): reading it again fails again.
      if ((error as { code?: unknown }).code !== 'HTTP_ANSWER_TOO_LARGE') throw error;
      return this.setAside(entry, '', StatusDeadLetterReason.TooLarge, error);
    }
    let status: EdxmlStatus;
    try {
      status = parseEdxmlStatus(xml);
    } catch (error) {
      if (!(error instanceof EdxmlRejection)) {
        return this.setAside(entry, xml, StatusDeadLetterReason.Unreadable, error);
      }
      // A malformed status will not get better by reading it again: tell the exchange and move on.
      logger.error({ ...where, reason: error.message }, 'unreadable status package; acknowledged as fail');
      await this.exchange.acknowledge(entry.id, 'fail');
      return false;
    }
    const { responseFor } = status;
    if (!responseFor) {
      logger.error(where, 'status package names no document; acknowledged as fail');
      await this.exchange.acknowledge(entry.id, 'fail');
      return false;
    }
    try {
      await this.store.recordStatus(entry.id, { ...status, responseFor });
    } catch (error) {
      if (!isDataError(error)) throw error;
      return this.setAside(entry, xml, StatusDeadLetterReason.Unstorable, error);
    }
    await this.exchange.acknowledge(entry.id, 'done');
    await this.store.recordAcknowledged(entry.id);
    logger.debug({ ...where, statusCode: status.statusCode }, 'status recorded and acknowledged');
    return true;
  }

  /** Dead-letters the package before acknowledging it `fail`: a crash in between dead-letters it again, never loses it. */
  private async setAside(
    entry: InboxEntry,
    xml: string,
    reason: StatusDeadLetterReason,
    error: unknown,
  ): Promise<false> {
    const message = `status package ${entry.id}: ${error instanceof Error ? error.message : String(error)}`;
    const key = (await this.store.dossierCodeOf(entry.documentId)) ?? entry.documentId;
    await this.deadLetters.write(entry, xml, key, { reason, message: message.slice(0, MESSAGE_MAX) });
    await this.exchange.acknowledge(entry.id, 'fail');
    logger.error(
      { messageId: entry.id, documentId: entry.documentId, reason },
      'status package set aside: dead-lettered and acknowledged as fail',
    );
    return false;
  }
}
