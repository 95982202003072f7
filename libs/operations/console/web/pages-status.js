/* global window, document, sessionStorage */
'use strict';

// The console pages: signing in, the overview and the connectors.
(() => {
  const shared = window.LienthongConsole;
  const { state, main, t, esc, may, rate, api, notice, say } = shared;

  function loginPage() {
    main.innerHTML = `
      <form class="login" id="login-form">
        <h1>${t('login.title')}</h1>
        <label for="token">${t('login.token')}</label>
        <input id="token" name="token" type="password" autocomplete="off" data-testid="token-input" />
        <button class="primary" type="submit" data-testid="login">${t('login.submit')}</button>
        <div id="notice-slot">${notice()}</div>
      </form>`;
    document.getElementById('login-form').addEventListener('submit', async (event) => {
      event.preventDefault();
      state.token = document.getElementById('token').value.trim();
      try {
        state.me = await api('/me');
        sessionStorage.setItem('lienthong.token', state.token);
        state.notice = null;
        shared.render();
      } catch {
        state.token = null;
        say(t('login.bad'), true);
      }
    });
  }

  async function overviewPage() {
    const { hub, connectors } = await api('/status');
    main.innerHTML = `
      <h1>${t('overview.title')}</h1>
      <div class="cards">
        <div class="card" data-testid="card-hub">
          <h3>${t('overview.hub')} <span class="state-${hub.state}">${t(`state.${hub.state}`)}</span></h3>
          <div>${t('canonical')}: <span class="big">${rate(hub.counts.canonical)}</span></div>
          <div>${t('lag')}: ${hub.lag.total}</div>
          <div>${t('deadLettered')}: ${rate(hub.counts.deadLettered)}</div>
        </div>
        ${connectors
          .map(
            (connector) => `
          <div class="card" data-testid="card-${esc(connector.name)}">
            <h3>${esc(connector.name)} <span class="state-${connector.state}">${t(`state.${connector.state}`)}</span></h3>
            <div>${t('delivered')}: <span class="big">${rate(connector.counts.delivered)}</span></div>
            <div>${t('lag')}: ${connector.lag.total} · ${t('breaker')}: ${t(`breaker.${connector.breaker}`)}</div>
            <div>${t('retried')}: ${rate(connector.counts.retried)} · ${t('deadLettered')}: ${rate(connector.counts.deadLettered)}</div>
          </div>`,
          )
          .join('')}
      </div>`;
  }

  async function connectorsPage() {
    const { connectors } = await api('/connectors');
    main.innerHTML = `
      <h1>${t('connectors.title')}</h1>
      <div id="notice-slot">${notice()}</div>
      <table data-testid="connectors">
        <thead><tr>
          <th></th><th>${t('state')}</th><th>${t('breaker')}</th><th>${t('replicas')}</th><th>${t('lag')}</th>
          <th>${t('delivered')}</th><th>${t('failed')}</th><th>${t('retried')}</th><th>${t('deadLettered')}</th>
          <th>${t('lastError')}</th><th>${t('actions')}</th>
        </tr></thead>
        <tbody>
          ${connectors
            .map(
              (connector) => `
            <tr data-testid="connector-${esc(connector.name)}">
              <th>${esc(connector.name)}</th>
              <td class="state-${connector.state}" data-testid="state-${esc(connector.name)}">${t(`state.${connector.state}`)}</td>
              <td>${t(`breaker.${connector.breaker}`)}</td>
              <td>${connector.replicas.length} (${connector.replicas.filter((replica) => replica.paused).length} ${t('state.paused')})</td>
              <td title="${esc(connector.lag.partitions.map((p) => `${p.topic}/${p.partition}: ${p.lag}`).join('\n'))}">${connector.lag.total}</td>
              <td>${rate(connector.counts.delivered)}</td>
              <td>${rate(connector.counts.failed)}</td>
              <td>${rate(connector.counts.retried)}</td>
              <td>${rate(connector.counts.deadLettered)}</td>
              <td class="mono">${connector.lastError ? esc(`${connector.lastError.code}: ${connector.lastError.message}`) : ''}</td>
              <td>
                <button type="button" data-action="${connector.paused ? 'resume' : 'pause'}" data-connector="${esc(connector.name)}"
                  data-testid="${connector.paused ? 'resume' : 'pause'}-${esc(connector.name)}" ${may('operator') ? '' : 'disabled'}>
                  ${t(connector.paused ? 'resume' : 'pause')}
                </button>
              </td>
            </tr>`,
            )
            .join('')}
        </tbody>
      </table>`;
    for (const button of main.querySelectorAll('button[data-action]')) {
      button.addEventListener('click', async () => {
        button.disabled = true;
        try {
          await api(`/connectors/${encodeURIComponent(button.dataset.connector)}/${button.dataset.action}`, {
            method: 'POST',
            body: JSON.stringify({ reason: 'web console' }),
          });
          state.notice = null;
        } catch (error) {
          state.notice = { text: error.message, error: true };
        }
        await shared.refresh();
      });
    }
  }

  Object.assign(shared.pages, { loginPage, overviewPage, connectorsPage });
})();
