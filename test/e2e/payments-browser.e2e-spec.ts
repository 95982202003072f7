/// <reference lib="dom" />
import type { Browser, Page } from 'playwright-core';
import { launchChromium, screenshot } from '../support/headless-chromium';
import { PaymentConsoleHarness } from '../support/payment-console-harness';
import { paymentRequestNumber } from '../support/payment-requests';
import { until } from '../support/wait';

jest.setTimeout(120_000);

/**
 * The console's payments in a real headless Chromium: the payments page lists a pending and a failed
 * payment, and a dossier's trace shows its payment with the receipt for an operator, not for a viewer.
 */
describe('payments in the web console', () => {
  const sut = new PaymentConsoleHarness();
  const [paid, failed, pending] = [1, 2, 3].map((n) => paymentRequestNumber(6_000 + n));
  let browser: Browser;
  let page: Page;
  let operator: string;
  let viewer: string;

  const signIn = async (token: string) => {
    await page.goto(sut.consoleUrl);
    await page.evaluate(() => sessionStorage.clear());
    await page.reload();
    await page.getByTestId('token-input').fill(token);
    await page.getByTestId('login').click();
    await page.getByTestId('who').filter({ hasText: '(' }).waitFor();
  };
  const referenceOf = async (requestId: string) => (await sut.ledger.byRequestId(requestId))!.reference;

  beforeAll(async () => {
    await sut.start();
    operator = await sut.token('operator', 'Trần Thị Bình');
    viewer = await sut.token('viewer', 'Lê Văn Cường');
    await sut.request([paid, failed, pending]);
    await sut.settle(paid.requestId, 'paid');
    await sut.settle(failed.requestId, 'failed');
    await until('the paid payment to hold its receipt and the failed one to fail', async () => {
      const [one, two] = await Promise.all([paid, failed].map((r) => sut.ledger.byRequestId(r.requestId)));
      return one?.hasReceipt && two?.state === 'failed' ? true : undefined;
    });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1360, height: 860 } });
  });

  afterAll(async () => {
    await browser?.close();
    await sut.close();
  });

  it('lists the pending and the failed payment on the payments page', async () => {
    await signIn(operator);
    await page.goto(`${sut.consoleUrl}/#/payments`);

    const pendingRow = page
      .getByTestId('pending')
      .locator(`tr[data-reference="${await referenceOf(pending.requestId)}"]`);
    const failedRow = page
      .getByTestId('failed')
      .locator(`tr[data-reference="${await referenceOf(failed.requestId)}"]`);
    await pendingRow.waitFor();
    await failedRow.waitFor();
    expect(await pendingRow.textContent()).toContain(pending.dossierCode);
    expect(await pendingRow.getAttribute('data-state')).toBe('initiated');
    expect(await failedRow.textContent()).toContain('thất bại');
    // The paid one is neither pending nor failed.
    expect(await page.getByTestId('pending').textContent()).not.toContain(paid.dossierCode);
    expect(await page.getByTestId('reconcile').isEnabled()).toBe(true);
    await screenshot(page, 'console-payments');
  });

  it("shows a dossier's payment in its trace, with the receipt for an operator only", async () => {
    await page.goto(`${sut.consoleUrl}/#/trace/${encodeURIComponent(paid.dossierCode)}`);
    const row = page.getByTestId('trace-payments').locator('tr[data-state="paid"]');
    await row.waitFor();
    const text = await row.textContent();
    expect(text).toContain(await referenceOf(paid.requestId));
    expect(text).toContain('đã thanh toán');
    expect(text).toMatch(/http:\/\/127\.0\.0\.1:\d+\/pay\//);
    expect(await row.getByTestId('receipt').count()).toBe(1);
    await screenshot(page, 'console-trace-payment');

    await signIn(viewer);
    await page.goto(`${sut.consoleUrl}/#/trace/${encodeURIComponent(paid.dossierCode)}`);
    const seen = page.getByTestId('trace-payments').locator('tr[data-state="paid"]');
    await seen.waitFor();
    expect(await seen.getByTestId('receipt').count()).toBe(0);
    expect(await seen.textContent()).toContain('người vận hành xem');
    await page.goto(`${sut.consoleUrl}/#/payments`);
    await page.getByTestId('pending').waitFor();
    expect(await page.getByTestId('reconcile').isDisabled()).toBe(true);
  });
});
