import type { Database } from '@lienthong/database';
import type { PaymentEvent } from '@lienthong/schemas';
import type { PoolClient } from 'pg';
import { recordEvents } from '../ledger/payment-outbox';
import {
  PAYMENT_COLUMNS,
  paymentRecordOf,
  type PaymentRecord,
  type PaymentRow,
} from '../ledger/payment-record';

/** What GET_BILL answered, as kept: the PDF, or the platform's JSON (OpenCPS's form). */
export type ReceiptType = 'application/pdf' | 'application/json';

export interface HeldReceipt {
  reference: string;
  contentType: ReceiptType;
  body: Buffer;
  fetchedAt: Date;
}

/** A paid payment whose receipt is still to fetch, and how many GET_BILLs were tried already. */
export interface ReceiptToFetch {
  payment: PaymentRecord;
  attempts: number;
}

/** A receipt still missing, as an operator sees it (console: payments awaiting their receipt). */
export interface MissingReceipt {
  reference: string;
  dossierCode: string;
  attempts: number;
  dueAt: Date;
  lastError?: string;
}

/** Queues the GET_BILL of a payment just made paid, on the client of the transaction that made it. */
export async function queueReceipts(client: PoolClient, references: readonly string[]): Promise<void> {
  if (references.length === 0) return;
  await client.query(
    `INSERT INTO payment_receipt_fetches (reference)
     SELECT unnest($1::text[]) ON CONFLICT (reference) DO NOTHING`,
    [references],
  );
}

/**
 * The receipts (table `payment_receipts`, migration 023) and the GET_BILLs still to make
 * (`payment_receipt_fetches`). A receipt is kept once, in the transaction that clears its fetch and
 * writes its payment.v1 receipt event into the outbox.
 */
export class PaymentReceiptStore {
  constructor(private readonly database: Database) {}

  /** The paid payments whose GET_BILL is due, the longest waiting first. */
  async due(now: Date, limit: number): Promise<ReceiptToFetch[]> {
    const rows = await this.database.query<PaymentRow & { fetch_attempts: number }>(
      `SELECT ${PAYMENT_COLUMNS}, queued.attempts AS fetch_attempts
       FROM payment_receipt_fetches queued JOIN payments USING (reference)
       WHERE queued.due_at <= $1 ORDER BY queued.due_at, reference LIMIT $2`,
      [now, limit],
    );
    return rows.map((row) => ({ payment: paymentRecordOf(row), attempts: row.fetch_attempts }));
  }

  /** Keeps a receipt and writes `event` (its payment.v1 receipt update); false when one was kept already. */
  async keep(
    reference: string,
    receipt: { contentType: ReceiptType; body: Buffer },
    event: PaymentEvent,
  ): Promise<boolean> {
    return this.database.transaction(async (client) => {
      const { rowCount } = await client.query(
        `INSERT INTO payment_receipts (reference, content_type, body) VALUES ($1, $2, $3)
         ON CONFLICT (reference) DO NOTHING`,
        [reference, receipt.contentType, receipt.body],
      );
      await client.query('DELETE FROM payment_receipt_fetches WHERE reference = $1', [reference]);
      if (rowCount === 0) return false;
      await recordEvents(client, [event]);
      return true;
    });
  }

  /** A GET_BILL failed: counted, its error kept for the operator, tried again at `nextAt`. */
  async postpone(reference: string, error: string, nextAt: Date): Promise<void> {
    await this.database.query(
      `UPDATE payment_receipt_fetches SET attempts = attempts + 1, due_at = $2, last_error = $3
       WHERE reference = $1`,
      [reference, nextAt, error.slice(0, 500)],
    );
  }

  async receiptOf(reference: string): Promise<HeldReceipt | undefined> {
    const [row] = await this.database.query<{ content_type: ReceiptType; body: Buffer; fetched_at: Date }>(
      'SELECT content_type, body, fetched_at FROM payment_receipts WHERE reference = $1',
      [reference],
    );
    return row && { reference, contentType: row.content_type, body: row.body, fetchedAt: row.fetched_at };
  }

  /** The receipts still missing, the longest waiting first. */
  async missing(limit: number): Promise<MissingReceipt[]> {
    const rows = await this.database.query<{
      reference: string;
      dossier_code: string;
      attempts: number;
      due_at: Date;
      last_error: string | null;
    }>(
      `SELECT reference, payments.dossier_code, queued.attempts, queued.due_at, queued.last_error
       FROM payment_receipt_fetches queued JOIN payments USING (reference)
       ORDER BY payments.settled_at NULLS FIRST, reference LIMIT $1`,
      [limit],
    );
    return rows.map((row) => ({
      reference: row.reference,
      dossierCode: row.dossier_code,
      attempts: row.attempts,
      dueAt: row.due_at,
      lastError: row.last_error ?? undefined,
    }));
  }
}
