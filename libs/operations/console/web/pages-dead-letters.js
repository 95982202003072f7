/* global window, document, URLSearchParams, FormData */
'use strict';

// The console pages: dead letters, listed, one at a time, and replayed.
(() => {
  const shared = window.LienthongConsole;
  const { state, main, t, esc, time, may, api, notice, say } = shared;

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
        await shared.refresh();
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
    await shared.refresh();
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

  Object.assign(shared.pages, { deadLettersPage, deadLetterPage });
})();
