import type { PaymentLedger } from './payment-ledger';
import type { Settled, SettlementFact } from './settle-locked';

interface Waiting {
  fact: SettlementFact;
  resolve: (settled: Settled) => void;
  reject: (error: unknown) => void;
}

/** Facts in one transaction at most, and transactions at once (each holds a pool connection). */
const MAX_BATCH = 250;
const MAX_CONCURRENT = 4;

/**
 * Group commit of the callbacks' settlements. A settlement alone costs a transaction of five
 * statements and a commit (a disk flush); a burst of callbacks at that price is bound by the database's
 * round trips and flushes. Here the facts that arrive while transactions are running wait and go
 * together in the next one (`PaymentLedger.settleAll`, four statements however many), so one callback
 * alone is applied at once and a thousand share a few commits. Each caller gets its own fact's outcome;
 * a failed transaction fails every fact in it, and nothing of it was applied.
 */
export class SettlementBatches {
  private readonly waiting: Waiting[] = [];
  private running = 0;

  constructor(private readonly ledger: Pick<PaymentLedger, 'settleAll'>) {}

  settle(fact: SettlementFact): Promise<Settled> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ fact, resolve, reject });
      this.next();
    });
  }

  private next(): void {
    while (this.running < MAX_CONCURRENT && this.waiting.length > 0) {
      const batch = this.waiting.splice(0, MAX_BATCH);
      this.running++;
      this.ledger
        .settleAll(batch.map(({ fact }) => fact))
        .then(
          (settled) => batch.forEach(({ resolve }, index) => resolve(settled[index])),
          (error: unknown) => batch.forEach(({ reject }) => reject(error)),
        )
        .finally(() => {
          this.running--;
          this.next();
        });
    }
  }
}
