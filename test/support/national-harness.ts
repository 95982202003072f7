import { readConfig } from '@lienthong/config';
import { runCli, type CliOutput } from '@lienthong/console-cli';
import {
  NationalScoreSandboxModule,
  nationalScoreSandboxConfigSpec,
  portalAppReader,
  type DriftOrder,
} from '@lienthong/sandboxes';
import { motcuaLifecycle, seededRandom, SIMULATED_SYSTEMS } from '@lienthong/simulator';
import axios from 'axios';
import { dashboardApp } from './app-modules';
import { publish } from './kafka-client';
import { LienthongHarness } from './lienthong-harness';
import { until } from './wait';

const quiet: CliOutput = {
  out: () => undefined,
  error: () => undefined,
  table: () => undefined,
  progress: () => ({ update: () => undefined, stop: () => undefined }),
};

/**
 * The national comparison on real parts: the sector systems' dossiers through the hub and the portal
 * connector into the portal sandbox, the scoring sandbox publishing what that portal holds, and the
 * dashboard app (projection on) polling the scoring sandbox and serving the comparison.
 */
export class NationalHarness extends LienthongHarness {
  dashboardUrl = '';
  scoringUrl = '';

  async startNational(): Promise<this> {
    await this.start();
    const portalApp = this.apps.find((running) => running.name === 'sandbox')!.app;
    const scoring = await this.launch(
      'sandbox-national-score',
      NationalScoreSandboxModule.register(
        readConfig(nationalScoreSandboxConfigSpec, this.env({ NATIONAL_SCORE_SANDBOX_RATE_PER_S: '0' })),
        { reader: portalAppReader(portalApp) },
      ),
    );
    this.scoringUrl = scoring.url!;
    const dashboard = await this.launch(
      'dashboard',
      dashboardApp(this.nationalEnv({ KPI_SYNC_MARK_MS: '500' })),
    );
    this.dashboardUrl = dashboard.url!;
    return this;
  }

  /** The run's settings with the national scoring data at the scoring sandbox, fetched on demand only. */
  nationalEnv(overrides: Record<string, string> = {}): NodeJS.ProcessEnv {
    return this.env({
      NATIONAL_SCORE_URL: this.scoringUrl,
      NATIONAL_SCORE_EVERY_S: '0',
      NATIONAL_SCORE_RATE_PER_S: '50',
      PORTAL_URL: this.portal.baseUrl,
      ...overrides,
    });
  }

  /**
   * A simulated month: `perSystem` whole dossiers of each sector system, received on the days of
   * `month` (YYYY-MM), at the agencies that handle them; answers their codes by agency.
   */
  async publishMonth(month: string, perSystem: number): Promise<Map<string, string[]>> {
    const random = seededRandom(19);
    const byAgency = new Map<string, string[]>();
    const records: { topic: string; key: string; value: string }[] = [];
    for (let index = 0; index < perSystem * SIMULATED_SYSTEMS.length; index++) {
      const { system, encode } = SIMULATED_SYSTEMS[index % SIMULATED_SYSTEMS.length];
      const day = String(1 + (index % 28)).padStart(2, '0');
      const events = motcuaLifecycle(
        19_000 + index,
        Date.parse(`${month}-${day}T08:00:00+07:00`),
        random,
        system,
      );
      const { maHoSo, donViXuLy } = events[0].hoSo;
      byAgency.set(donViXuLy.maDinhDanh, [...(byAgency.get(donViXuLy.maDinhDanh) ?? []), maHoSo]);
      for (const event of events)
        records.push({ topic: this.topics.source(system), key: maHoSo, ...encode(event) });
    }
    for (const system of SIMULATED_SYSTEMS) {
      await publish(
        this.topics.source(system.system),
        records.filter((record) => record.topic === this.topics.source(system.system)),
      );
    }
    return byAgency;
  }

  /** Waits until the portal sandbox holds every one of these dossiers. */
  async untilPortalHolds(codes: string[]): Promise<void> {
    await until(`the portal holding ${codes.length} dossiers`, async () => {
      const { data } = await axios.get<{ dossiers: { record: { MaHoSo: string } }[] }>(
        `${this.portal.baseUrl}/_sandbox/dossiers?limit=10000`,
      );
      const held = new Set(data.dossiers.map(({ record }) => record.MaHoSo));
      return codes.every((code) => held.has(code)) ? true : undefined;
    });
  }

  /** The portal loses these dossiers after they were synced. */
  async loseAtPortal(codes: string[]): Promise<void> {
    for (const code of codes)
      await axios.delete(`${this.portal.baseUrl}/_sandbox/dossiers/${encodeURIComponent(code)}`);
  }

  /** Tells the scoring sandbox to drift from what the portal holds (flip flags, dislike). */
  async drift(order: DriftOrder): Promise<unknown> {
    return (await axios.post(`${this.scoringUrl}/_sandbox/drift`, order)).data;
  }

  /** `lienthong score fetch --period`: the national figures of a month, stored by the poller. */
  async fetchNational(period: string): Promise<void> {
    const exit = await runCli(['score', 'fetch', '--period', period, '--json'], quiet, this.nationalEnv());
    if (exit !== 0) throw new Error(`score fetch --period ${period} exited ${exit}`);
  }

  /** `lienthong reconcile`: the portal reconciliation finds (and restores) what the portal lacks. */
  async reconcile(): Promise<void> {
    await runCli(['reconcile', '--json'], quiet, this.nationalEnv());
  }
}
