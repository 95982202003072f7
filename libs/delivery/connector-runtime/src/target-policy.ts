import { sleep } from '@lienthong/bootstrap';
import Bottleneck from 'bottleneck';
import {
  BrokenCircuitError,
  circuitBreaker,
  CircuitState,
  ExponentialBackoff,
  handleType,
  retry,
  SamplingBreaker,
  wrap,
  type IPolicy,
} from 'cockatiel';
import type { Logger } from '@lienthong/observability';
import type { ConnectorRuntimeConfig } from './connector-runtime.config';
import { accessRefused, breakerState, failed, retries, targetSeconds } from './connector-metrics';
import { RetriableError, TargetAccessError } from './errors';

export interface TargetPolicyEvents {
  /** The target looks down: stop taking new work. */
  onDown(): void;
  /** The target answered again, or may have: take new work (its first call is the breaker's trial). */
  onUp(): void;
}

/**
 * How one connector treats its target: a rate limit, retries with exponential backoff and jitter for
 * retriable failures, and a circuit breaker that stops calls (and, through the events, consumption)
 * while the target is down. An attempt refused by the open circuit is not a failure of the event:
 * `call` waits for the target and tries again.
 */
export class TargetPolicy {
  private readonly limiter?: Bottleneck;
  private readonly breaker;
  private readonly policy: IPolicy;
  private lastAccessAlert = 0;

  constructor(
    private readonly connector: string,
    config: ConnectorRuntimeConfig,
    private readonly logger: Logger,
    events: TargetPolicyEvents,
  ) {
    const rate = config.CONNECTOR_RATE_PER_S;
    if (rate > 0) {
      // Refilled every 100 ms so the limit holds without bursts of a whole second's allowance.
      const perTick = Math.max(1, Math.round(rate / 10));
      this.limiter = new Bottleneck({
        reservoir: perTick,
        reservoirRefreshAmount: perTick,
        reservoirRefreshInterval: 100,
      });
    }
    this.breaker = circuitBreaker(handleType(RetriableError), {
      halfOpenAfter: config.CONNECTOR_BREAKER_HALF_OPEN_MS,
      breaker: new SamplingBreaker({
        threshold: config.CONNECTOR_BREAKER_THRESHOLD,
        duration: config.CONNECTOR_BREAKER_WINDOW_MS,
        minimumRps: 5,
      }),
    });
    const halfOpenMs = config.CONNECTOR_BREAKER_HALF_OPEN_MS;
    this.breaker.onBreak(() => {
      breakerState.set({ connector }, 1);
      logger.warn('target down: circuit open, consumption paused');
      events.onDown();
      // Every waiting event may have been parked already, leaving no call to try the target: take work
      // again once a trial is allowed. A failed trial opens the circuit, and pauses, once more.
      setTimeout(() => {
        if (this.breaker.state === CircuitState.Open) events.onUp();
      }, halfOpenMs).unref();
    });
    this.breaker.onHalfOpen(() => breakerState.set({ connector }, 2));
    this.breaker.onReset(() => {
      breakerState.set({ connector }, 0);
      logger.info('target answers again: circuit closed, consumption resumed');
      events.onUp();
    });
    breakerState.set({ connector }, 0);
    const retryPolicy = retry(handleType(RetriableError), {
      maxAttempts: config.CONNECTOR_MAX_ATTEMPTS - 1,
      backoff: new ExponentialBackoff({
        initialDelay: config.CONNECTOR_BACKOFF_INITIAL_MS,
        maxDelay: config.CONNECTOR_BACKOFF_MAX_MS,
      }),
    });
    retryPolicy.onRetry(({ delay, ...result }) => {
      const error = 'error' in result ? result.error : undefined;
      failed.inc({ connector, class: 'retriable', code: (error as RetriableError)?.code ?? 'unknown' });
      retries.inc({ connector, level: '0' });
      logger.debug({ err: error, retryInMs: Math.round(delay) }, 'delivery failed; retrying');
    });
    this.policy = wrap(retryPolicy, this.breaker);
  }

  /**
   * Runs `attempt` until it succeeds, throws a permanent error, or fails retriably on every allowed
   * attempt (the last RetriableError is thrown). `keepAlive` is called while waiting for the target.
   */
  async call<T>(attempt: (number: number) => Promise<T>, keepAlive: () => Promise<void>): Promise<T> {
    let number = 0;
    for (;;) {
      try {
        return await this.policy.execute(() => this.timed(() => attempt(++number)));
      } catch (error) {
        if (!(error instanceof BrokenCircuitError)) throw error;
        await this.untilTargetMayAnswer(keepAlive);
      }
    }
  }

  private async timed<T>(attempt: () => Promise<T>): Promise<T> {
    const run = async () => {
      const stop = targetSeconds.startTimer({ connector: this.connector });
      try {
        return await attempt();
      } catch (error) {
        if (error instanceof TargetAccessError) this.alertAccessRefused(error);
        throw error;
      } finally {
        stop();
      }
    };
    return this.limiter ? this.limiter.schedule(run) : run();
  }

  /** Loud, but once a minute: every held delivery fails the same way until an operator fixes access. */
  private alertAccessRefused(error: TargetAccessError): void {
    accessRefused.inc({ connector: this.connector, code: error.code });
    if (Date.now() - this.lastAccessAlert < 60_000) return;
    this.lastAccessAlert = Date.now();
    this.logger.error(
      { err: error },
      'the target refuses our access: deliveries are held (not dead-lettered) until it is fixed',
    );
  }

  /**
   * A pause before the caller knocks again. The circuit turns half-open only when a call is made after
   * the half-open delay, so waiting for its state to change would wait forever; instead each waiting
   * call tries again now and then: one becomes the trial, the others are refused at once and wait again.
   */
  private async untilTargetMayAnswer(keepAlive: () => Promise<void>): Promise<void> {
    await sleep(250 + Math.random() * 750);
    await keepAlive();
  }
}
