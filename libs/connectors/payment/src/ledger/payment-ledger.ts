import type { Database } from '@lienthong/database';
import type { PaymentRequest } from '@lienthong/schemas';
import type { PaymentState } from '../payment-state';
import { totalOf } from '../payment-messages';
import { paymentReference } from '../payment-reference';
import { paymentTime } from '../payment-time';
import { recordChange } from './payment-outbox';
import { PAYMENT_COLUMNS, paymentRecordOf, type PaymentRecord, type PaymentRow } from './payment-record';
import { settleLocked, type Settled, type Settlement, type SettlementFact } from './settle-locked';

export type { Settled, Settlement } from './settle-locked';

/** A callback refused, as kept for the operator (table `payment_refused_callbacks`). */
export interface RefusedCallbackRecord {
  reason: string;
  reference?: string;
  /** The body as received, without its MaXacThuc. */
  body: Readonly<Record<string, unknown>>;
  remoteAddress?: string;
}

/** The first attempt at a request; a new attempt after a failure is not made by this connector yet. */
const FIRST_ATTEMPT = 1;

/**
 * The payments ledger (migration 020), the one place a payment's state changes. Every change goes
 * through `settle`, which locks the payment's row for the decision: two replicas, or a callback racing a
 * QUERY, never both apply a settlement. Each change writes its payment.v1 event to the outbox
 * (migration 022) in the same transaction; PaymentEventRelay publishes it. A payment made paid is
 * queued for its receipt in that transaction too (migration 023; PaymentReceipts fetches it).
 */
export class PaymentLedger {
  constructor(private readonly database: Database) {}

  /**
   * Records the payment of a request, once: the same requestId again finds the payment recorded first
   * (`created` false), with its reference and INIT time, so that a repeated INIT is the same INIT.
   */
  async recordInitiation(
    request: PaymentRequest,
    at: Date,
  ): Promise<{ payment: PaymentRecord; created: boolean }> {
    const inserted = await this.database.transaction(async (client) => {
      const { rows } = await client.query<PaymentRow>(
        `INSERT INTO payments (request_id, reference, attempt, dossier_code, amount, channel, state,
         thoi_gian_gd, initiated_at)
       VALUES ($1, $2, $3, $4, $5, $6, 'initiated', $7, $8)
       ON CONFLICT (request_id) DO NOTHING
       RETURNING ${PAYMENT_COLUMNS}`,
        [
          request.requestId,
          paymentReference(request.requestId, FIRST_ATTEMPT),
          FIRST_ATTEMPT,
          request.dossierCode,
          totalOf(request),
          request.channel,
          paymentTime(at),
          at,
        ],
      );
      const recorded = rows[0] && paymentRecordOf(rows[0]);
      // A provincial payment is initiated as recorded; a national one once the platform gave its URL.
      if (recorded && recorded.channel !== 'national') await recordChange(client, recorded, at);
      return recorded;
    });
    if (inserted) return { payment: inserted, created: true };
    const held = await this.byRequestId(request.requestId);
    if (!held) throw new Error(`payment of request ${request.requestId} neither inserted nor found`);
    return { payment: held, created: false };
  }

  /**
   * The platform created the transaction: where the citizen pays, and the payment's initiated event.
   * Only once, and only while still initiated (a callback may have settled it first).
   */
  async markCreated(
    requestId: string,
    paymentUrl: string,
    at: Date = new Date(),
  ): Promise<PaymentRecord | undefined> {
    return this.database.transaction(async (client) => {
      const { rows } = await client.query<PaymentRow>(
        `UPDATE payments SET payment_url = $2, updated_at = now()
         WHERE request_id = $1 AND state = 'initiated' AND payment_url IS NULL
         RETURNING ${PAYMENT_COLUMNS}`,
        [requestId, paymentUrl],
      );
      const marked = rows[0] && paymentRecordOf(rows[0]);
      if (marked) await recordChange(client, marked, at);
      return marked;
    });
  }

  /**
   * Applies a fact to the payment of a reference exactly once: the row is locked while `decide` (pure,
   * fed the payment as held, undefined when none is) chooses the transition, and written only on a move.
   */
  async settle(
    reference: string,
    decide: (held: PaymentRecord | undefined) => Settlement | undefined,
    at: Date = new Date(),
  ): Promise<Settled> {
    const [settled] = await this.settleAll([{ reference, decide, at }]);
    return settled;
  }

  /**
   * Applies many facts in one transaction, each as `settle` would, in order (a burst of callbacks:
   * SettlementBatches): one commit for all of them. Answers what each found and made.
   */
  async settleAll(facts: readonly SettlementFact[]): Promise<Settled[]> {
    return this.database.transaction((client) => settleLocked(client, facts));
  }

  /** National payments still initiated, INIT made between `since` and `before` (oldest first). */
  async initiatedBetween(since: Date, before: Date): Promise<PaymentRecord[]> {
    return this.list(
      `state = 'initiated' AND channel = 'national' AND initiated_at >= $1 AND initiated_at < $2`,
      [since, before],
    );
  }

  /** The latest payments in these states, the most recently changed first (the console's lists). */
  async latestIn(states: readonly PaymentState[], limit: number): Promise<PaymentRecord[]> {
    const rows = await this.database.query<PaymentRow>(
      `SELECT ${PAYMENT_COLUMNS} FROM payments WHERE state = ANY($1)
       ORDER BY updated_at DESC, reference LIMIT $2`,
      [states, limit],
    );
    return rows.map(paymentRecordOf);
  }

  async byReference(reference: string): Promise<PaymentRecord | undefined> {
    return (await this.list('reference = $1', [reference]))[0];
  }

  async byRequestId(requestId: string): Promise<PaymentRecord | undefined> {
    return (await this.list('request_id = $1', [requestId]))[0];
  }

  /** Every payment of a dossier, oldest first. */
  async paymentsOf(dossierCode: string): Promise<PaymentRecord[]> {
    return this.list('dossier_code = $1', [dossierCode]);
  }

  /** Keeps a refused callback for the operator. */
  async keepRefusedCallback(refused: RefusedCallbackRecord): Promise<void> {
    const body = Object.fromEntries(Object.entries(refused.body).filter(([name]) => name !== 'MaXacThuc'));
    await this.database.query(
      `INSERT INTO payment_refused_callbacks (reason, reference, body, remote_address)
       VALUES ($1, $2, $3, $4)`,
      [refused.reason, refused.reference ?? null, JSON.stringify(body), refused.remoteAddress ?? null],
    );
  }

  /** The latest refused callbacks, newest first. */
  async refusedCallbacks(limit = 100): Promise<(RefusedCallbackRecord & { receivedAt: Date })[]> {
    const rows = await this.database.query<{
      reason: string;
      reference: string | null;
      body: Record<string, unknown>;
      remote_address: string | null;
      received_at: Date;
    }>(
      `SELECT reason, reference, body, remote_address, received_at FROM payment_refused_callbacks
       ORDER BY id DESC LIMIT $1`,
      [limit],
    );
    return rows.map((row) => ({
      reason: row.reason,
      reference: row.reference ?? undefined,
      body: row.body,
      remoteAddress: row.remote_address ?? undefined,
      receivedAt: row.received_at,
    }));
  }

  private async list(where: string, params: unknown[]): Promise<PaymentRecord[]> {
    const rows = await this.database.query<PaymentRow>(
      `SELECT ${PAYMENT_COLUMNS} FROM payments WHERE ${where} ORDER BY initiated_at, reference`,
      params,
    );
    return rows.map(paymentRecordOf);
  }
}
