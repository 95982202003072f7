/* global window, document, localStorage, setInterval, clearInterval, location */
'use strict';

// The operator console's routing and live refresh; the pages come from the pages-*.js files.
(() => {
  const shared = window.LienthongConsole;
  const { state, StaleAnswer, applyLanguage, say, logout, api, pages } = shared;
  const REFRESH_MS = 3000;

  function route() {
    const [, page = '', ...rest] = location.hash.replace(/^#/, '').split('/');
    return { page, arg: decodeURIComponent(rest.join('/')) };
  }

  async function refresh(first = false) {
    const { page, arg } = route();
    try {
      if (page === 'connectors') await pages.connectorsPage();
      else if (page === 'dead-letters' && arg) await pages.deadLetterPage(arg);
      else if (page === 'dead-letters') await pages.deadLettersPage(first);
      else if (page === 'trace') await pages.tracePage(arg, first);
      else if (page === 'payments') await pages.paymentsPage(first);
      else if (page === 'audit') await pages.auditPage(first);
      else await pages.overviewPage();
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
    if (!signedIn) return pages.loginPage();
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

  Object.assign(shared, { render, refresh });
  void render();
})();
