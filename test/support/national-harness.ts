import { readConfig } from '@lienthong/config';
import { connectorRuntimeConfigSpec, standaloneAmendments } from '@lienthong/connector-runtime';
import { Database, databaseConfigSpec } from '@lienthong/database';
import { nationalScore, nationalScoreConfigSpec } from '@lienthong/national-score';
import { PortalClient, portalConfigSpec, Reconciler } from '@lienthong/national-portal';
import {
  NationalScoreSandboxModule,
  nationalScoreSandboxConfigSpec,
  portalHttpReader,
} from '@lienthong/sandboxes';
import type { INestApplicationContext } from '@nestjs/common';
import axios from 'axios';
import { dashboardApp } from './app-modules';
import { dossierCode, motcuaEvents, type MotcuaStory } from './kpi-harness';
import { publish } from './kafka-client';
import { LienthongHarness } from './lienthong-harness';

/**
 * The whole flow and both national sandboxes: the portal sandbox (what reached the portal), the
 * scoring sandbox computing the national figures from what the portal sandbox holds, the dashboard
 * (projection and the national comparison, its schedule on), and the test's own poller and reconciler.
 */
export class NationalHarness extends LienthongHarness {
  scoringUrl = '';
  dashboardUrl = '';
  dashboard!: INestApplicationContext;
  database!: Database;
  score!: ReturnType<typeof nationalScore>;
  reconciler!: Reconciler;
  private closeAmendments?: () => Promise<void>;

  async startNational(): Promise<this> {
    await this.start();
    const scoring = await this.launch(
      'sandbox-national-score',
      NationalScoreSandboxModule.register(
        readConfig(nationalScoreSandboxConfigSpec, this.env({ NATIONAL_SCORE_SANDBOX_RATE_PER_S: '0' })),
        { reader: portalHttpReader(this.portal.baseUrl) },
      ),
    );
    this.scoringUrl = scoring.url!;
    const national = {
      NATIONAL_SCORE_URL: this.scoringUrl,
      NATIONAL_SCORE_RATE_PER_S: '50',
      NATIONAL_SCORE_BACKOFF_INITIAL_MS: '100',
      NATIONAL_SCORE_BACKOFF_MAX_MS: '1000',
    };
    // The dashboard's own schedule fetches the current year at start (then hourly): it runs, beside the test's fetches.
    const dashboard = await this.launch(
      'dashboard',
      dashboardApp(
        this.env({
          ...national,
          KPI_SYNC_MARK_MS: '300',
          NATIONAL_SCORE_EVERY_S: '3600',
          NATIONAL_SCORE_PERIODS: 'year',
        }),
      ),
    );
    this.dashboardUrl = dashboard.url!;
    this.dashboard = dashboard.app;
    const env = this.env({ ...national, PORTAL_URL: this.portal.baseUrl });
    this.database = new Database(readConfig(databaseConfigSpec, env));
    this.score = nationalScore(readConfig(nationalScoreConfigSpec, env), this.database);
    const { amendments, close } = standaloneAmendments(
      'national-portal',
      this.database,
      readConfig(connectorRuntimeConfigSpec, env),
    );
    this.closeAmendments = close;
    this.reconciler = new Reconciler(
      new PortalClient(readConfig(portalConfigSpec, env)),
      this.database,
      amendments,
    );
    return this;
  }

  async publishStories(stories: MotcuaStory[]): Promise<void> {
    await publish(
      this.topics.source('motcua'),
      stories.flatMap((story) =>
        motcuaEvents(story).map((event) => ({ key: dossierCode(story), value: JSON.stringify(event) })),
      ),
    );
  }

  /** The scoring sandbox's control API. */
  control(method: 'post' | 'put', path: string, body?: unknown) {
    return axios.request({ method, url: `${this.scoringUrl}/_sandbox/${path}`, data: body });
  }

  async get<T>(path: string): Promise<T> {
    return (await axios.get<T>(`${this.dashboardUrl}${path}`)).data;
  }

  override async close(): Promise<void> {
    await this.closeAmendments?.();
    await this.database?.close();
    await super.close();
  }
}
