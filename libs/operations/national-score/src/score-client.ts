import { createHash } from 'node:crypto';
import axios, { type AxiosInstance } from 'axios';
import Bottleneck from 'bottleneck';
import {
  ExponentialBackoff,
  handleWhen,
  retry,
  type IBackoff,
  type IBackoffFactory,
  type IRetryBackoffContext,
} from 'cockatiel';
import { createLogger } from '@lienthong/observability';
import { isRetriable } from '@lienthong/errors';
import type { NationalScoreConfig } from './national-score.config';
import { BROWSER_HEADERS, SCORE_API_PATH, type ScoreEndpoint } from './score-endpoints';
import { ScoreCallError } from './score-errors';
import { callOutcome, scoreCalls } from './score-metrics';

/** One answer as it came: kept with its time and SHA-256, the evidence of what the portal published. */
export interface RawAnswer {
  endpoint: ScoreEndpoint;
  page: number;
  request: Record<string, unknown>;
  status: number;
  text: string;
  sha256: string;
  fetchedAt: Date;
}

type Context = IRetryBackoffContext<unknown>;

/** Exponential back-off, unless the refusal said how long to wait (Retry-After) and that is longer. */
class RetryAfterBackoff implements IBackoffFactory<Context> {
  constructor(private readonly exponential: IBackoffFactory<Context>) {}

  next(context: Context): IBackoff<Context> {
    const next = this.exponential.next(context);
    const error = 'error' in context.result ? context.result.error : undefined;
    const asked = error instanceof ScoreCallError ? (error.retryAfterMs ?? 0) : 0;
    return {
      duration: Math.max(asked, next.duration),
      next: (later) => new RetryAfterBackoff(next).next(later),
    };
  }
}

/** Retry-After in seconds or as an HTTP date, in ms; absent or unreadable: undefined. */
function retryAfterMs(header: unknown): number | undefined {
  if (typeof header !== 'string' || header.trim() === '') return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

/**
 * The national scoring data over HTTP, politely: one call at a time at most NATIONAL_SCORE_RATE_PER_S,
 * browser-like headers, and back-off on 429, 403, 5xx and no answer (Retry-After honoured). 200 and 201
 * are both success.
 */
export class ScoreClient {
  private readonly logger = createLogger('national-score');
  private readonly limiter: Bottleneck;
  private readonly policy;
  private readonly http: AxiosInstance;

  constructor(config: NationalScoreConfig) {
    this.http = axios.create({
      baseURL: config.NATIONAL_SCORE_URL.replace(/\/+$/, '') + SCORE_API_PATH,
      headers: BROWSER_HEADERS,
      timeout: config.NATIONAL_SCORE_TIMEOUT_MS,
      // The raw text is what is hashed and kept; it is parsed by the reader.
      responseType: 'text',
      transformResponse: (data: unknown) => data,
      validateStatus: () => true,
    });
    const rate = config.NATIONAL_SCORE_RATE_PER_S;
    this.limiter = new Bottleneck({ maxConcurrent: 1, minTime: rate > 0 ? Math.ceil(1000 / rate) : 0 });
    this.policy = retry(
      handleWhen((error) => error instanceof ScoreCallError && isRetriable(error)),
      {
        maxAttempts: Math.max(0, config.NATIONAL_SCORE_MAX_ATTEMPTS - 1),
        backoff: new RetryAfterBackoff(
          new ExponentialBackoff({
            initialDelay: config.NATIONAL_SCORE_BACKOFF_INITIAL_MS,
            maxDelay: config.NATIONAL_SCORE_BACKOFF_MAX_MS,
          }),
        ),
      },
    );
    this.policy.onRetry(({ delay, ...result }) => {
      const error = 'error' in result ? result.error : undefined;
      this.logger.info(
        { err: error, retryInMs: Math.round(delay) },
        'national score call refused; backing off',
      );
    });
  }

  /** POSTs one page, trying again after refusals; the last refusal is thrown when attempts run out. */
  async call(
    endpoint: ScoreEndpoint,
    request: Record<string, unknown>,
    signal?: AbortSignal,
  ): Promise<RawAnswer> {
    return this.policy.execute(() => this.limiter.schedule(() => this.once(endpoint, request)), signal);
  }

  private async once(endpoint: ScoreEndpoint, request: Record<string, unknown>): Promise<RawAnswer> {
    let response;
    try {
      response = await this.http.post<string>(`/${endpoint}`, request);
    } catch (error) {
      scoreCalls.inc({ endpoint, outcome: 'no_answer' });
      throw new ScoreCallError(
        endpoint,
        undefined,
        `no answer (${(error as Error).message})`,
        undefined,
        error,
      );
    }
    scoreCalls.inc({ endpoint, outcome: callOutcome(response.status) });
    if (response.status !== 200 && response.status !== 201) {
      throw new ScoreCallError(
        endpoint,
        response.status,
        `HTTP ${response.status}`,
        retryAfterMs(response.headers['retry-after']),
      );
    }
    const text = String(response.data ?? '');
    return {
      endpoint,
      page: Number(request.currentPage),
      request,
      status: response.status,
      text,
      sha256: createHash('sha256').update(text).digest('hex'),
      fetchedAt: new Date(),
    };
  }
}
