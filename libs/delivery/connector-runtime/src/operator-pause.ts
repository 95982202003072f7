import type { ConnectorControl, ReplicaReport } from '@lienthong/connector-control';
import type { Logger } from '@lienthong/observability';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * An operator's pause of one connector, as this replica obeys it: the control table is polled every
 * `pollMs` (so every replica stops within that time plus the call in flight, and a pause survives a
 * restart), and each poll reports this replica's state back for the console.
 */
export class OperatorPause {
  private paused = false;
  private timer?: NodeJS.Timeout;
  private polling?: Promise<void>;

  constructor(
    private readonly control: ConnectorControl,
    private readonly connector: string,
    private readonly pollMs: number,
    private readonly logger: Logger,
    private readonly events: {
      onChange(paused: boolean): void;
      report(): Promise<Omit<ReplicaReport, 'paused'>>;
    },
  ) {}

  get isPaused(): boolean {
    return this.paused;
  }

  /** Reads the state once before consuming starts, then keeps polling. */
  async start(): Promise<void> {
    await this.poll();
    this.timer = setInterval(() => {
      this.polling ??= this.poll().finally(() => (this.polling = undefined));
    }, this.pollMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.polling;
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
