import type { Browser, Page } from 'playwright-core';
import { launchChromium, screenshot } from '../support/headless-chromium';
import { eventually } from '../support/wait';
import { dossierCode, HOAN_KIEM, KpiHarness } from '../support/kpi-harness';
import { STORIES } from '../support/kpi-stories';
import axios from 'axios';

jest.setTimeout(150_000);

const PERIOD = 'from=2026-01-01&to=2026-01-31';
const CAU_GIAY = { maDinhDanh: '000.00.21.H26', ten: 'UBND phường Cầu Giấy' };

describe('the KPI dashboard in a browser', () => {
  let sut: KpiHarness;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    sut = await new KpiHarness().start();
    await sut.publishStories(STORIES);
    await eventually(
      async () =>
        (await axios.get(`${sut.dashboardUrl}/kpi/api/ranking?${PERIOD}`)).data.city.counts.received,
      (received) => received === STORIES.length,
    );
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  });

  afterAll(async () => {
    await browser?.close();
    await sut?.close();
  });

  it('ranks the agencies with their score and each group, items it cannot measure said so', async () => {
    await page.goto(`${sut.dashboardUrl}/kpi?${PERIOD}`);
    await page.waitForSelector('#ranking tbody tr[data-agency]');
    await page.waitForSelector('#live.on');

    const rows = await page.$$eval('#ranking tbody tr', (trs) =>
      trs.map((tr) => [tr.getAttribute('data-agency'), tr.querySelector('td.text')?.textContent ?? '']),
    );
    expect(rows).toEqual([
      ['000.00.13.H26', expect.stringContaining('UBND phường Ba Đình')],
      ['000.00.12.H26', expect.stringContaining('UBND phường Hoàn Kiếm')],
    ]);
    expect(await page.textContent('#ranking tr[data-agency="000.00.12.H26"] td.points')).toContain(
      '35.4 / 72', // 3.3's synced rate: the portal holds none of these dossiers here
    );
    expect(await page.textContent('#ranking thead')).toContain('Tiến độ giải quyết');
    expect(await page.textContent('#ranking tbody')).toContain('không có dữ liệu');
    expect(await page.textContent('#summary')).toContain('Hồ sơ tiếp nhận');
    // Both charts drew on their canvas.
    expect(await page.$$('#series-chart canvas, #groups-chart canvas')).toHaveLength(2);
    await screenshot(page, 'kpi-dashboard');
  });

  it('shows a new agency within 5 s of its dossier event, without reloading the page', async () => {
    const loadedBefore = await page.getAttribute('#live', 'data-loaded');
    await sut.publishStories([
      {
        serial: 1,
        agency: CAU_GIAY,
        received: '2026-01-15T08:00:00',
        due: '2026-01-20T17:00:00',
        steps: [{ status: 'DA_TIEP_NHAN', at: '2026-01-15T08:00:00' }],
      },
    ]);
    await page.waitForSelector(`#ranking tr[data-agency="${CAU_GIAY.maDinhDanh}"]`, { timeout: 5_000 });
    expect(await page.getAttribute('#live', 'data-loaded')).not.toBe(loadedBefore);
    expect(await page.textContent(`#ranking tr[data-agency="${CAU_GIAY.maDinhDanh}"]`)).toContain(
      'UBND phường Cầu Giấy',
    );
  });

  it("opens an agency's drill-down: items, and its overdue dossier codes only with a viewer token", async () => {
    await page.click(`#ranking tr[data-agency="${HOAN_KIEM.maDinhDanh}"]`);
    await page.waitForSelector('#items tbody tr[data-item="on_time"]');
    expect(await page.textContent('#title')).toContain('UBND phường Hoàn Kiếm');
    expect(await page.textContent('#items tr[data-item="on_time"]')).toContain('12 / 20');
    expect(await page.textContent('#items tr[data-item="procedures_published"]')).toContain('không đo được');
    expect(await page.textContent('#overdue')).not.toContain(dossierCode(STORIES[3]));

    await page.fill('#token-form input[name="token"]', await sut.token('viewer'));
    await page.click('#token-form button');
    await page.waitForSelector('#overdue .dossier');
    expect(await page.$$eval('#overdue code', (codes) => codes.map((code) => code.textContent))).toEqual([
      dossierCode(STORIES[3]),
    ]);
    await screenshot(page, 'kpi-agency');
  });
});
