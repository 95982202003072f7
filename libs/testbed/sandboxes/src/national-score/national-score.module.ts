import { Module, type DynamicModule } from '@nestjs/common';
import { FaultsModule } from '../faults';
import { NationalScoreController } from './national-score.controller';
import type { NationalScoreSandboxConfig } from './national-score.config';
import { NationalScoreService } from './national-score.service';
import { ScoreDrift } from './score-drift';
import { ScorePoliteness } from './score-politeness';
import { readUnitsFile } from './score-units';
import type { SyncedDossierReader } from './synced-dossier';
import { portalHttpReader } from './synced-dossier-readers';

export interface NationalScoreSandboxOptions {
  /** Where the synced dossiers come from; default: the portal sandbox at NATIONAL_SCORE_SANDBOX_PORTAL_URL. */
  reader?: SyncedDossierReader;
  /** The clock unfinished dossiers are judged by (tests). */
  now?: () => number;
}

/**
 * A real HTTP server that publishes the national portal's 766 scoring data computed from what the
 * portal sandbox holds, for tests and demos; it can be told to drift from it.
 */
@Module({})
export class NationalScoreSandboxModule {
  static register(
    config: NationalScoreSandboxConfig,
    options: NationalScoreSandboxOptions = {},
  ): DynamicModule {
    const unitsFile = config.NATIONAL_SCORE_SANDBOX_UNITS.trim();
    const units = unitsFile ? readUnitsFile(unitsFile) : undefined;
    const reader = options.reader ?? portalHttpReader(config.NATIONAL_SCORE_SANDBOX_PORTAL_URL);
    return {
      module: NationalScoreSandboxModule,
      imports: [FaultsModule.register(config.NATIONAL_SCORE_SANDBOX_FAULTS)],
      controllers: [NationalScoreController],
      providers: [
        {
          provide: NationalScoreService,
          useValue: new NationalScoreService(
            config,
            reader,
            new ScoreDrift(),
            new ScorePoliteness(config.NATIONAL_SCORE_SANDBOX_RATE_PER_S),
            units,
            options.now,
          ),
        },
      ],
    };
  }
}
