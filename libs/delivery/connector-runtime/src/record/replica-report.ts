import type { ReplicaReport } from '@lienthong/connector-control';
import { breakerState } from '../connector-metrics';

/** What this replica tells the console about itself (the pause is added by whoever polls). */
export async function replicaReport(
  replica: Omit<ReplicaReport, 'paused' | 'breaker'>,
): Promise<Omit<ReplicaReport, 'paused'>> {
  const { values } = await breakerState.get();
  const state = values.find(({ labels }) => labels.connector === replica.connector)?.value ?? 0;
  return { ...replica, breaker: (['closed', 'open', 'half-open'] as const)[state] ?? 'closed' };
}
