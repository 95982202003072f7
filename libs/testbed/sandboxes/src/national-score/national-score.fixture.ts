import { readFileSync } from 'node:fs';
import { projectPath, readConfig } from '@lienthong/config';
import { nationalScoreSandboxConfigSpec } from './national-score.config';
import { NationalScoreService } from './national-score.service';
import { ScoreDrift } from './score-drift';
import { ScorePoliteness } from './score-politeness';
import { readUnitsFile } from './score-units';
import type { SyncedDossier } from './synced-dossier';

/** The golden folder of the scoring contract (test/fixtures/contracts/national-score). */
export const goldenPath = (...path: string[]) =>
  projectPath('test', 'fixtures', 'contracts', 'national-score', ...path);

export const goldenJson = <T = Record<string, unknown>>(...path: string[]): T =>
  JSON.parse(readFileSync(goldenPath(...path), 'utf8')) as T;

/** What the portal sandbox holds in the golden examples: seven dossiers of a department and a ward. */
export const heldDossiers = (): SyncedDossier[] =>
  goldenJson<{ dossiers: SyncedDossier[] }>('portal-dossiers.json').dossiers;

/** 1 December 2026 00:00 in Hà Nội: November is over, so unfinished dossiers are judged at its end. */
export const AFTER_NOVEMBER_2026 = Date.UTC(2026, 10, 30, 17);

/** A scoring sandbox over the golden dossiers and units, with the clock after November 2026. */
export function scoreSandbox(env: Record<string, string> = {}, held: () => SyncedDossier[] = heldDossiers) {
  const config = readConfig(nationalScoreSandboxConfigSpec, {
    NATIONAL_SCORE_SANDBOX_RATE_PER_S: '0',
    ...env,
  });
  const sut = new NationalScoreService(
    config,
    { dossiers: async () => held() },
    new ScoreDrift(),
    new ScorePoliteness(config.NATIONAL_SCORE_SANDBOX_RATE_PER_S),
    readUnitsFile(goldenPath('units-hanoi.json')),
    () => AFTER_NOVEMBER_2026,
  );
  return { sut, config };
}
