import type { FaultKind, FaultPlan } from './fault-plan';

export type FaultDecision = { fault: FaultKind | 'outage' } | { fault: undefined };

/** Decides, call by call, whether a sandbox fails and how; plans and outages change at run time. */
export class FaultInjector {
  private outageUntil = 0;
  private readonly injected = new Map<string, number>();

  constructor(
    private plan: FaultPlan,
    private readonly random: () => number = Math.random,
  ) {}

  get current(): FaultPlan & { outageRemainingMs: number; injected: Record<string, number> } {
    return {
      ...this.plan,
      outageRemainingMs: Math.max(0, this.outageUntil - Date.now()),
      injected: Object.fromEntries(this.injected),
    };
  }

  set(plan: FaultPlan): void {
    this.plan = plan;
  }

  /** The target is fully down (every call refused) for the given time. */
  outage(seconds: number): void {
    this.outageUntil = Date.now() + seconds * 1000;
  }

  get latencyMs(): number {
    return this.plan.latencyMs;
  }

  get timeoutMs(): number {
    return this.plan.timeoutMs;
  }

  decide(): FaultDecision {
    const fault = this.draw();
    if (fault) this.injected.set(fault, (this.injected.get(fault) ?? 0) + 1);
    return { fault };
  }

  private draw(): FaultKind | 'outage' | undefined {
    if (Date.now() < this.outageUntil) return 'outage';
    if (this.plan.kinds.length === 0 || this.random() >= this.plan.rate) return undefined;
    return this.plan.kinds[Math.floor(this.random() * this.plan.kinds.length)];
  }
}
