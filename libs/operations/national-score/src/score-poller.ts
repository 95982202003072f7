import type { Database } from '@lienthong/database';
import { createLogger } from '@lienthong/observability';
import type { NationalScoreConfig } from './national-score.config';
import { readScorePage, type UnitReading } from './score-answer';
import type { RawAnswer, ScoreClient } from './score-client';
import { ENDPOINT_NAMES, type ScoreEndpoint } from './score-endpoints';
import { ScoreFetchBusyError, ScoreShapeError } from './score-errors';
import { scoreFetches, shapeErrors } from './score-metrics';
import { periodRequest, type ScorePeriod } from './score-period';
import type { FetchRecord, NationalScoreStore } from './score-store';
import { mergeReadings } from './unit-score';

export interface FetchOptions {
  /** Who asked: `schedule` or `operator`, kept with the fetch. */
  trigger: string;
  /** After each page: the endpoints done of all seven, and the pages fetched so far. */
  onProgress?: (endpointsDone: number, endpoints: number, pages: number) => void;
  signal?: AbortSignal;
}

/** A fetch's outcome: the record kept, and how many units and pages it read. */
export interface FetchReport extends FetchRecord {
  units: number;
  pages: number;
}

/**
 * Fetches one period of the national scoring data: every page of all seven endpoints, read and joined
 * per unit, then stored (a new version only for units that changed). One fetch at a time across the
 * deployment. A changed answer shape or refusals to the end make a failed fetch, recorded and counted,
 * not a thrown error.
 */
export class NationalScorePoller {
  private readonly logger = createLogger('national-score');

  constructor(
    private readonly config: NationalScoreConfig,
    private readonly client: ScoreClient,
    private readonly store: NationalScoreStore,
    private readonly database: Database,
  ) {}

  /** Throws ScoreFetchBusyError when another fetch holds the lock. */
  async fetch(period: ScorePeriod, options: FetchOptions): Promise<FetchReport> {
    const run = await this.database
      .locks()
      .tryHold('national-score', 'fetch', () => this.fetchAlone(period, options));
    if (!run.held) {
      scoreFetches.inc({ outcome: 'busy' });
      throw new ScoreFetchBusyError();
    }
    return run.result;
  }

  private async fetchAlone(
    period: ScorePeriod,
    { trigger, onProgress, signal }: FetchOptions,
  ): Promise<FetchReport> {
    const answers: RawAnswer[] = [];
    const readings: { endpoint: ScoreEndpoint; rows: UnitReading[] }[] = [];
    let record: FetchRecord;
    try {
      for (const [done, endpoint] of ENDPOINT_NAMES.entries()) {
        readings.push({ endpoint, rows: await this.allPages(period, endpoint, answers, signal) });
        onProgress?.(done + 1, ENDPOINT_NAMES.length, answers.length);
      }
      record = await this.store.recordFetch(period, trigger, answers, mergeReadings(readings));
    } catch (error) {
      if (signal?.aborted) throw error;
      const outcome = error instanceof ScoreShapeError ? 'shape_error' : 'failed';
      if (error instanceof ScoreShapeError) shapeErrors.inc({ endpoint: error.endpoint });
      this.logger.error({ err: error, period: period.key }, 'national score fetch failed');
      record = await this.store.recordFailure(period, trigger, answers, outcome, (error as Error).message);
    }
    scoreFetches.inc({ outcome: record.outcome });
    const units = new Set(readings.flatMap(({ rows }) => rows.map((row) => row.unit.departmentId))).size;
    return { ...record, units, pages: answers.length };
  }

  /** Every page of one endpoint, the root row first: a page shorter than pageSize is the last. */
  private async allPages(
    period: ScorePeriod,
    endpoint: ScoreEndpoint,
    answers: RawAnswer[],
    signal?: AbortSignal,
  ): Promise<UnitReading[]> {
    const pageSize = this.config.NATIONAL_SCORE_PAGE_SIZE;
    const rows: UnitReading[] = [];
    for (let currentPage = 1; ; currentPage += 1) {
      const request = {
        ...periodRequest(period),
        rootDepartmentId: this.config.NATIONAL_SCORE_ROOT_DEPARTMENT_ID,
        currentPage,
        pageSize,
      };
      const answer = await this.client.call(endpoint, request, signal);
      answers.push(answer);
      const page = readScorePage(endpoint, parseJson(endpoint, answer.text));
      if (currentPage === 1 && page.root) rows.push(page.root);
      rows.push(...page.rows);
      if (page.rows.length < pageSize) return rows;
    }
  }
}

function parseJson(endpoint: ScoreEndpoint, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new ScoreShapeError(endpoint, 'body', `is not JSON (starts "${text.slice(0, 40)}")`);
  }
}
