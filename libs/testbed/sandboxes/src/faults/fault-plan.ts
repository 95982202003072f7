import { makeValidator } from 'envalid';

/** What goes wrong with any HTTP target: refused, overloaded, slow or dropped calls. */
const TRANSPORT_FAULT_KINDS = ['5xx', '429', 'timeout', 'drop'] as const;

/**
 * Drawn only when a plan names them, so that a plan written for the transport faults keeps its meaning:
 * - `html`: a gateway in front of the target answers HTTP 200 with its own HTML error page;
 * - `lost-answer`: the target applies the call, then the connection drops before the answer (the
 *   hardest fault: the caller cannot tell whether it happened).
 */
export const FAULT_KINDS = [...TRANSPORT_FAULT_KINDS, 'html', 'lost-answer'] as const;
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

export const NO_FAULTS: FaultPlan = {
  rate: 0,
  kinds: [...TRANSPORT_FAULT_KINDS],
  latencyMs: 0,
  timeoutMs: 15_000,
};

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

/** Environment validator: e.g. `{"rate":0.3,"kinds":["5xx","429","timeout","drop","html"],"latencyMs":20}`. */
export const faultPlan = makeValidator<FaultPlan>((input) => parseFaultPlan(input));
