import type { ConnectorControl, ReplicaReport } from '@lienthong/connector-control';
import type { AtLeastOnceConsumer } from '@lienthong/kafka';
import type { Logger } from '@lienthong/observability';
import type { TargetPolicyEvents } from '../target-policy';
import { OperatorPause } from './operator-pause';

/**
 * The one place that decides whether the connector's consumers fetch: they stop while the target is
 * down (the breaker's events) or an operator paused the connector (the control table).
 */
export class PauseGate {
  private targetDown = false;
  private consumers: readonly AtLeastOnceConsumer[] = [];
  private readonly operatorPause: OperatorPause;
  /** What the target policy reports about the target. */
  readonly target: TargetPolicyEvents = {
    onDown: () => this.setTargetDown(true),
    onUp: () => this.setTargetDown(false),
  };

  constructor(
    control: ConnectorControl,
    connector: string,
    pollMs: number,
    logger: Logger,
    report: () => Promise<Omit<ReplicaReport, 'paused'>>,
  ) {
    this.operatorPause = new OperatorPause(control, connector, pollMs, logger, {
      onChange: () => this.apply(),
      report,
    });
  }

  /** Reads the operator's pause, then starts the consumers as it and the target allow. */
  async start(consumers: readonly AtLeastOnceConsumer[]): Promise<void> {
    this.consumers = consumers;
    await this.operatorPause.start();
    for (const consumer of consumers) await consumer.start();
    this.apply();
  }

  async stop(): Promise<void> {
    await this.operatorPause.stop();
    await Promise.all(this.consumers.map((consumer) => consumer.stop()));
  }

  /** A batch fetched before an operator's pause waits, and so is delivered after the resume. */
  untilResumed(heartbeat: () => Promise<void>): Promise<void> {
    return this.operatorPause.untilResumed(heartbeat);
  }

  private setTargetDown(down: boolean): void {
    this.targetDown = down;
    this.apply();
  }

  private apply(): void {
    const stop = this.targetDown || this.operatorPause.isPaused;
    for (const consumer of this.consumers) {
      if (stop) consumer.pause();
      else consumer.resume();
    }
  }
}
