import type { PlatformMessageBody } from './payment-platform.contract';

export type Settlement = 'pending' | 'paid' | 'failed';

/** What became of a transaction's result callback. */
export type CallbackFate = 'not-yet' | 'sending' | 'delivered' | 'lost' | 'failed';

/** One transaction as the platform holds it. */
export interface HeldTransaction {
  reference: string;
  partner: string;
  amount: number;
  description: string;
  /** The INIT's ThoiGianGD. */
  initTime: string;
  /** What a repeated INIT must match to be the same request (see PaymentSandboxService). */
  content: string;
  receipt: PlatformMessageBody;
  paymentUrl: string;
  /** How many INITs for this reference were accepted: more than one is a repeat. */
  inits: number;
  state: Settlement;
  transactionId?: string;
  bank?: string;
  /** ThoiGianGD of the result. */
  settledTime?: string;
  callback: { fate: CallbackFate; attempts: number; lastAnswer?: string };
}

const emptyCounts = () => ({
  inits: 0,
  /** A repeated INIT with the same content, answered as the first. */
  repeatsAnswered: 0,
  /** A repeated INIT with other content, refused. */
  duplicatesRefused: 0,
  checksumRefused: 0,
  invalidRefused: 0,
  queries: 0,
  bills: 0,
  settled: { paid: 0, failed: 0 },
  callbacks: { sent: 0, lost: 0, failed: 0, attempts: 0 },
});
export type PaymentSandboxCounts = ReturnType<typeof emptyCounts>;

/** The platform's transactions, in memory: they live as long as the sandbox process. */
export class PaymentSandboxStore {
  private readonly transactions = new Map<string, HeldTransaction>();
  readonly counts: PaymentSandboxCounts = emptyCounts();

  get(reference: string): HeldTransaction | undefined {
    return this.transactions.get(reference);
  }

  add(transaction: HeldTransaction): void {
    this.transactions.set(transaction.reference, transaction);
  }

  list(state?: Settlement): HeldTransaction[] {
    const all = [...this.transactions.values()];
    return state ? all.filter((transaction) => transaction.state === state) : all;
  }

  stats() {
    const states = { pending: 0, paid: 0, failed: 0 };
    for (const { state } of this.transactions.values()) states[state]++;
    return { transactions: this.transactions.size, states, ...structuredClone(this.counts) };
  }

  reset(): void {
    this.transactions.clear();
    Object.assign(this.counts, emptyCounts());
  }
}
