import type { PoolClient } from 'pg';
import type { Transition } from '../payment-state';
import { queueReceipts } from '../receipts/payment-receipt-store';
import { recordChanges, type Change } from './payment-outbox';
import { PAYMENT_COLUMNS, paymentRecordOf, type PaymentRecord, type PaymentRow } from './payment-record';

/** What a fact about a payment does to it, decided while the payment is locked. */
export interface Settlement {
  transition: Transition;
  platformTransactionId?: string;
  bank?: string;
  reason?: string;
  amountDiffers?: boolean;
}

/** What a settlement found, and what it made (`after` only when the state moved). */
export interface Settled {
  before?: PaymentRecord;
  after?: PaymentRecord;
}

/** One fact to apply to the payment of a reference: `decide` is pure, fed the payment as locked. */
export interface SettlementFact {
  reference: string;
  decide: (held: PaymentRecord | undefined) => Settlement | undefined;
  at: Date;
}

interface Move {
  fact: SettlementFact;
  before: PaymentRecord;
  settlement: Settlement;
}

/**
 * Applies facts in the transaction of `client`, in four statements however many there are: the
 * payments locked in reference order (two batches never wait on each other in a cycle), each fact
 * decided on its payment as it stands after the facts before it, every move written by one UPDATE,
 * their payment.v1 events by one outbox INSERT. Answers what each fact found and made, in order.
 */
export async function settleLocked(client: PoolClient, facts: readonly SettlementFact[]): Promise<Settled[]> {
  const references = [...new Set(facts.map(({ reference }) => reference))].sort();
  const { rows } = await client.query<PaymentRow>(
    `SELECT ${PAYMENT_COLUMNS} FROM payments WHERE reference = ANY($1) ORDER BY reference FOR UPDATE`,
    [references],
  );
  const current = new Map(rows.map((row) => [row.reference, paymentRecordOf(row)]));
  const moves = new Map<string, Move>();
  const decided = facts.map((fact) => {
    const before = current.get(fact.reference);
    const settlement = fact.decide(before);
    // Only an initiated payment moves (every other state is final): at most one move per payment.
    if (!before || settlement?.transition.kind !== 'move' || moves.has(fact.reference)) return { before };
    moves.set(fact.reference, { fact, before, settlement });
    // The facts after it (a repeated callback in the same batch) are decided on the state it moved to.
    current.set(fact.reference, { ...before, state: settlement.transition.to });
    return { before, moving: true };
  });
  const after = await writeMoves(client, [...moves.values()]);
  return decided.map(({ before, moving }, index) => {
    const moved = moving ? after.get(facts[index].reference) : undefined;
    return moved ? { before, after: moved } : { before };
  });
}

async function writeMoves(client: PoolClient, moves: Move[]): Promise<Map<string, PaymentRecord>> {
  if (moves.length === 0) return new Map();
  const column = <T>(value: (move: Move) => T) => moves.map(value);
  const { rows } = await client.query<PaymentRow>(
    // The moves' columns are named apart from the payments' so that every unqualified name is the payment's.
    `UPDATE payments SET state = m.to_state,
       platform_transaction_id = coalesce(m.transaction_id, platform_transaction_id),
       bank = coalesce(m.new_bank, bank), reason = coalesce(m.new_reason, reason),
       amount_differs = m.differs, settled_at = m.settled, updated_at = now()
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::boolean[],
       $8::timestamptz[]) AS m (ref, from_state, to_state, transaction_id, new_bank, new_reason, differs, settled)
     WHERE reference = m.ref AND state = m.from_state
     RETURNING ${PAYMENT_COLUMNS}`,
    [
      column(({ fact }) => fact.reference),
      column(({ before }) => before.state),
      column(({ settlement }) => (settlement.transition.kind === 'move' ? settlement.transition.to : null)),
      column(({ settlement }) => settlement.platformTransactionId || null),
      column(({ settlement }) => settlement.bank || null),
      column(({ settlement }) => settlement.reason || null),
      column(({ settlement }) => settlement.amountDiffers ?? false),
      column(({ fact }) => fact.at),
    ],
  );
  const after = new Map(rows.map((row) => [row.reference, paymentRecordOf(row)]));
  const changes: Change[] = [];
  for (const { fact, before } of moves) {
    const moved = after.get(fact.reference);
    if (!moved) continue;
    // A result may beat the INIT's answer here: the payment's initiated event still goes out first
    // (without the URL, which came too late to matter), so every payment reads initiated → final.
    const initiatedUnsaid =
      before.state === 'initiated' && before.channel === 'national' && !before.paymentUrl;
    if (initiatedUnsaid && moved.state !== 'refused') changes.push({ payment: before, at: fact.at });
    changes.push({ payment: moved, at: fact.at });
  }
  await recordChanges(client, changes);
  // A paid payment's receipt is queued with its change and fetched after the commit (PaymentReceipts).
  const paid = [...after.values()].filter((moved) => moved.state === 'paid' && moved.channel === 'national');
  await queueReceipts(
    client,
    paid.map((moved) => moved.reference),
  );
  return after;
}
