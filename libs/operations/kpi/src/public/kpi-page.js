/* global window, document, fetch, EventSource */
/*
 * What every dashboard page shares: element lookup, HTML escaping, JSON reads, and one reload at a time
 * driven by the live updates of /kpi/api/live (a message during a reload asks for one more after it).
 */
(() => {
  'use strict';

  const $ = (id) => document.getElementById(id);
  const escape = (text) =>
    String(text ?? '').replace(
      /[&<>"']/g,
      (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c],
    );

  async function getJson(path, headers = {}) {
    const response = await fetch(path, { headers });
    if (!response.ok) throw Object.assign(new Error(`${response.status}`), { status: response.status });
    return response.json();
  }

  /** A reload of `load` that never runs twice at once; `onError` says what failed on the page. */
  function coalescedReload(load, onError) {
    let reloading = null;
    let again = false;
    return async function reload() {
      if (reloading) {
        again = true;
        return;
      }
      reloading = load().catch(onError);
      await reloading;
      reloading = null;
      $('live').dataset.loaded = String(Date.now());
      if (again) {
        again = false;
        await reload();
      }
    };
  }

  /** Reloads on every projected batch (shown in #live) and on each of `alsoOn` (other live messages). */
  function followLive(reload, alsoOn = []) {
    const source = new EventSource('/kpi/api/live');
    source.addEventListener('projection', (event) => {
      const progress = JSON.parse(event.data);
      const status = $('live');
      status.classList.add('on');
      status.dataset.version = String(progress.version);
      status.textContent = `Trực tiếp · cập nhật ${new Date(progress.updatedAt).toLocaleTimeString('vi-VN')}`;
      void reload();
    });
    for (const name of alsoOn) source.addEventListener(name, () => void reload());
    source.onerror = () => {
      $('live').classList.remove('on');
      $('live').textContent = 'Mất kết nối, đang thử lại…';
    };
  }

  window.kpiPage = { $, escape, getJson, coalescedReload, followLive };
})();
