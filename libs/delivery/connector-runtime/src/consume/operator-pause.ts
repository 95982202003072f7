import { PeriodicTask, sleep } from '@lienthong/bootstrap';
import type { ConnectorControl, ReplicaReport } from '@lienthong/connector-control';
import type { Logger } from '@lienthong/observability';

/**
 * An operator's pause of one connector, as this replica obeys it: the control table is polled every
 * `pollMs` (so every replica stops within that time plus the call in flight, and a pause survives a
 * restart), and each poll reports this replica's state back for the console.
 */
export class OperatorPause {
  private paused = false;
  private readonly polls: PeriodicTask;

  constructor(
    private readonly control: ConnectorControl,
    private readonly connector: string,
    pollMs: number,
    private readonly logger: Logger,
    private readonly events: {
      onChange(paused: boolean): void;
      report(): Promise<Omit<ReplicaReport, 'paused'>>;
    },
  ) {
    this.polls = new PeriodicTask({
      name: 'connector-control-poll',
      everyMs: pollMs,
      run: () => this.poll(),
    });
  }

  get isPaused(): boolean {
    return this.paused;
  }

  /** Reads the state once before consuming starts, then keeps polling. */
  async start(): Promise<void> {
    await this.poll();
    await this.polls.start();
  }

  async stop(): Promise<void> {
    await this.polls.stop();
  }

  /** Waits while paused, keeping the consumer's group membership alive. */
  async untilResumed(heartbeat: () => Promise<void>): Promise<void> {
    while (this.paused) {
      await sleep(200);
      await heartbeat();
    }
  }

  private async poll(): Promise<void> {
    try {
      const paused = await this.control.isPaused(this.connector);
      if (paused !== this.paused) {
        this.paused = paused;
        this.logger.info({ paused }, paused ? 'paused by an operator' : 'resumed by an operator');
        this.events.onChange(paused);
      }
      await this.control.report({ ...(await this.events.report()), paused });
    } catch (error) {
      // The database is away: keep the last known state (a paused connector stays paused).
      this.logger.warn({ err: error }, 'cannot read the connector control table; keeping the last state');
    }
  }
}
