/* global window, document, fetch, sessionStorage, localStorage, setInterval, clearInterval, location, URLSearchParams, FormData, I18N */
'use strict';

// The operator console's pages: plain DOM, no build step. Everything comes from /api/v1 with the
// bearer token the operator signs in with (kept for this tab only); pages refresh every 3 seconds.
(() => {
  const REFRESH_MS = 3000;
  const state = {
    token: sessionStorage.getItem('lienthong.token'),
    me: null,
    lang: localStorage.getItem('lienthong.lang') || 'vi',
    timer: null,
    selected: new Set(),
    filter: {},
    notice: null,
    // Bumped on every navigation: an answer to a page left meanwhile is dropped, never drawn.
    generation: 0,
  };
  class StaleAnswer extends Error {}
  const main = document.getElementById('main');

  const t = (key, vars = {}) =>
    Object.entries(vars).reduce(
      (text, [name, value]) => text.replace(`{${name}}`, value),
      I18N[state.lang][key] ?? key,
    );
  const esc = (value) =>
    String(value ?? '').replace(
      /[&<>"']/g,
      (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c],
    );
  const time = (iso) => (iso ? new Date(iso).toLocaleString(state.lang === 'vi' ? 'vi-VN' : 'en-GB') : '');
  const may = (role) =>
    ['viewer', 'operator', 'admin'].indexOf(state.me?.role) >= ['viewer', 'operator', 'admin'].indexOf(role);
  const rate = (count) => `${count.total} <small>(${count.perMinute}${t('perMinute')})</small>`;

  async function api(path, options = {}) {
    const generation = state.generation;
    const response = await fetch(`/api/v1${path}`, {
      ...options,
      headers: { authorization: `Bearer ${state.token}`, 'content-type': 'application/json' },
    });
    const body = await response.json().catch(() => ({}));
    if (response.status === 401) {
      logout();
      throw new Error(t('login.bad'));
    }
    if (!response.ok) {
      const message = Array.isArray(body.message)
        ? body.message.join('; ')
        : body.message || response.statusText;
      throw Object.assign(new Error(response.status === 403 ? t('forbidden') : message), {
        status: response.status,
      });
    }
    if (!options.method && generation !== state.generation) throw new StaleAnswer();
    return body;
  }

  function logout() {
    sessionStorage.removeItem('lienthong.token');
    state.token = null;
    state.me = null;
    render();
  }

  function applyLanguage() {
    document.documentElement.lang = state.lang;
    for (const element of document.querySelectorAll('[data-i18n]'))
      element.textContent = t(element.dataset.i18n);
    document.getElementById('language').textContent = t('language');
    document.getElementById('who').textContent = state.me
      ? `${state.me.name} (${t(`role.${state.me.role}`)})`
      : '';
  }

  function notice() {
    if (!state.notice) return '';
    const { text, error } = state.notice;
    return `<div class="message${error ? ' error' : ''}" data-testid="notice">${esc(text)}</div>`;
  }

  function say(text, error = false) {
    state.notice = { text, error };
    const slot = document.getElementById('notice-slot');
    if (slot) slot.innerHTML = notice();
  }

  // ---- pages -------------------------------------------------------------------------------------

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
        render();
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
        await refresh();
      });
    }
  }

  function deadLetterQuery() {
    const params = new URLSearchParams();
    for (const [name, value] of Object.entries(state.filter)) if (value) params.set(name, value);
    params.set('limit', '200');
    return params.toString();
  }

  async function deadLettersPage(first) {
    if (first) {
      main.innerHTML = `
        <h1>${t('dlq.title')}</h1>
        <form class="filters" id="dlq-filter">
          <select name="stage" data-testid="filter-stage"><option value="">${t('dlq.stage')}: ${t('dlq.any')}</option></select>
          <input name="reason" placeholder="${t('dlq.reason')}" data-testid="filter-reason" />
          <input name="source" placeholder="${t('dlq.source')}" />
          <input name="dossierCode" placeholder="${t('dlq.dossier')}" data-testid="filter-dossier" />
          <button type="submit">${t('dlq.filter')}</button>
          <button type="button" id="replay-selected" class="primary" data-testid="replay-selected" ${may('operator') ? '' : 'disabled'}>${t('dlq.replaySelected')}</button>
          <button type="button" id="replay-all" ${may('operator') ? '' : 'disabled'} data-testid="replay-all">${t('dlq.replayAll')}</button>
        </form>
        <div id="notice-slot">${notice()}</div>
        <div id="dlq-table"></div>`;
      const form = document.getElementById('dlq-filter');
      const { connectors } = await api('/connectors');
      form.stage.insertAdjacentHTML(
        'beforeend',
        ['hub', ...connectors.map((connector) => connector.name)]
          .map((stage) => `<option value="${esc(stage)}">${esc(stage)}</option>`)
          .join(''),
      );
      for (const [name, value] of Object.entries(state.filter)) if (form[name]) form[name].value = value;
      form.addEventListener('submit', async (event) => {
        event.preventDefault();
        state.filter = Object.fromEntries(new FormData(form).entries());
        state.selected.clear();
        await refresh();
      });
      document
        .getElementById('replay-selected')
        .addEventListener('click', () => replay({ ids: [...state.selected].map(Number) }));
      document.getElementById('replay-all').addEventListener('click', () => {
        const filter = Object.fromEntries(Object.entries(state.filter).filter(([, value]) => value));
        return replay({ filter });
      });
    }
    const { deadLetters } = await api(`/dead-letters?${deadLetterQuery()}`);
    const table = document.getElementById('dlq-table');
    if (!table) return;
    table.innerHTML =
      deadLetters.length === 0
        ? `<p data-testid="dlq-empty">${t('dlq.none')}</p>`
        : `<table data-testid="dead-letters"><thead><tr>
            <th></th><th>#</th><th>${t('dlq.stage')}</th><th>${t('dlq.reason')}</th><th>${t('dlq.source')}</th>
            <th>${t('dlq.dossier')}</th><th>${t('dlq.failedAt')}</th><th>${t('dlq.replayed')}</th><th></th></tr></thead><tbody>
            ${deadLetters
              .map(
                (letter) => `<tr data-testid="dead-letter-${letter.id}">
                <td><input type="checkbox" data-id="${letter.id}" ${state.selected.has(String(letter.id)) ? 'checked' : ''} /></td>
                <td><a href="#/dead-letters/${letter.id}">${letter.id}</a></td>
                <td>${esc(letter.stage)}</td>
                <td title="${esc(letter.message)}">${esc(letter.reason)}</td>
                <td>${esc(letter.sourceSystem)}</td>
                <td>${letter.dossierCode ? `<a href="#/trace/${encodeURIComponent(letter.dossierCode)}">${esc(letter.dossierCode)}</a>` : ''}</td>
                <td>${time(letter.failedAt)}</td>
                <td data-testid="replayed-${letter.id}">${time(letter.replayedAt)}</td>
                <td><button type="button" data-replay="${letter.id}" data-testid="replay-${letter.id}" ${may('operator') ? '' : 'disabled'}>${t('dlq.replay')}</button></td>
              </tr>`,
              )
              .join('')}
            </tbody></table>`;
    for (const box of table.querySelectorAll('input[type=checkbox]')) {
      box.addEventListener('change', () =>
        box.checked ? state.selected.add(box.dataset.id) : state.selected.delete(box.dataset.id),
      );
    }
    for (const button of table.querySelectorAll('button[data-replay]')) {
      button.addEventListener('click', () => replay({ ids: [Number(button.dataset.replay)] }));
    }
  }

  async function replay(request) {
    if (request.ids && request.ids.length === 0) return;
    try {
      const result = await api('/dead-letters/replay', { method: 'POST', body: JSON.stringify(request) });
      const refused = result.refused.map(({ id, reason }) => `#${id}: ${reason}`);
      say(
        [
          result.replayed > 0
            ? t('dlq.replayedN', { n: result.replayed, id: result.replayId })
            : result.message,
          ...(refused.length > 0 ? [t('dlq.refusedN', { n: refused.length, list: refused.join('; ') })] : []),
        ].join(' '),
        refused.length > 0,
      );
      state.selected.clear();
    } catch (error) {
      say(error.message, true);
    }
    await refresh();
  }

  async function deadLetterPage(id) {
    const letter = await api(`/dead-letters/${encodeURIComponent(id)}`);
    main.innerHTML = `
      <h1>${t('dlq.title')} #${letter.id}</h1>
      <div id="notice-slot">${notice()}</div>
      <table data-testid="dead-letter"><tbody>
        <tr><th>${t('dlq.stage')}</th><td>${esc(letter.stage)}</td></tr>
        <tr><th>${t('dlq.reason')}</th><td>${esc(letter.reason)}: ${esc(letter.message)}</td></tr>
        <tr><th>${t('dlq.dossier')}</th><td>${esc(letter.dossierCode)}</td></tr>
        <tr><th>Kafka</th><td class="mono">${esc(`${letter.topic}/${letter.partition}/${letter.offset}`)} ← ${esc(`${letter.sourceTopic}/${letter.sourcePartition}/${letter.sourceOffset}`)}</td></tr>
        <tr><th>${t('dlq.failedAt')}</th><td>${time(letter.failedAt)}</td></tr>
        <tr><th>${t('dlq.replayed')}</th><td>${time(letter.replayedAt)} ${esc(letter.replayId)}</td></tr>
        <tr><th>${t('dlq.held')}</th><td data-testid="held">${letter.held ? t('dlq.heldYes') : t('dlq.heldNo')}</td></tr>
      </tbody></table>
      <p><button type="button" class="primary" id="replay-one" data-testid="replay-one" ${may('operator') ? '' : 'disabled'}>${t('dlq.replay')}</button></p>
      <h2>${t('dlq.headers')}</h2>
      <table class="mono">${Object.entries(letter.headers)
        .map(([name, value]) => `<tr><th>${esc(name)}</th><td>${esc(value)}</td></tr>`)
        .join('')}</table>
      <h2>${t('dlq.decoded')}</h2>
      <pre data-testid="decoded">${esc(letter.decoded ? JSON.stringify(letter.decoded, null, 2) : (letter.valueText ?? t('dlq.undecodable')))}</pre>
      ${letter.masked ? `<p class="message">${t('masked')}</p>` : ''}
      ${letter.history.length ? `<h2>${t('dlq.history')}</h2><pre>${esc(JSON.stringify(letter.history, null, 2))}</pre>` : ''}`;
    document.getElementById('replay-one').addEventListener('click', () => replay({ ids: [letter.id] }));
  }

  async function tracePage(code, first) {
    if (first) {
      main.innerHTML = `
        <h1>${t('trace.title')}</h1>
        <form class="filters" id="trace-form">
          <input name="code" placeholder="${t('trace.code')}" value="${esc(code)}" size="32" data-testid="trace-code" />
          <button type="submit" class="primary" data-testid="trace-go">${t('trace.go')}</button>
        </form>
        <div id="notice-slot"></div>
        <div id="trace"></div>
        <div id="reveal"></div>`;
      document.getElementById('trace-form').addEventListener('submit', (event) => {
        event.preventDefault();
        location.hash = `#/trace/${encodeURIComponent(event.target.code.value.trim())}`;
      });
    }
    if (!code) return;
    revealForm(code);
    let trace;
    try {
      trace = await api(`/dossiers/${encodeURIComponent(code)}/trace`);
    } catch (error) {
      if (error instanceof StaleAnswer) throw error;
      document.getElementById('trace').innerHTML =
        `<div class="message error" data-testid="notice">${esc(error.message)}</div>`;
      return;
    }
    const portal = trace.portal;
    document.getElementById('trace').innerHTML = `
      <table data-testid="timeline"><thead><tr>
        <th>${t('trace.when')}</th><th>${t('trace.hop')}</th><th>${t('trace.stage')}</th><th>${t('trace.where')}</th>
        <th>${t('trace.event')}</th><th>${t('trace.status')}</th><th>${t('trace.detail')}</th></tr></thead><tbody>
        ${trace.timeline
          .map(
            (step) => `<tr data-kind="${esc(step.kind)}">
            <td>${time(step.at)}</td><td>${esc(step.kind)}</td><td>${esc(step.stage)}</td>
            <td class="mono">${step.topic ? esc(`${step.topic}/${step.partition}/${step.offset}`) : ''}</td>
            <td class="mono">${esc(step.eventId)}</td><td>${esc(step.status)}</td>
            <td class="mono">${esc(
              Object.entries(step.detail)
                .filter(([name]) => name !== 'answer' && name !== 'traceparent')
                .map(
                  ([name, value]) => `${name}=${typeof value === 'object' ? JSON.stringify(value) : value}`,
                )
                .join(' '),
            )}</td></tr>`,
          )
          .join('')}
      </tbody></table>
      <h2>${t('trace.targets')}</h2>
      <table><tbody>${trace.targets
        .map(
          (target) =>
            `<tr><th>${esc(target.connector)}</th><td>seq ${target.lastSequence}</td><td>${t('trace.status')} ${esc(target.status)}</td><td>${time(target.updatedAt)}</td></tr>`,
        )
        .join('')}</tbody></table>
      <h2>${t('trace.portal')}</h2>
      ${
        portal.error
          ? `<div class="message error">${esc(portal.error)}</div>`
          : `<div class="message" data-testid="portal-verdict">${portal.differences.length ? `${t('trace.differs')}: ${esc(portal.differences.join(', '))}` : t('trace.same')}</div>`
      }
      <div class="side">
        <div><strong>${t('trace.sent')}</strong><pre>${esc(JSON.stringify(portal.sent, null, 2))}</pre></div>
        <div><strong>${t('trace.held')}</strong><pre data-testid="portal-held">${esc(JSON.stringify(portal.held, null, 2))}</pre></div>
      </div>`;
  }

  // Personal data in clear, one dossier at a time, for a stated reason (audited by the API before it answers).
  function revealForm(code) {
    const slot = document.getElementById('reveal');
    if (slot.dataset.code === code) return;
    slot.dataset.code = code;
    if (!may('operator') || !state.me?.scopes?.includes('pii:read')) {
      slot.innerHTML = `<p class="message">${t('masked')}</p>`;
      return;
    }
    slot.innerHTML = `
      <h2>${t('reveal.title')}</h2>
      <form class="filters" id="reveal-form">
        <input name="reason" placeholder="${t('reveal.reason')}" size="60" minlength="5" maxlength="500" required data-testid="reveal-reason" />
        <button type="submit" data-testid="reveal-go">${t('reveal.go')}</button>
      </form>
      <pre data-testid="revealed"></pre>`;
    document.getElementById('reveal-form').addEventListener('submit', async (event) => {
      event.preventDefault();
      const out = slot.querySelector('[data-testid="revealed"]');
      try {
        const revealed = await api(`/dossiers/${encodeURIComponent(code)}/reveal`, {
          method: 'POST',
          body: JSON.stringify({ reason: event.target.reason.value }),
        });
        out.textContent = JSON.stringify(
          {
            sent: revealed.trace.portal.sent,
            held: revealed.trace.portal.held,
            deadLetters: revealed.deadLetters.map((letter) => letter.decoded ?? letter.valueText),
          },
          null,
          2,
        );
      } catch (error) {
        out.textContent = error.message;
      }
    });
  }

  async function auditPage(first) {
    if (first) {
      main.innerHTML = `
        <h1>${t('audit.title')}</h1>
        <p><button type="button" id="verify" data-testid="verify">${t('audit.verify')}</button></p>
        <div id="notice-slot">${notice()}</div>
        <div id="audit"></div>`;
      document.getElementById('verify').addEventListener('click', async () => {
        const verdict = await api('/audit/verify');
        say(
          verdict.ok
            ? t('audit.intact', { n: verdict.checked })
            : t('audit.tampered', { n: verdict.problems.length }),
          !verdict.ok,
        );
      });
    }
    const { entries } = await api('/audit?limit=200');
    const slot = document.getElementById('audit');
    if (!slot) return;
    slot.innerHTML = `<table data-testid="audit"><thead><tr>
      <th>#</th><th>${t('audit.when')}</th><th>${t('audit.actor')}</th><th>${t('audit.action')}</th>
      <th>${t('audit.target')}</th><th>${t('audit.result')}</th><th>${t('audit.parameters')}</th></tr></thead><tbody>
      ${entries
        .map(
          (
            entry,
          ) => `<tr><td>${entry.id}</td><td>${time(entry.at)}</td><td>${esc(entry.actor)} (${esc(entry.role)})</td>
          <td>${esc(entry.action)}</td><td>${esc(entry.target)}</td>
          <td class="${entry.result === 'ok' ? 'ok' : 'bad'}">${esc(entry.result)}</td>
          <td class="mono">${esc(JSON.stringify(entry.parameters))}</td></tr>`,
        )
        .join('')}
      </tbody></table>`;
  }

  // ---- routing and live refresh --------------------------------------------------------------------

  function route() {
    const [, page = '', ...rest] = location.hash.replace(/^#/, '').split('/');
    return { page, arg: decodeURIComponent(rest.join('/')) };
  }

  async function refresh(first = false) {
    const { page, arg } = route();
    try {
      if (page === 'connectors') await connectorsPage();
      else if (page === 'dead-letters' && arg) await deadLetterPage(arg);
      else if (page === 'dead-letters') await deadLettersPage(first);
      else if (page === 'trace') await tracePage(arg, first);
      else if (page === 'audit') await auditPage(first);
      else await overviewPage();
      document.getElementById('updated').textContent = new Date().toLocaleTimeString(
        state.lang === 'vi' ? 'vi-VN' : 'en-GB',
      );
    } catch (error) {
      if (state.token && !(error instanceof StaleAnswer)) say(error.message, true);
    }
  }

  async function render() {
    clearInterval(state.timer);
    state.generation += 1;
    applyLanguage();
    const signedIn = Boolean(state.token);
    document.getElementById('nav').hidden = !signedIn;
    document.getElementById('logout').hidden = !signedIn;
    if (!signedIn) return loginPage();
    if (!state.me) {
      try {
        state.me = await api('/me');
      } catch {
        return;
      }
      applyLanguage();
    }
    const { page, arg } = route();
    for (const link of document.querySelectorAll('nav a')) {
      link.classList.toggle('active', link.dataset.page === (page || 'overview'));
    }
    await refresh(true);
    // A dead letter's page holds still; every other page is live.
    if (!(page === 'dead-letters' && arg)) state.timer = setInterval(() => void refresh(), REFRESH_MS);
  }

  window.addEventListener('hashchange', () => {
    state.notice = null;
    void render();
  });
  document.getElementById('language').addEventListener('click', () => {
    state.lang = state.lang === 'vi' ? 'en' : 'vi';
    localStorage.setItem('lienthong.lang', state.lang);
    void render();
  });
  document.getElementById('logout').addEventListener('click', logout);
  void render();
})();
