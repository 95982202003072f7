import { PeriodicTask, type ManagedService } from '@lienthong/bootstrap';
import { createLogger } from '@lienthong/observability';
import type { NationalScoreConfig } from './national-score.config';
import { ScoreFetchBusyError } from './score-errors';
import { resolvePeriod } from './score-period';
import type { NationalScorePoller } from './score-poller';

/**
 * Fetches the configured periods (NATIONAL_SCORE_PERIODS) every NATIONAL_SCORE_EVERY_S; of all
 * replicas, the one that finds no fetch going on does it (the poller's advisory lock), so the portal
 * sees one polite caller.
 */
export class NationalScoreSchedule implements ManagedService {
  private readonly logger = createLogger('national-score');
  private readonly task: PeriodicTask;

  constructor(
    private readonly poller: NationalScorePoller,
    private readonly config: NationalScoreConfig,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.task = new PeriodicTask({
      name: 'national-score',
      everyMs: config.NATIONAL_SCORE_EVERY_S * 1000,
      jitter: 0.1,
      runAtStart: true,
      run: (signal) => this.fetchAll(signal),
    });
  }

  async start(): Promise<void> {
    await this.task.start();
  }

  async stop(): Promise<void> {
    await this.task.stop();
  }

  /** One turn now, outside the timer (tests, an operator). */
  runNow(): Promise<void> {
    return this.task.runNow();
  }

  private async fetchAll(signal: AbortSignal): Promise<void> {
    const now = this.now();
    const periods = new Map(
      this.config.NATIONAL_SCORE_PERIODS.map((name) => resolvePeriod(name, now)).map((period) => [
        period.key,
        period,
      ]),
    );
    for (const period of periods.values()) {
      if (signal.aborted) return;
      try {
        await this.poller.fetch(period, { trigger: 'schedule', signal });
      } catch (error) {
        // Another replica (or an operator) is fetching: this turn is theirs, which is no failure.
        if (!(error instanceof ScoreFetchBusyError)) throw error;
        this.logger.info('national score fetch skipped: ' + error.message);
        return;
      }
    }
  }
}
