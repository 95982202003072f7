/* global window, document, location */
'use strict';

// The console pages: a dossier's trace (with the audited reveal of personal data) and the audit log.
(() => {
  const shared = window.LienthongConsole;
  const { state, main, StaleAnswer, t, esc, time, may, api, notice, say, paymentsTable } = shared;

  async function tracePage(code, first) {
    if (first) {
      main.innerHTML = `
        <h1>${t('trace.title')}</h1>
        <form class="filters" id="trace-form">
          <input name="code" placeholder="${t('trace.code')}" value="${esc(code)}" size="32" data-testid="trace-code" />
          <button type="submit" class="primary" data-testid="trace-go">${t('trace.go')}</button>
        </form>
        <div id="notice-slot"></div>
        <div id="resync"></div>
        <div id="trace"></div>
        <div id="reveal"></div>`;
      document.getElementById('trace-form').addEventListener('submit', (event) => {
        event.preventDefault();
        location.hash = `#/trace/${encodeURIComponent(event.target.code.value.trim())}`;
      });
    }
    if (!code) return;
    revealForm(code);
    resyncButton(code);
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
      <h2>${t('trace.payments')}</h2>
      ${paymentsTable(trace.payments, 'trace-payments')}
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

  // The portal brought in line with what Lienthong sent, for operators (the API audits it first).
  function resyncButton(code) {
    const slot = document.getElementById('resync');
    if (slot.dataset.code === code) return;
    slot.dataset.code = code;
    if (!may('operator')) {
      slot.innerHTML = '';
      return;
    }
    slot.innerHTML = `<p><button type="button" data-testid="resync">${t('trace.resync')}</button></p>`;
    slot.querySelector('button').addEventListener('click', async () => {
      try {
        const answer = await api(`/dossiers/${encodeURIComponent(code)}/resync`, {
          method: 'POST',
          body: '{}',
        });
        say(t('trace.resynced', { outcome: t(`resync.${answer.outcome}`) }));
      } catch (error) {
        say(error.message, true);
      }
    });
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
            // A dossier.v1 dead letter holds the applicant sealed: shown opened, or why it did not open.
            deadLetters: revealed.deadLetters.map(
              (letter) =>
                letter.opened ??
                (letter.sealedRefused
                  ? { sealedRefused: letter.sealedRefused, decoded: letter.decoded }
                  : (letter.decoded ?? letter.valueText)),
            ),
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

  Object.assign(shared.pages, { tracePage, auditPage });
})();
