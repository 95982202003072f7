/* global window, document, fetch, URL */
'use strict';

// The console pages: payments (pending, failed, receipts missing, callbacks refused, reconcile), and
// the payments table the dossier trace shows too. A receipt is read with the operator's token (each
// read audited by the API), so it opens from a button, never a plain link.
(() => {
  const shared = window.LienthongConsole;
  const { state, main, t, esc, time, may, api, notice, say } = shared;

  const money = (amount) => `${Number(amount).toLocaleString('vi-VN')} ₫`;

  function receiptCell(payment) {
    if (!payment.receipt) return payment.state === 'paid' ? t('pay.receiptPending') : '';
    if (!may('operator')) return t('pay.receiptOperators');
    return `<button type="button" data-receipt="${esc(payment.reference)}" data-testid="receipt">${t('pay.receipt')}</button>`;
  }

  function paymentsTable(payments, testid) {
    if (payments.length === 0) return `<p data-testid="${testid}-empty">${t('pay.none')}</p>`;
    return `<table data-testid="${testid}"><thead><tr>
      <th>${t('pay.reference')}</th><th>${t('pay.dossier')}</th><th>${t('pay.state')}</th><th>${t('pay.amount')}</th>
      <th>${t('pay.initiated')}</th><th>${t('pay.settled')}</th><th>${t('pay.reason')}</th><th>${t('pay.url')}</th><th>${t('pay.receipt')}</th></tr></thead><tbody>
      ${payments
        .map(
          (payment) => `<tr data-reference="${esc(payment.reference)}" data-state="${esc(payment.state)}">
          <td class="mono">${esc(payment.reference)}</td>
          <td><a href="#/trace/${encodeURIComponent(payment.dossierCode)}">${esc(payment.dossierCode)}</a></td>
          <td class="${payment.state === 'paid' ? 'ok' : payment.state === 'initiated' ? '' : 'bad'}">${esc(t(`paystate.${payment.state}`))}</td>
          <td>${money(payment.amount)}${payment.amountDiffers ? ` <strong class="bad">${t('pay.differs')}</strong>` : ''}</td>
          <td>${time(payment.initiatedAt)}</td><td>${time(payment.settledAt)}</td><td>${esc(payment.reason)}</td>
          <td class="mono">${payment.paymentUrl ? esc(payment.paymentUrl) : ''}</td>
          <td>${receiptCell(payment)}</td></tr>`,
        )
        .join('')}
      </tbody></table>`;
  }

  async function openReceipt(reference) {
    const response = await fetch(`/api/v1/payments/${encodeURIComponent(reference)}/receipt`, {
      headers: { authorization: `Bearer ${state.token}` },
    });
    if (!response.ok) return say(response.status === 403 ? t('forbidden') : response.statusText, true);
    window.open(URL.createObjectURL(await response.blob()), '_blank', 'noopener');
  }

  // One listener for every receipt button the pages draw, whenever they draw them.
  main.addEventListener('click', (event) => {
    const button = event.target.closest('[data-receipt]');
    if (button) void openReceipt(button.dataset.receipt);
  });

  async function paymentsPage(first) {
    if (first) {
      main.innerHTML = `
        <h1>${t('pay.title')}</h1>
        <p><button type="button" id="reconcile" class="primary" data-testid="reconcile" ${may('operator') ? '' : 'disabled'}>${t('pay.reconcile')}</button></p>
        <div id="notice-slot">${notice()}</div>
        <div id="payments"></div>`;
      document.getElementById('reconcile').addEventListener('click', async () => {
        try {
          const report = await api('/payments/reconcile', { method: 'POST', body: '{}' });
          say(t('pay.reconciled', report));
        } catch (error) {
          say(error.message, true);
        }
      });
    }
    const answer = await api('/payments');
    const slot = document.getElementById('payments');
    if (!slot) return;
    document.getElementById('reconcile').title = answer.reconcile ? '' : t('pay.reconcileOff');
    slot.innerHTML = `
      <h2>${t('pay.pending')}</h2>${paymentsTable(answer.pending, 'pending')}
      <h2>${t('pay.failed')}</h2>${paymentsTable(answer.failed, 'failed')}
      <h2>${t('pay.missing')}</h2>
      ${
        answer.receiptsMissing.length === 0
          ? `<p>${t('pay.none')}</p>`
          : `<table data-testid="receipts-missing"><thead><tr><th>${t('pay.reference')}</th><th>${t('pay.dossier')}</th>
             <th>${t('pay.attempts')}</th><th>${t('pay.nextTry')}</th><th>${t('pay.reason')}</th></tr></thead><tbody>
             ${answer.receiptsMissing
               .map(
                 (one) => `<tr><td class="mono">${esc(one.reference)}</td><td>${esc(one.dossierCode)}</td>
                 <td>${one.attempts}</td><td>${time(one.nextTry)}</td><td>${esc(one.lastError)}</td></tr>`,
               )
               .join('')}</tbody></table>`
      }
      <h2>${t('pay.refused')}</h2>
      ${
        answer.refusedCallbacks.length === 0
          ? `<p data-testid="refused-empty">${t('pay.none')}</p>`
          : `<table data-testid="refused-callbacks"><thead><tr><th>${t('pay.received')}</th><th>${t('pay.reason')}</th>
             <th>${t('pay.reference')}</th><th>${t('pay.from')}</th><th>${t('pay.body')}</th></tr></thead><tbody>
             ${answer.refusedCallbacks
               .map(
                 (one) => `<tr><td>${time(one.receivedAt)}</td><td class="bad">${esc(one.reason)}</td>
                 <td class="mono">${esc(one.reference)}</td><td>${esc(one.remoteAddress)}</td>
                 <td class="mono">${esc(JSON.stringify(one.body))}</td></tr>`,
               )
               .join('')}</tbody></table>`
      }`;
  }

  Object.assign(shared, { paymentsTable });
  Object.assign(shared.pages, { paymentsPage });
})();
