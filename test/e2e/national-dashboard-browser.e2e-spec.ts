import type { Browser, Page } from 'playwright-core';
import axios from 'axios';
import { launchChromium, screenshot } from '../support/headless-chromium';
import { NationalHarness } from '../support/national-harness';

jest.setTimeout(240_000);

const MONTH = '2026-11';
const DEPARTMENT = '000.00.15.H26';

/**
 * The national comparison in a real headless Chromium, over the real flow: a simulated November through
 * the hub and the portal connector into the portal sandbox, the scoring sandbox publishing what that
 * portal holds, the dashboard app polling it. The portal then loses the online dossiers of a ward: the
 * comparison shows that ward's drift, and its drill-down names those dossiers as the cause.
 */
describe('the national comparison in a browser', () => {
  const sut = new NationalHarness();
  let browser: Browser;
  let page: Page;
  let ward: string;
  let lost: string[];

  beforeAll(async () => {
    await sut.startNational();
    const dossiers = await sut.publishMonth(MONTH, 8);
    await sut.untilPortalHolds(dossiers);
    // A ward that received dossiers online and otherwise loses its online ones at the portal after they
    // were synced: the nation's online share of that ward falls to 0, Lienthong's does not.
    const wards = dossiers.filter(({ agency }) => agency !== DEPARTMENT);
    const mixed = (code: string) =>
      new Set(wards.filter(({ agency }) => agency === code).map(({ online }) => online)).size === 2;
    ward = wards.map(({ agency }) => agency).find(mixed)!;
    lost = wards.filter(({ agency, online }) => agency === ward && online).map(({ code }) => code);
    for (const code of lost) await axios.delete(`${sut.portal.baseUrl}/_sandbox/dossiers/${code}`);
    await sut.fetchNational(MONTH);
    // The reconciliation finds them missing at the portal (and re-sends them): the evidence.
    expect(await sut.reconciler.run({ trigger: 'operator' })).toMatchObject({ missing: lost.length });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  });

  afterAll(async () => {
    await browser?.close();
    await sut.close();
  });

  it("shows each agency's national score and rank beside the city's own, with the drift", async () => {
    await page.goto(`${sut.dashboardUrl}/kpi/national?period=${MONTH}`);
    await page.waitForSelector('#comparison tbody tr[data-agency]');
    await page.waitForSelector('#live.on');

    expect(await page.textContent('#comparison thead')).toContain('Chênh lệch');
    expect(await page.textContent('#comparison thead')).toContain('Hạng quốc gia');
    const row = `#comparison tr[data-agency="${ward}"]`;
    // The ward's national score misses the lost dossiers: a drift, and its cause named in the row.
    expect(await page.textContent(`${row} td.drift`)).toMatch(/^[-+]?\d+\.\d{2}$/);
    expect(Number(await page.textContent(`${row} td[data-group="CLGQ"]`))).toBeLessThan(0);
    expect(await page.getAttribute(`${row} td[data-group="CLGQ"]`, 'class')).toContain('off');
    expect(await page.textContent(`${row} td.national`)).toMatch(/\d+\.\d{2}/);
    expect(await page.textContent(`${row} td.own`)).toMatch(/\d+\.\d{2}/);
    expect(await page.textContent(`${row} td.causes`)).toContain(`: ${lost.length} ·`);
    // The transport department lost nothing at the portal.
    expect(await page.textContent('#comparison tr[data-agency="000.00.15.H26"]')).toContain(
      'Sở Xây dựng Hà Nội',
    );
    await screenshot(page, 'kpi-national');
  });

  it("opens the ward's drill-down: items side by side, the lost dossiers as the cause, both scores over months", async () => {
    await page.click(`#comparison tr[data-agency="${ward}"]`);
    await page.waitForSelector('#items tbody tr[data-item]');
    await page.waitForSelector('#causes .cause-group[data-kind="not_at_portal"]');

    const cause = '#causes .cause-group[data-kind="not_at_portal"]';
    expect(
      (await page.$$eval(`${cause} code`, (codes) => codes.map((code) => code.textContent))).sort(),
    ).toEqual([...lost].sort());
    const traces = await page.$$eval(`${cause} a.trace`, (links) =>
      links.map((link) => link.getAttribute('href')),
    );
    expect(traces).toEqual(
      expect.arrayContaining(
        lost.map((code) => expect.stringContaining(`#/trace/${encodeURIComponent(code)}`)),
      ),
    );
    expect(await page.textContent('#items thead')).toContain('Chênh lệch');
    expect(await page.textContent(`#history tr[data-period="${MONTH}"]`)).toMatch(/\d+\.\d{2}/);
    expect(await page.$$('#history-chart canvas')).toHaveLength(1);
    await screenshot(page, 'kpi-national-agency');
  });
});
