/* global window, document, fetch, sessionStorage, localStorage, I18N */
'use strict';

// The operator console's pages: plain DOM, no build step. Everything comes from /api/v1 with the
// bearer token the operator signs in with (kept for this tab only); pages refresh every 3 seconds.
// This file holds what every page shares; each pages-*.js file adds its pages to
// `LienthongConsole.pages`, and app.js routes between them and refreshes them.
(() => {
  const shared = (window.LienthongConsole = { pages: {} });
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
    shared.render();
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

  Object.assign(shared, {
    state,
    main,
    StaleAnswer,
    t,
    esc,
    time,
    may,
    rate,
    api,
    logout,
    applyLanguage,
    notice,
    say,
  });
})();
