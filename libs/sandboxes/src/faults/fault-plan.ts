import { makeValidator } from 'envalid';

export const FAULT_KINDS = ['5xx', '429', 'timeout', 'drop'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/** How a sandbox misbehaves: a share of calls fail with one of the kinds, every call is delayed. */
export interface FaultPlan {
  /** Share of calls (0..1) that fail, each with a kind drawn from `kinds`. */
  rate: number;
  kinds: FaultKind[];
  /** Added to every call. */
  latencyMs: number;
  /** How long a `timeout` fault holds the call before dropping it. */
  timeoutMs: number;
}

export const NO_FAULTS: FaultPlan = { rate: 0, kinds: [...FAULT_KINDS], latencyMs: 0, timeoutMs: 15_000 };

/** Checks a plan given as JSON (environment or `PUT /_sandbox/faults`); throws naming the bad field. */
export function parseFaultPlan(input: unknown): FaultPlan {
  const given = (typeof input === 'string' ? JSON.parse(input || '{}') : (input ?? {})) as Record<
    string,
    unknown
  >;
  const plan = { ...NO_FAULTS, ...given } as FaultPlan;
  if (typeof plan.rate !== 'number' || plan.rate < 0 || plan.rate > 1) {
    throw new Error('rate must be a number from 0 to 1');
  }
  if (!Array.isArray(plan.kinds) || plan.kinds.some((kind) => !FAULT_KINDS.includes(kind))) {
    throw new Error(`kinds must be a list of ${FAULT_KINDS.join(', ')}`);
  }
  for (const key of ['latencyMs', 'timeoutMs'] as const) {
    if (typeof plan[key] !== 'number' || plan[key] < 0) throw new Error(`${key} must be a number ≥ 0`);
  }
  return { rate: plan.rate, kinds: plan.kinds, latencyMs: plan.latencyMs, timeoutMs: plan.timeoutMs };
}

/** Environment validator: e.g. `{"rate":0.3,"kinds":["5xx","429","timeout","drop"],"latencyMs":20}`. */
export const faultPlan = makeValidator<FaultPlan>((input) => parseFaultPlan(input));
