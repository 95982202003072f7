import type { ManagedService } from '@lienthong/bootstrap';
import { createLogger } from '@lienthong/observability';
import type { DocumentsExchangeClient } from './documents-exchange.client';
import type { DocumentsStore } from './documents.store';
import { parseEdxmlStatus } from './edxml-parser';
import { EdxmlRejection } from './edxml-rejection';
import type { InboxEntry } from './exchange.contract';

const logger = createLogger('documents-feedback');

/**
 * Reads the sender organ's status inbox at the exchange on an interval: records each status package in
 * PostgreSQL, then acknowledges it `done` so the exchange stops offering it. A status recorded but not
 * acknowledged (the exchange failed in between) is read again and recorded once: the message id is the key.
 */
export class DocumentsFeedbackPoller implements ManagedService {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = false;

  constructor(
    private readonly exchange: DocumentsExchangeClient,
    private readonly store: DocumentsStore,
    private readonly options: { organId: string; intervalMs: number },
  ) {}

  async start(): Promise<void> {
    this.stopped = false;
    this.schedule();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** One pass over the inbox; returns how many statuses were recorded and acknowledged. */
  async pollOnce(): Promise<number> {
    const entries = await this.exchange.inbox(this.options.organId, 'status');
    let handled = 0;
    for (const entry of entries) {
      if (this.stopped) break;
      if (await this.handle(entry)) handled += 1;
    }
    return handled;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.pollOnce()
        .then(() => undefined)
        .catch((error: unknown) => logger.warn({ err: error }, 'reading the status inbox failed; will retry'))
        .finally(() => this.schedule());
    }, this.options.intervalMs);
  }

  private async handle(entry: InboxEntry): Promise<boolean> {
    const where = { messageId: entry.id, documentId: entry.documentId };
    let status;
    try {
      status = parseEdxmlStatus(await this.exchange.fetch(entry.id));
    } catch (error) {
      if (!(error instanceof EdxmlRejection)) throw error;
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
    await this.store.recordStatus(entry.id, { ...status, responseFor });
    await this.exchange.acknowledge(entry.id, 'done');
    await this.store.recordAcknowledged(entry.id);
    logger.debug({ ...where, statusCode: status.statusCode }, 'status recorded and acknowledged');
    return true;
  }
}
