import { sleep } from '@lienthong/bootstrap';
import type { OnModuleDestroy } from '@nestjs/common';
import { PlatformCode, platformTime, type PlatformMessageBody } from './payment-platform.contract';
import { callbackCode, resultMessage } from './payment-result';
import type { PaymentSandboxConfig } from './payment-sandbox.config';
import type { HeldTransaction, PaymentSandboxStore } from './payment-sandbox.store';

/** One HTTP POST of a callback: the answer's status and body (JSON when it parses). */
export type CallbackPost = (
  url: string,
  body: PlatformMessageBody,
  timeoutMs: number,
) => Promise<{ status: number; body: unknown }>;

export const postJson: CallbackPost = async (url, body, timeoutMs) => {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await response.text();
  try {
    return { status: response.status, body: JSON.parse(text) as unknown };
  } catch {
    return { status: response.status, body: text };
  }
};

export type Outcome = 'paid' | 'failed';
const BANKS = ['VCB', 'BIDV', 'CTG', 'TCB', 'MB'] as const;

/**
 * The citizen's side and the platform's result: each pending transaction is settled (by itself after a
 * delay, or on a test's request), then its signed result is POSTed to the province's callback URL,
 * retried a few times, or lost on purpose so that reconciliation by QUERY has something to find.
 */
export class PaymentSettlement implements OnModuleDestroy {
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly deliveries = new Set<Promise<void>>();
  private readonly stopping = new AbortController();
  private sequence = 0;

  constructor(
    private readonly config: PaymentSandboxConfig,
    private readonly store: PaymentSandboxStore,
    private readonly post: CallbackPost = postJson,
    private readonly random: () => number = Math.random,
  ) {}

  /** After a first INIT: settle by itself later, unless configured to wait for a test. */
  schedule(reference: string): void {
    if (!this.config.PAYMENT_SANDBOX_AUTO_SETTLE) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.settle(reference);
    }, this.config.PAYMENT_SANDBOX_SETTLE_AFTER_MS);
    timer.unref();
    this.timers.add(timer);
  }

  /**
   * Settles a pending transaction, paid or failed as asked (else drawn by PAYMENT_SANDBOX_PAID_SHARE), and
   * starts its callback. A settled transaction stays as it is: undefined then, as for an unknown one.
   */
  settle(reference: string, outcome?: Outcome): HeldTransaction | undefined {
    const transaction = this.store.get(reference);
    if (transaction?.state !== 'pending') return undefined;
    const now = new Date();
    transaction.state =
      outcome ?? (this.random() < this.config.PAYMENT_SANDBOX_PAID_SHARE ? 'paid' : 'failed');
    transaction.settledTime = platformTime(now);
    transaction.transactionId = `PP${transaction.settledTime.slice(2)}${String(++this.sequence % 10_000).padStart(4, '0')}`;
    transaction.bank = BANKS[Math.floor(this.random() * BANKS.length)];
    this.store.counts.settled[transaction.state]++;
    this.startCallback(transaction);
    return transaction;
  }

  /** Resolves once every callback started so far was delivered, lost or given up. */
  async whenIdle(): Promise<void> {
    while (this.deliveries.size > 0) await Promise.all([...this.deliveries]);
  }

  onModuleDestroy(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.stopping.abort();
  }

  private startCallback(transaction: HeldTransaction): void {
    if (this.random() < this.config.PAYMENT_SANDBOX_LOST_CALLBACKS) {
      transaction.callback.fate = 'lost';
      this.store.counts.callbacks.lost++;
      return;
    }
    transaction.callback.fate = 'sending';
    const delivery = this.deliver(transaction).finally(() => this.deliveries.delete(delivery));
    this.deliveries.add(delivery);
  }

  private async deliver(transaction: HeldTransaction): Promise<void> {
    const { config } = this;
    const body = resultMessage(
      transaction,
      config.PAYMENT_SANDBOX_RESULT_TYPE,
      callbackCode(transaction),
      config.PAYMENT_SANDBOX_SECRET,
    );
    for (let attempt = 1; attempt <= config.PAYMENT_SANDBOX_CALLBACK_ATTEMPTS; attempt++) {
      if (this.stopping.signal.aborted) break;
      if (attempt > 1) await sleep(config.PAYMENT_SANDBOX_CALLBACK_RETRY_MS, this.stopping.signal);
      transaction.callback.attempts++;
      this.store.counts.callbacks.attempts++;
      if (await this.tryOnce(transaction, body)) {
        transaction.callback.fate = 'delivered';
        this.store.counts.callbacks.sent++;
        return;
      }
    }
    transaction.callback.fate = 'failed';
    this.store.counts.callbacks.failed++;
  }

  /** One try: delivered when the province answers HTTP 2xx with MaLoi "00". */
  private async tryOnce(transaction: HeldTransaction, body: PlatformMessageBody): Promise<boolean> {
    try {
      const answer = await this.post(
        this.config.PAYMENT_SANDBOX_CALLBACK_URL,
        body,
        this.config.PAYMENT_SANDBOX_CALLBACK_TIMEOUT_MS,
      );
      const code = (answer.body as { MaLoi?: unknown } | null)?.MaLoi;
      transaction.callback.lastAnswer = `HTTP ${answer.status} MaLoi ${String(code)}`;
      return answer.status >= 200 && answer.status < 300 && code === PlatformCode.Ok;
    } catch (error) {
      transaction.callback.lastAnswer = (error as Error).message;
      return false;
    }
  }
}
