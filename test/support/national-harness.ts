import { readConfig } from '@lienthong/config';
import { createdAtTarget } from '@lienthong/connector-runtime';
import { Database, databaseConfigSpec } from '@lienthong/database';
import {
  nationalScore,
  nationalScoreConfigSpec,
  parsePeriod,
  ScoreFetchBusyError,
  type FetchReport,
} from '@lienthong/national-score';
import { PortalConnector, Reconciler } from '@lienthong/national-portal';
import {
  NationalScoreSandboxModule,
  nationalScoreSandboxConfigSpec,
  portalHttpReader,
} from '@lienthong/sandboxes';
import { motcuaLifecycle, seededRandom, SIMULATED_SYSTEMS } from '@lienthong/simulator';
import { mapSourceEvent, MotcuaMapper } from '@lienthong/sources';
import type { INestApplicationContext } from '@nestjs/common';
import axios from 'axios';
import { dashboardApp } from './app-modules';
import { dossierCode, motcuaEvents, type MotcuaStory } from './kpi-harness';
import { publish } from './kafka-client';
import { standalonePortalReconciler } from './portal-reconciler';
import { LienthongHarness } from './lienthong-harness';
import { until } from './wait';

/** A dossier of a simulated month: its code, its agency, whether it came online, the status it ends in. */
export interface SimulatedDossier {
  code: string;
  agency: string;
  online: boolean;
  status: number;
}

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
    ({ reconciler: this.reconciler, close: this.closeAmendments } = standalonePortalReconciler(
      this.database,
      env,
    ));
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

  /**
   * A simulated month of the sector systems: `perSystem` whole dossiers of each, received on the days
   * of `month` (YYYY-MM) at the agencies that handle them; answers each dossier's agency and its last
   * status as the portal should end up holding it.
   */
  async publishMonth(month: string, perSystem: number): Promise<SimulatedDossier[]> {
    const random = seededRandom(19);
    const dossiers: SimulatedDossier[] = [];
    for (const [offset, { system, encode }] of SIMULATED_SYSTEMS.entries()) {
      const records = Array.from({ length: perSystem }, (_, index) => {
        const serial = 19_000 + index * SIMULATED_SYSTEMS.length + offset;
        const day = String(1 + (serial % 28)).padStart(2, '0');
        const events = motcuaLifecycle(serial, Date.parse(`${month}-${day}T08:00:00+07:00`), random, system);
        const last = mapSourceEvent(new MotcuaMapper(), Buffer.from(JSON.stringify(events.at(-1))));
        if (!last.ok) throw new Error(last.rejection.message);
        dossiers.push({
          code: last.dossier.dossierCode,
          agency: last.dossier.agency.code,
          online: last.dossier.channel === 2,
          status: last.dossier.status,
        });
        return events.map((event) => ({ key: event.hoSo.maHoSo, value: encode(event).value }));
      });
      await publish(this.topics.source(system), records.flat());
    }
    return dossiers;
  }

  /** Waits until the portal sandbox holds every one of these dossiers at its last status. */
  async untilPortalHolds(dossiers: SimulatedDossier[]): Promise<void> {
    const atLastStatus = (held: [string, unknown][]) => {
      const statusOf = new Map(held.map(([code, status]) => [code, String(status)]));
      return dossiers.every(({ code, status }) => statusOf.get(code) === String(status)) ? true : undefined;
    };
    await until(`the portal holding ${dossiers.length} dossiers at their last status`, async () => {
      const { data } = await axios.get<{ dossiers: { record: { MaHoSo: string; TrangThaiHoSo: string } }[] }>(
        `${this.portal.baseUrl}/_sandbox/dossiers?limit=10000`,
      );
      return atLastStatus(data.dossiers.map(({ record }) => [record.MaHoSo, record.TrangThaiHoSo]));
    });
    // The connector notes a delivery after the portal took it: until then a test that changes the portal
    // behind it races the connector's own bookkeeping (and, on a busy machine, a send it retries).
    await until(
      `the portal connector's ledger holding ${dossiers.length} dossiers at their last status`,
      async () =>
        atLastStatus(
          (await createdAtTarget(this.database, PortalConnector.connectorName)).map((state) => [
            state.dossierCode,
            state.status,
          ]),
        ),
    );
  }

  /** The test's fetch of a month, once a fetch the dashboard's own schedule runs is done. */
  fetchNational(month: string): Promise<FetchReport> {
    return until(`a fetch of ${month}`, async () => {
      try {
        return await this.score.poller.fetch(parsePeriod(month), { trigger: 'test' });
      } catch (error) {
        if (error instanceof ScoreFetchBusyError) return undefined;
        throw error;
      }
    });
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
