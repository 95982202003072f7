export { nationalScoreConfigSpec, type NationalScoreConfig } from './national-score.config';
export { nationalScore } from './national-score';
export { readAgencyMapping, validateAgencyMapping, type AgencyMapping } from './agency-mapping';
export {
  parsePeriod,
  resolvePeriod,
  RELATIVE_PERIODS,
  type ScorePeriod,
  type RelativePeriod,
} from './score-period';
export { readScorePage, type ScoreUnit, type ScoreMetric, type UnitReading } from './score-answer';
export { ScoreClient, type RawAnswer } from './score-client';
export { GROUP_CODES, SCORE_ENDPOINTS, type GroupCode, type ScoreEndpoint } from './score-endpoints';
export { ScoreCallError, ScoreFetchBusyError, ScoreShapeError } from './score-errors';
export { NationalScorePoller, type FetchOptions, type FetchReport } from './score-poller';
export { NationalScoreReader, type StoredScore } from './score-reader';
export { NationalScoreSchedule } from './score-schedule';
export { NationalScoreStore, type FetchRecord, type FetchOutcome, type UnitChange } from './score-store';
export { type UnitScore } from './unit-score';
