import { PeriodicTask, type ManagedService } from '@lienthong/bootstrap';
import { Gauge, metricsRegistry } from '@lienthong/observability';
import type { NationalScoreReader } from '@lienthong/national-score';
import type { NationalComparison } from './national-comparison';

const driftPoints = new Gauge({
  name: 'lienthong_score_drift_points',
  help: "National 766 score minus Lienthong's own reckoning this month, in points, by agency and group (CKMB, TDGQ, CLGQ, MDSH, MDHL, TTTT, TOTAL)",
  labelNames: ['agency', 'group'] as const,
  registers: [metricsRegistry],
});

const EVERY_MS = 300_000;

/** Sets the drift gauge from one period's comparison; agencies without a national score are left out. */
export async function publishDrift(comparison: NationalComparison, period: string): Promise<void> {
  const { agencies } = await comparison.overview(period, false);
  driftPoints.reset();
  for (const agency of agencies.filter((candidate) => candidate.national)) {
    for (const [group, points] of Object.entries(agency.drift.groups)) {
      if (points !== null) driftPoints.set({ agency: agency.agencyCode, group }, points);
    }
    if (agency.drift.totalScore !== null) {
      driftPoints.set({ agency: agency.agencyCode, group: 'TOTAL' }, agency.drift.totalScore);
    }
  }
}

/**
 * Recomputes the gauge every five minutes (the national figures change a few times a day at most), for
 * the latest month fetched: the current one once the schedule has fetched it.
 */
export class DriftGauge implements ManagedService {
  private readonly task: PeriodicTask;

  constructor(comparison: NationalComparison, reader: NationalScoreReader) {
    this.task = new PeriodicTask({
      name: 'score-drift-gauge',
      everyMs: EVERY_MS,
      jitter: 0.1,
      runAtStart: true,
      run: async () => {
        const month = await reader.latestMonth();
        if (month) await publishDrift(comparison, month);
      },
    });
  }

  start(): Promise<void> {
    return this.task.start();
  }

  stop(): Promise<void> {
    return this.task.stop();
  }
}
