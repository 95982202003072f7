import { maskPatterns, maskPersonalData } from '@lienthong/personal-data';
import type { TraceAnswer } from '../api-answers';
import type { DossierTrace, TraceStep } from './trace-dossier.usecase';

/**
 * A dossier's trace as everyone sees it: what was sent to each target, what the portal holds, the
 * ledger's answers and the failure messages, with personal data masked. Codes, states and times stay.
 */
export function maskTrace(trace: DossierTrace): TraceAnswer {
  return {
    ...trace,
    masked: true,
    timeline: trace.timeline.map((step) => ({
      ...step,
      detail: maskPersonalData(step.detail) as TraceStep['detail'],
    })),
    targets: trace.targets.map((target) => ({ ...target, record: maskPersonalData(target.record) })),
    portal: {
      ...trace.portal,
      sent: maskPersonalData(trace.portal.sent),
      held: maskPersonalData(trace.portal.held),
      error: trace.portal.error === null ? null : maskPatterns(trace.portal.error),
    },
  };
}
