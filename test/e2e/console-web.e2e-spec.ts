/// <reference lib="dom" />
import { existsSync, statSync } from 'node:fs';
import axios from 'axios';
import { deadLetter } from '@lienthong/kafka';
import { motcuaLifecycle } from '@lienthong/simulator';
import type { Browser, Page } from 'playwright-core';
import { ConsoleHarness } from '../support/console-harness';
import { launchChromium, screenshot } from '../support/headless-chromium';
import { eventually } from '../support/wait';
import { publish } from '../support/kafka-client';

jest.setTimeout(120_000);

/**
 * The web console in a real headless Chromium over the real flow: sign in, the live overview, a pause
 * and a resume, a dead-letter replay that reaches the portal, a dossier's trace, the audit log; in
 * Vietnamese, and in English on request. Every page is saved as a screenshot.
 */
describe('web console in headless Chromium', () => {
  let sut: ConsoleHarness;
  let browser: Browser;
  let page: Page;
  let operator: string;
  const shots: string[] = [];
  const dossier = motcuaLifecycle(8000, Date.now() - 86_400_000);
  const code = dossier[0].hoSo.maHoSo;

  const shoot = async (name: string) => shots.push(await screenshot(page, `console-${name}`));

  beforeAll(async () => {
    sut = new ConsoleHarness();
    await sut.start();
    await sut.startConsole({ CONSOLE_PORTAL_RESYNC: 'true' });
    operator = await sut.token('operator', 'Nguyễn Văn An');
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1360, height: 860 } });
    await publish(
      sut.topics.source('motcua'),
      dossier.map((event) => ({ key: code, value: JSON.stringify(event) })),
    );
  });

  afterAll(async () => {
    await browser?.close();
    await sut?.close();
  });

  it('refuses a bad token, then signs in and shows the live overview in Vietnamese', async () => {
    await page.goto(sut.consoleUrl);
    await page.getByTestId('token-input').fill('lt_not-a-token');
    await page.getByTestId('login').click();
    await page.getByTestId('notice').waitFor();
    expect(await page.getByTestId('notice').textContent()).toContain('không hợp lệ');
    await shoot('login');

    await page.getByTestId('token-input').fill(operator);
    await page.getByTestId('login').click();
    await page.getByTestId('card-national-portal').waitFor();
    expect(await page.getByTestId('who').textContent()).toContain('Nguyễn Văn An (vận hành)');
    expect(await page.locator('nav').textContent()).toContain('Bộ kết nối');
    // Live: the delivered count grows without a reload once the dossier reaches the portal.
    await page.waitForFunction(
      () =>
        /Đã chuyển: [1-9]/.test(
          document.querySelector('[data-testid=card-national-portal]')?.textContent ?? '',
        ),
      undefined,
      { timeout: 30_000 },
    );
    await shoot('overview');
  });

  it('switches to English and back', async () => {
    await page.getByTestId('language').click();
    await page.waitForFunction(() => document.querySelector('nav')?.textContent?.includes('Connectors'));
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await shoot('overview-en');
    await page.getByTestId('language').click();
    await page.waitForFunction(() => document.querySelector('nav')?.textContent?.includes('Bộ kết nối'));
  });

  it('pauses and resumes a connector', async () => {
    await page.goto(`${sut.consoleUrl}/#/connectors`);
    await page.getByTestId('pause-national-portal').click();
    await page.getByTestId('resume-national-portal').waitFor();
    expect(await page.getByTestId('state-national-portal').textContent()).toBe('tạm dừng');
    const { data } = await sut.api(operator).get('/connectors/national-portal');
    expect(data).toMatchObject({ paused: true, pausedBy: 'Nguyễn Văn An' });
    await page.waitForFunction(
      () =>
        /\(1 tạm dừng\)/.test(
          document.querySelector('[data-testid=connector-national-portal]')?.textContent ?? '',
        ),
      undefined,
      { timeout: 10_000 },
    );
    await shoot('connectors-paused');
    await page.getByTestId('resume-national-portal').click();
    await page.getByTestId('pause-national-portal').waitFor();
    expect((await sut.api(operator).get('/connectors/national-portal')).data.paused).toBe(false);
  });

  it('replays a dead letter from the list and it reaches the portal', async () => {
    const fixed = motcuaLifecycle(8001, Date.now() - 86_400_000)[0];
    const letter = deadLetter(
      sut.topics.deadLetter('hub'),
      'hub',
      {
        topic: sut.topics.source('motcua'),
        partition: 0,
        offset: '0',
        key: Buffer.from(fixed.hoSo.maHoSo),
        value: Buffer.from(JSON.stringify(fixed)),
        headers: {},
        timestamp: String(Date.now()),
      },
      { reason: 'UNKNOWN_STATUS', message: 'a status an earlier hub did not know' },
    );
    await publish(letter.topic, [{ key: letter.key, value: letter.value, headers: letter.headers }]);

    await page.goto(`${sut.consoleUrl}/#/dead-letters`);
    const row = page.locator('[data-testid^=dead-letter-]', { hasText: fixed.hoSo.maHoSo });
    await row.waitFor({ timeout: 20_000 });
    const id = (await row.getAttribute('data-testid'))!.replace('dead-letter-', '');
    await shoot('dead-letters');

    await page.goto(`${sut.consoleUrl}/#/dead-letters/${id}`);
    await page.getByTestId('decoded').waitFor();
    expect(await page.getByTestId('decoded').textContent()).toContain(fixed.hoSo.maHoSo);
    await shoot('dead-letter');

    await page.goto(`${sut.consoleUrl}/#/dead-letters`);
    await page.getByTestId(`replay-${id}`).click();
    await page.getByTestId('notice').waitFor();
    expect(await page.getByTestId('notice').textContent()).toMatch(/Đã gửi lại 1 thư lỗi/);
    await page.waitForFunction(
      (letterId) => !!document.querySelector(`[data-testid=replayed-${letterId}]`)?.textContent,
      id,
    );
    await shoot('dead-letters-replayed');
    const held = await eventually(
      () => sut.portal.lookup(fixed.hoSo.maHoSo),
      (record) => record !== undefined,
      30_000,
    );
    expect(held?.MaHoSo).toBe(fixed.hoSo.maHoSo);
    expect((await sut.portal.held(fixed.hoSo.maHoSo)).creates).toBe(1);
  });

  it("traces a dossier, with the portal's record beside what was sent", async () => {
    await page.goto(`${sut.consoleUrl}/#/trace`);
    await page.getByTestId('trace-code').fill(code);
    await page.getByTestId('trace-go').click();
    await page.locator('[data-testid=timeline] tr[data-kind=delivery]').first().waitFor({ timeout: 20_000 });
    expect(await page.locator('[data-testid=timeline] tr[data-kind=source]').count()).toBe(dossier.length);
    expect(await page.getByTestId('portal-held').textContent()).toContain(code);
    await shoot('trace');
  });

  it('re-syncs a dossier the portal lost from its trace page', async () => {
    await axios.delete(`${sut.portal.baseUrl}/_sandbox/dossiers/${encodeURIComponent(code)}`);
    expect(await sut.portal.lookup(code)).toBeUndefined();

    await page.getByTestId('resync').click();

    await page.waitForFunction(() =>
      /Đồng bộ lại: đã gửi lại/.test(document.querySelector('[data-testid=notice]')?.textContent ?? ''),
    );
    expect((await sut.portal.lookup(code))?.MaHoSo).toBe(code);
    await shoot('trace-resynced');
  });

  it('shows every action in the audit log, intact', async () => {
    await page.goto(`${sut.consoleUrl}/#/audit`);
    await page.getByTestId('audit').waitFor();
    const text = await page.getByTestId('audit').textContent();
    for (const action of ['connector.pause', 'connector.resume', 'dead-letter.replay', 'dossier.resync'])
      expect(text).toContain(action);
    expect(text).toContain('Nguyễn Văn An (operator)');
    await page.getByTestId('verify').click();
    await page.getByTestId('notice').waitFor();
    expect(await page.getByTestId('notice').textContent()).toMatch(/Nhật ký nguyên vẹn/);
    await shoot('audit');
  });

  it('disables what a viewer may not do', async () => {
    const viewer = await sut.token('viewer', 'Trần Thị Bình');
    const context = await browser.newContext();
    const viewerPage = await context.newPage();
    await viewerPage.goto(sut.consoleUrl);
    await viewerPage.getByTestId('token-input').fill(viewer);
    await viewerPage.getByTestId('login').click();
    await viewerPage.getByTestId('card-national-portal').waitFor();
    await viewerPage.goto(`${sut.consoleUrl}/#/connectors`);
    await viewerPage.getByTestId('pause-national-portal').waitFor();
    expect(await viewerPage.getByTestId('pause-national-portal').isDisabled()).toBe(true);
    await viewerPage.goto(`${sut.consoleUrl}/#/trace/${encodeURIComponent(code)}`);
    await viewerPage.getByTestId('timeline').waitFor();
    expect(await viewerPage.getByTestId('resync').count()).toBe(0);
    await context.close();
  });

  afterAll(() => {
    for (const shot of shots) expect(existsSync(shot) && statSync(shot).size > 0).toBe(true);
  });
});
