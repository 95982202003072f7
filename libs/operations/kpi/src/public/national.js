/* global window, document, location, history, URLSearchParams, echarts */
/*
 * The national comparison pages: per agency, the score and rank the national portal publishes beside
 * Lienthong's own, with the drift; one agency's items, the causes of its drift (dossier codes linked to
 * the console) and both scores over the months. Reloaded on every projected batch and every fetch of
 * the national data that changed a figure.
 */
(() => {
  'use strict';

  const CAUSES = {
    not_at_portal: 'Hồ sơ Lienthong nhận nhưng Cổng DVCQG không có',
    flag_differs:
      'Cờ khác nhau giữa hai bên (thanh toán trực tuyến, số hóa, tái sử dụng, VNeID, dữ liệu dân cư)',
    status_time_missing: 'Thiếu thời điểm trạng thái, bị tính trễ',
    not_measurable: 'Chỉ số Lienthong không đo được',
  };
  const ACTIONS = {
    not_at_portal:
      'đồng bộ lại từng hồ sơ tại trang truy vết của console (nút Đồng bộ lại, được ghi nhật ký)',
    flag_differs: 'sửa tại hệ thống nguồn, hoặc đồng bộ lại hồ sơ tại trang truy vết của console',
    status_time_missing: 'bổ sung thời điểm tại hệ thống nguồn',
    not_measurable: 'không có hồ sơ cần xử lý',
  };

  const agencyMatch = /^\/kpi\/national\/agency\/([^/]+)$/.exec(location.pathname);
  const agencyCode = agencyMatch ? decodeURIComponent(agencyMatch[1]) : null;
  const params = new URLSearchParams(location.search);
  const form = document.getElementById('period');
  let consoleUrl = '';
  let itemLabels = new Map();
  let groupLabels = new Map();
  const itemLabel = (id) => itemLabels.get(id) ?? id;
  let historyChart = null;

  const { $, escape, getJson, coalescedReload, followLive } = window.kpiPage;
  const none = (value) => value === null || value === undefined;
  const points = (value) => (none(value) ? '–' : Number(value).toFixed(2));
  const signed = (value) => (none(value) ? '–' : `${value > 0 ? '+' : ''}${Number(value).toFixed(2)}`);
  const driftClass = (value) => (none(value) ? 'nm' : Math.abs(value) >= 0.005 ? 'off' : 'even');
  const fraction = (side) => (none(side?.numerator) ? '–' : `${side.numerator} / ${side.denominator}`);

  function currentMonth() {
    // The month as it is in Hà Nội (UTC+7) now.
    return new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 7);
  }
  const period = () => params.get('period') || currentMonth();

  function monthsBack(month, count) {
    const [year, index] = month.split('-').map(Number);
    const back = new Date(Date.UTC(year, index - 1 - count, 1));
    return back.toISOString().slice(0, 7);
  }

  function causeSummary(all) {
    const causes = all.filter((cause) => cause.count > 0);
    return causes.length === 0
      ? '<span class="nm">không có</span>'
      : causes
          .map(
            (cause) =>
              `<span class="cause" data-kind="${escape(cause.kind)}">${escape(itemLabel(cause.item))}: ${cause.count} · ${escape(CAUSES[cause.kind] ?? cause.kind)}</span>`,
          )
          .join('<br>');
  }

  async function loadCity() {
    const answer = await getJson(`/kpi/api/national?period=${encodeURIComponent(period())}`);
    form.period.value = answer.period;
    $('comparison').querySelector('thead').innerHTML =
      '<tr><th class="text">Cơ quan</th><th>Điểm quốc gia</th><th>Hạng quốc gia</th><th>Điểm Lienthong</th>' +
      '<th>Hạng Lienthong</th><th class="drift">Chênh lệch</th>' +
      [...groupLabels].map(([code, label]) => `<th title="${escape(label)}">${code}</th>`).join('') +
      '<th class="text">Nguyên nhân</th></tr>';
    $('comparison').querySelector('tbody').innerHTML = answer.agencies
      .map(
        (row) =>
          `<tr data-agency="${escape(row.agencyCode)}">` +
          `<td class="text">${escape(row.name ?? row.agencyCode)}<br><small>${escape(row.agencyCode)}</small></td>` +
          `<td class="national">${points(row.national?.totalScore)}</td><td>${row.national?.rank ?? '–'}</td>` +
          `<td class="own">${points(row.own?.totalScore)}</td><td>${row.own?.rank ?? '–'}</td>` +
          `<td class="drift ${driftClass(row.drift?.totalScore)}">${signed(row.drift?.totalScore)}</td>` +
          [...groupLabels.keys()]
            .map(
              (group) =>
                `<td class="${driftClass(row.drift?.groups?.[group])}" data-group="${group}">${signed(row.drift?.groups?.[group])}</td>`,
            )
            .join('') +
          `<td class="text causes">${causeSummary(row.causes ?? [])}</td></tr>`,
      )
      .join('');
    for (const tr of $('comparison').querySelectorAll('tbody tr')) {
      tr.addEventListener('click', () => {
        location.href = `/kpi/national/agency/${encodeURIComponent(tr.dataset.agency)}?period=${encodeURIComponent(answer.period)}`;
      });
    }
    const sideLabel = { national: 'chỉ có trên Cổng DVCQG', lienthong: 'chỉ có ở Lienthong' };
    $('unmatched').innerHTML =
      answer.unmatched.length === 0
        ? 'Mọi đơn vị đều ghép được.'
        : answer.unmatched
            .map(
              (unit) =>
                `<div class="unmatched" data-side="${escape(unit.side)}"><code>${escape(unit.code)}</code> ${escape(unit.name ?? '')} — ${sideLabel[unit.side] ?? escape(unit.side)}</div>`,
            )
            .join('');
  }

  const traceLink = (code) =>
    consoleUrl
      ? `<a class="trace" href="${escape(consoleUrl)}/#/trace/${encodeURIComponent(code)}" target="_blank" rel="noopener">vết hồ sơ, nút đồng bộ lại</a>`
      : '';

  function causesPanel(causes) {
    // Items Lienthong cannot measure name no dossier: one line for all of them.
    const unmeasured = causes.filter((cause) => cause.kind === 'not_measurable');
    const found = causes.filter((cause) => cause.kind !== 'not_measurable');
    const groups = found.map(
      (cause) =>
        `<div class="cause-group" data-kind="${escape(cause.kind)}" data-item="${escape(cause.item)}">` +
        `<h3>${escape(CAUSES[cause.kind] ?? cause.kind)}${cause.flag ? ` (${escape(cause.flag)})` : ''} — ${escape(itemLabel(cause.item))}: ${cause.count} hồ sơ</h3>` +
        `<p class="action">Xử lý: ${escape(ACTIONS[cause.kind] ?? '')}${cause.how ? ` <small>${escape(cause.how)}</small>` : ''}</p>` +
        (cause.dossiers ?? [])
          .map(
            (dossier) =>
              `<div class="dossier"><code>${escape(dossier.code)}</code> ${escape(dossier.detail ?? '')} ${traceLink(dossier.code)}</div>`,
          )
          .join('') +
        '</div>',
    );
    if (unmeasured.length > 0) {
      groups.push(
        `<div class="cause-group" data-kind="not_measurable"><h3>${CAUSES.not_measurable}: ` +
          `${unmeasured.map((cause) => escape(itemLabel(cause.item))).join(', ')}</h3><p class="action">Xử lý: ${ACTIONS.not_measurable}; điểm quốc gia là điểm chính thức.</p></div>`,
      );
    }
    return groups.length === 0 ? 'Không có chênh lệch cần giải thích.' : groups.join('');
  }

  function historyView(months) {
    historyChart ??= echarts.init($('history-chart'));
    const labels = months.map((month) => month.period);
    const rankOf = {
      national: months.map((m) => m.national?.rank ?? null),
      own: months.map((m) => m.own?.rank ?? null),
    };
    historyChart.setOption(
      {
        animation: false,
        tooltip: {
          trigger: 'axis',
          formatter: (rows) =>
            `${rows[0].axisValue}<br>` +
            rows
              .map(
                (row) =>
                  `${row.seriesName}: ${points(row.value)} (hạng ${rankOf[row.seriesId][row.dataIndex] ?? '–'})`,
              )
              .join('<br>'),
        },
        legend: { data: ['Cổng DVCQG', 'Lienthong'] },
        grid: { left: 48, right: 24, bottom: 40, top: 40 },
        xAxis: { type: 'category', data: labels },
        yAxis: { type: 'value', name: 'Điểm', max: 100 },
        series: [
          {
            id: 'national',
            name: 'Cổng DVCQG',
            type: 'line',
            data: months.map((m) => m.national?.totalScore ?? null),
          },
          { id: 'own', name: 'Lienthong', type: 'line', data: months.map((m) => m.own?.totalScore ?? null) },
        ],
      },
      true,
    );
    $('history').querySelector('tbody').innerHTML = months
      .map(
        (month) =>
          `<tr data-period="${escape(month.period)}"><td class="text">${escape(month.period)}</td>` +
          `<td>${points(month.national?.totalScore)}</td><td>${month.national?.rank ?? '–'}</td>` +
          `<td>${points(month.own?.totalScore)}</td><td>${month.own?.rank ?? '–'}</td></tr>`,
      )
      .join('');
  }

  async function loadAgency() {
    const month = period();
    const code = encodeURIComponent(agencyCode);
    const [detail, months] = await Promise.all([
      getJson(`/kpi/api/national/agencies/${code}?period=${encodeURIComponent(month)}`),
      getJson(`/kpi/api/national/history?agencyCode=${code}&from=${monthsBack(month, 11)}&to=${month}`),
    ]);
    form.period.value = detail.period;
    const latest = months.months.find((entry) => entry.period === detail.period);
    $('title').textContent = `${detail.name ?? detail.agencyCode} — tháng ${detail.period}`;
    $('summary').innerHTML = [
      ['Điểm quốc gia', points(latest?.national?.totalScore), latest?.national?.rank],
      ['Điểm Lienthong', points(latest?.own?.totalScore), latest?.own?.rank],
      [
        'Chênh lệch',
        signed(
          typeof latest?.national?.totalScore === 'number' && typeof latest?.own?.totalScore === 'number'
            ? latest.national.totalScore - latest.own.totalScore
            : null,
        ),
      ],
    ]
      .map(
        ([label, value, rank]) =>
          `<div class="card"><div class="label">${label}</div><div class="value">${value}</div>${rank ? `<div class="label">hạng ${rank}</div>` : ''}</div>`,
      )
      .join('');
    $('items').querySelector('tbody').innerHTML = detail.items
      .map(
        (item) =>
          `<tr data-item="${escape(item.code)}"><td class="text">${escape(groupLabels.get(item.group) ?? item.group)}</td>` +
          `<td class="text">${escape(item.name ?? item.code)}</td>` +
          `<td>${fraction(item.national)}</td><td>${item.national ? `${points(item.national.score)} / ${item.national.maxScore}` : '–'}</td>` +
          `<td>${fraction(item.own)}</td><td>${item.own ? `${points(item.own.score)} / ${item.own.maxScore}` : '<span class="nm">không đo được</span>'}</td>` +
          `<td class="drift ${driftClass(item.drift)}">${signed(item.drift)}</td></tr>`,
      )
      .join('');
    $('causes').innerHTML = causesPanel(detail.causes);
    historyView(months.months);
  }

  const reload = coalescedReload(
    () => (agencyCode ? loadAgency() : loadCity()),
    (error) => {
      $('title').textContent =
        error.status === 404 ? 'Không có số liệu cho kỳ này' : 'Không tải được số liệu';
    },
  );

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    params.set('period', form.period.value);
    history.replaceState(null, '', `${location.pathname}?${params}`);
    void reload();
  });
  window.addEventListener('resize', () => historyChart?.resize());

  async function main() {
    const [links, scoring] = await Promise.all([getJson('/kpi/api/links'), getJson('/kpi/api/scoring')]);
    consoleUrl = links.console;
    groupLabels = new Map(scoring.map((group) => [group.code, group.label]));
    itemLabels = new Map(scoring.flatMap((group) => group.items.map((item) => [item.id, item.label])));
    if (agencyCode) {
      $('city-view').hidden = true;
      $('agency-view').hidden = false;
      $('back').hidden = false;
      $('back').querySelector('a').href = `/kpi/national?period=${encodeURIComponent(period())}`;
    }
    await reload();
    followLive(reload, ['national']);
  }
  void main();
})();
