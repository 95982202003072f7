/** What the portal's firewall decides about one call: let it through, or refuse it (429 or 403). */
export type Admission = { status: 'ok' } | { status: 429 | 403 };

/**
 * The firewall in front of the scoring data: beyond `ratePerSecond` calls within one second it answers
 * 429; told to, it answers 403 to the next calls. It counts what it did for `/_sandbox/stats`.
 */
export class ScorePoliteness {
  private windowStartMs = 0;
  private inWindow = 0;
  private forbidNext = 0;
  private counts = { requests: 0, answered: 0, tooManyRequests: 0, forbidden: 0 };
  private byEndpoint: Record<string, number> = {};

  constructor(
    private ratePerSecond: number,
    private readonly now: () => number = Date.now,
  ) {}

  admit(endpoint: string): Admission {
    this.counts.requests += 1;
    this.byEndpoint[endpoint] = (this.byEndpoint[endpoint] ?? 0) + 1;
    if (this.forbidNext > 0) {
      this.forbidNext -= 1;
      this.counts.forbidden += 1;
      return { status: 403 };
    }
    const nowMs = this.now();
    if (nowMs - this.windowStartMs >= 1000) {
      this.windowStartMs = nowMs;
      this.inWindow = 0;
    }
    this.inWindow += 1;
    if (this.ratePerSecond > 0 && this.inWindow > this.ratePerSecond) {
      this.counts.tooManyRequests += 1;
      return { status: 429 };
    }
    this.counts.answered += 1;
    return { status: 'ok' };
  }

  /** Changes the firewall at run time: a new rate (0: no limit), and how many next calls get 403. */
  set(change: { ratePerSecond?: number; forbidNext?: number }): void {
    if (change.ratePerSecond !== undefined) this.ratePerSecond = change.ratePerSecond;
    if (change.forbidNext !== undefined) this.forbidNext = change.forbidNext;
  }

  stats() {
    return {
      ...this.counts,
      byEndpoint: { ...this.byEndpoint },
      ratePerSecond: this.ratePerSecond,
      forbidNext: this.forbidNext,
    };
  }

  resetStats(): void {
    this.counts = { requests: 0, answered: 0, tooManyRequests: 0, forbidden: 0 };
    this.byEndpoint = {};
    this.forbidNext = 0;
  }
}
