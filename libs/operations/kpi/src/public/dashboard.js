/* global window, document, sessionStorage, location, history, URLSearchParams, echarts */
/* The KPI dashboard page: ranking, charts and one agency's drill-down, reloaded on every projected batch. */
(() => {
  'use strict';

  const NOT_MEASURED = 'không đo được';
  const NO_DATA = 'không có dữ liệu';
  const STATUS = {
    1: 'Mới đăng ký',
    2: 'Được tiếp nhận',
    4: 'Đang xử lý',
    5: 'Yêu cầu bổ sung',
    6: 'Chờ nghĩa vụ tài chính',
  };
  const agencyMatch = /^\/kpi\/agency\/([^/]+)$/.exec(location.pathname);
  const agencyCode = agencyMatch ? decodeURIComponent(agencyMatch[1]) : null;
  const params = new URLSearchParams(location.search);
  const form = document.getElementById('period');
  const charts = {};
  let groupsTable = [];

  const { $, escape, getJson, coalescedReload, followLive } = window.kpiPage;
  const pct = (value) => (value === null || value === undefined ? '–' : `${(value * 100).toFixed(1)}%`);
  const ratio = (a, b) => (b > 0 ? a / b : null);
  const num = (value) => new Intl.NumberFormat('vi-VN').format(value);

  function periodQuery() {
    const query = new URLSearchParams();
    if (params.get('from')) query.set('from', params.get('from'));
    if (params.get('to')) query.set('to', params.get('to'));
    return query.toString();
  }

  function chart(id) {
    charts[id] ??= echarts.init($(id));
    return charts[id];
  }

  function groupCell(group) {
    return group.points === null
      ? `<td class="nm">${group.measuredMax === 0 && group.items.some((i) => i.state === 'no_data') ? NO_DATA : NOT_MEASURED}</td>`
      : `<td>${group.points} <small>/ ${group.measuredMax}</small></td>`;
  }

  function summary(counts) {
    const cards = [
      ['Hồ sơ tiếp nhận', num(counts.received)],
      ['Đúng hạn', pct(ratio(counts.onTime, counts.received))],
      ['Trễ hạn', num(counts.overdue)],
      ['Nộp trực tuyến', pct(ratio(counts.online, counts.received))],
      ['Thanh toán trực tuyến', pct(ratio(counts.paidOnline, counts.withFees))],
      ['Có thành phần số hóa', pct(ratio(counts.digitized, counts.received))],
      ['Tái sử dụng dữ liệu', pct(ratio(counts.reused, counts.received))],
      ['Đánh giá không hài lòng', `${num(counts.notSatisfied)} / ${num(counts.rated)}`],
    ];
    $('summary').innerHTML = cards
      .map(
        ([label, value]) =>
          `<div class="card"><div class="label">${label}</div><div class="value">${value}</div></div>`,
      )
      .join('');
  }

  function seriesChart(id, series) {
    chart(id).setOption(
      {
        animation: false,
        tooltip: { trigger: 'axis' },
        legend: { data: ['Tiếp nhận', 'Đúng hạn', 'Trễ hạn', 'Tỷ lệ trực tuyến (%)'] },
        grid: { left: 48, right: 48, bottom: 40, top: 40 },
        xAxis: { type: 'category', data: series.map((d) => d.day) },
        yAxis: [
          { type: 'value', name: 'Hồ sơ' },
          { type: 'value', name: '%', max: 100 },
        ],
        series: [
          {
            name: 'Tiếp nhận',
            type: 'bar',
            data: series.map((d) => d.received),
            itemStyle: { color: '#9ca3af' },
          },
          {
            name: 'Đúng hạn',
            type: 'bar',
            stack: 'kq',
            data: series.map((d) => d.onTime),
            itemStyle: { color: '#16a34a' },
          },
          {
            name: 'Trễ hạn',
            type: 'bar',
            stack: 'kq',
            data: series.map((d) => d.overdue),
            itemStyle: { color: '#dc2626' },
          },
          {
            name: 'Tỷ lệ trực tuyến (%)',
            type: 'line',
            yAxisIndex: 1,
            data: series.map((d) => (d.received ? Math.round((d.online / d.received) * 1000) / 10 : null)),
          },
        ],
      },
      true,
    );
  }

  function groupsChart(id, rows) {
    const groups = groupsTable;
    chart(id).setOption(
      {
        animation: false,
        tooltip: { trigger: 'axis' },
        legend: { type: 'scroll' },
        grid: { left: 72, right: 16, bottom: 70, top: 40 },
        xAxis: { type: 'category', data: groups.map((g) => g.label), axisLabel: { interval: 0, rotate: 20 } },
        yAxis: { type: 'value', max: 100, name: '%' },
        series: rows.map((row) => ({
          name: row.name ?? row.agencyCode,
          type: 'bar',
          data: groups.map((g) => {
            const group = row.score.groups.find((candidate) => candidate.id === g.id);
            return group.points === null ? null : Math.round((group.points / group.measuredMax) * 1000) / 10;
          }),
        })),
      },
      true,
    );
  }

  async function loadCity() {
    const query = periodQuery();
    const [ranking, series] = await Promise.all([
      getJson(`/kpi/api/ranking?${query}`),
      getJson(`/kpi/api/series?${query}`),
    ]);
    fillPeriod(ranking.period);
    summary(ranking.city.counts);
    $('ranking').querySelector('thead').innerHTML =
      '<tr><th>Hạng</th><th class="text">Cơ quan</th><th>Điểm</th><th>%</th>' +
      groupsTable.map((g) => `<th title="tối đa ${g.max} điểm">${escape(g.label)}</th>`).join('') +
      '<th>Tiếp nhận</th><th>Đúng hạn</th><th>Trễ hạn</th></tr>';
    $('ranking').querySelector('tbody').innerHTML = ranking.agencies
      .map(
        (row) =>
          `<tr data-agency="${escape(row.agencyCode)}"><td>${row.rank}</td>` +
          `<td class="text">${escape(row.name ?? row.agencyCode)}<br><small>${escape(row.agencyCode)}</small></td>` +
          `<td class="points">${row.score.points} <small>/ ${row.score.measuredMax}</small></td>` +
          `<td class="percent">${row.score.percent ?? '–'}</td>` +
          row.score.groups.map(groupCell).join('') +
          `<td class="received">${num(row.counts.received)}</td><td>${pct(ratio(row.counts.onTime, row.counts.received))}</td>` +
          `<td class="overdue">${num(row.counts.overdue)}</td></tr>`,
      )
      .join('');
    for (const tr of $('ranking').querySelectorAll('tbody tr')) {
      tr.addEventListener('click', () => {
        location.href = `/kpi/agency/${encodeURIComponent(tr.dataset.agency)}?${periodQuery()}`;
      });
    }
    seriesChart('series-chart', series);
    groupsChart('groups-chart', ranking.agencies.slice(0, 8));
    $('csv').href = `/kpi/api/ranking.csv?${query}`;
  }

  async function loadAgency() {
    const query = periodQuery();
    let agency;
    try {
      agency = await getJson(`/kpi/api/agencies/${encodeURIComponent(agencyCode)}?${query}`);
    } catch {
      $('title').textContent = `${agencyCode}: không có hồ sơ trong kỳ`;
      return;
    }
    fillPeriod(agency.period);
    $('title').textContent =
      `${agency.name ?? agency.agencyCode} — ${agency.score.points} / ${agency.score.measuredMax} điểm (${agency.score.percent ?? '–'}%)`;
    summary(agency.counts);
    $('items').querySelector('tbody').innerHTML = agency.score.groups
      .flatMap((group) =>
        group.items.map(
          (item) =>
            `<tr data-item="${item.id}"><td class="text">${escape(group.label)}</td><td class="text">${escape(item.label)}</td>` +
            (item.state === 'measured'
              ? `<td>${pct(item.rate)} <small>(${num(item.numerator)}/${num(item.denominator)})</small></td><td>${item.points} / ${item.max}</td>`
              : `<td class="nm">${item.state === 'no_data' ? NO_DATA : NOT_MEASURED}</td><td class="nm">– / ${item.max}</td>`) +
            `<td class="text"><small>${escape(item.rule)}</small></td></tr>`,
        ),
      )
      .join('');
    seriesChart('agency-series-chart', agency.series);
    groupsChart('agency-groups-chart', [agency]);
    await loadOverdue();
  }

  async function loadOverdue() {
    const token = sessionStorage.getItem('lienthong.kpi.token');
    if (!token) return;
    try {
      const answer = await getJson(`/kpi/api/agencies/${encodeURIComponent(agencyCode)}/overdue`, {
        Authorization: `Bearer ${token}`,
      });
      $('overdue').innerHTML =
        answer.dossiers.length === 0
          ? 'Không có hồ sơ đang trễ hạn.'
          : `<p>${answer.dossiers.length} hồ sơ đang trễ hạn:</p>` +
            answer.dossiers
              .map(
                (d) =>
                  `<div class="dossier"><code>${escape(d.dossierCode)}</code> ${d.applicant ? `${escape(d.applicant)}, ` : ''}${escape(STATUS[d.status] ?? d.status)}, hạn ${escape(
                    (d.dueAt ?? '').slice(0, 10),
                  )}${d.supplementRequests > 1 ? `, bổ sung ${d.supplementRequests} lần` : ''}</div>`,
              )
              .join('');
    } catch (error) {
      $('overdue').textContent =
        error.status === 401 || error.status === 403
          ? 'Mã truy cập không hợp lệ hoặc không đủ quyền (cần vai trò viewer).'
          : 'Không tải được danh sách.';
    }
  }

  function fillPeriod(period) {
    form.from.value = period.from;
    form.to.value = period.to;
  }

  const reload = coalescedReload(
    () => (agencyCode ? loadAgency() : loadCity()),
    (error) => console.error(error),
  );

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    params.set('from', form.from.value);
    params.set('to', form.to.value);
    history.replaceState(null, '', `${location.pathname}?${params}`);
    void reload();
  });
  $('token-form').addEventListener('submit', (event) => {
    event.preventDefault();
    sessionStorage.setItem('lienthong.kpi.token', event.target.token.value);
    void loadOverdue();
  });
  window.addEventListener('resize', () => Object.values(charts).forEach((c) => c.resize()));

  async function main() {
    groupsTable = await getJson('/kpi/api/scoring');
    if (agencyCode) {
      $('city-view').hidden = true;
      $('agency-view').hidden = false;
      $('back').hidden = false;
      $('back').querySelector('a').href = `/kpi?${periodQuery()}`;
    }
    await reload();
    followLive(reload);
  }
  void main();
})();
