import type { Database } from '@lienthong/database';
import type { NationalScoreConfig } from './national-score.config';
import { ScoreClient } from './score-client';
import { NationalScorePoller } from './score-poller';
import { NationalScoreReader } from './score-reader';
import { NationalScoreSchedule } from './score-schedule';
import { NationalScoreStore } from './score-store';

/** The poller, its schedule and the reader over one database, as an app or the CLI wires them. */
export function nationalScore(config: NationalScoreConfig, database: Database) {
  const poller = new NationalScorePoller(
    config,
    new ScoreClient(config),
    new NationalScoreStore(database),
    database,
  );
  return {
    poller,
    schedule: new NationalScoreSchedule(poller, config),
    reader: new NationalScoreReader(database),
  };
}
