// The manager page's staff performance (统一绩效考核, GET /analytics/performance) as a table per person, window or theme
// that sorts by any column (click a heading; again to reverse), with CSV and XLSX export links for the same period; and
// the one-trip rate (GET /analytics/one-trip) with its trend chart (one-trip.svg, 0–100%).
(function () {
  'use strict';
  const [hallId] = Q.route();
  const hall = encodeURIComponent(hallId);
  const day = (offset) => new Date(Date.now() + offset * 86400000).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
  const dash = (v, f) => (v === null || v === undefined ? '—' : f(v));
  const columns = [
    { key: 'key', word: 'perfKey', text: (r, view) => (view === 'people' ? r.key || Q.t('perfNoStaff') : view === 'windows' ? Q.t('windowNo', { no: r.key }) : r.key) },
    { key: 'served', word: 'perfServed', num: true },
    { key: 'averageHandleSeconds', word: 'perfHandle', num: true, text: (r) => (r.served ? Q.duration(r.averageHandleSeconds) : '—') },
    { key: 'notDone', word: 'perfNotDone', num: true },
    { key: 'notDoneShare', word: 'perfNotDoneShare', num: true, text: (r) => Q.percent(r.notDoneShare, r.served) },
    { key: 'ratings', word: 'perfRatings', num: true },
    { key: 'averageRating', word: 'perfAvgRating', num: true, text: (r) => dash(r.averageRating, (v) => v.toFixed(2)) },
    { key: 'transfers', word: 'perfTransfers', num: true },
    { key: 'pauses', word: 'perfPauses', num: true, text: (r) => dash(r.pauses, String) },
    { key: 'pauseSeconds', word: 'perfPauseTime', num: true, text: (r) => dash(r.pauseSeconds, Q.duration) },
    { key: 'pausesByReason', word: 'perfPauseReasons', text: (r) => r.pausesByReason.map((p) => `${p.reason || Q.t('perfNoReason')} ×${p.count}`).join('，') || '—', sort: (r) => r.pausesByReason.length },
    { key: 'openSeconds', word: 'perfOpen', num: true, text: (r) => dash(r.openSeconds, Q.duration) },
    { key: 'idleWhileWaitingSeconds', word: 'perfIdle', num: true, text: (r) => dash(r.idleWhileWaitingSeconds, Q.duration) },
  ];
  let report = null;
  let sort = { key: 'served', down: true };

  const range = () => {
    const from = Q.$('perf-from').value;
    const to = Q.$('perf-to').value;
    return Object.assign({}, from ? { from } : {}, to ? { to } : {});
  };
  const view = () => Q.$('perf-view').value;
  const value = (r, c) => { const v = c.sort ? c.sort(r) : r[c.key]; return v === null || v === undefined ? -Infinity : v; };

  const render = () => {
    const head = columns.map((c) => Q.el('th', {
      text: Q.t(c.word) + (sort.key === c.key ? (sort.down ? ' ▼' : ' ▲') : ''), class: c.num ? 'num sortable' : 'sortable',
      'data-key': c.key, 'aria-sort': sort.key === c.key ? (sort.down ? 'descending' : 'ascending') : 'none', tabindex: 0, title: Q.t('perfSort'),
    }));
    Q.fill(Q.$('perf-head'), Q.el('tr', {}, ...head));
    if (!report) return;
    const rows = [...report[view()]];
    const c = columns.find((x) => x.key === sort.key) || columns[1];
    rows.sort((a, b) => {
      const [x, y] = [value(a, c), value(b, c)];
      const order = typeof x === 'string' || typeof y === 'string' ? String(x).localeCompare(String(y), 'zh-CN', { numeric: true }) : x - y;
      return sort.down ? -order : order;
    });
    Q.fill(Q.$('perf-rows'), rows.length ? rows.map((r) => Q.el('tr', { 'data-key': r.key },
      ...columns.map((col) => Q.el('td', { text: col.text ? col.text(r, view()) : String(r[col.key]), class: col.num ? 'num' : '' }))))
      : [Q.el('tr', {}, Q.el('td', { colspan: columns.length, class: 'empty', text: Q.t('perfNone') }))]);
    Q.$('perf-summary').textContent = Q.t('perfSummary', { from: report.from, to: report.to, count: rows.length });
  };

  const resort = (key) => {
    sort = sort.key === key ? { key, down: !sort.down } : { key, down: key !== 'key' };
    render();
  };

  const oneTrip = async () => {
    const by = Q.$('onetrip-by').value;
    const img = Q.$('chart-onetrip');
    img.alt = Q.t('oneTripChart');
    Q.chart(img, hallId, 'one-trip', Object.assign({ by, w: Math.max(500, Math.round(img.clientWidth || 800)), h: 380 }, range()));
    const r = await Q.api('GET', `/api/halls/${hall}/analytics/one-trip?${new URLSearchParams(Object.assign({ by }, range()))}`);
    const h = r.hall;
    Q.$('onetrip-summary').textContent = Q.t('oneTripSummary', {
      from: r.from, to: r.to, visits: h.visits, known: h.oneTrip + h.repeat, one: h.oneTrip, repeat: h.repeat, unknown: h.unknown,
      rate: (h.rate ?? null) === null ? '—' : (h.rate * 100).toFixed(1) + '%',
    });
  };

  const load = async () => {
    const query = new URLSearchParams(range());
    Q.$('perf-csv').href = `/api/halls/${hall}/analytics/performance/export?${new URLSearchParams(Object.assign({ format: 'csv' }, range()))}`;
    Q.$('perf-xlsx').href = `/api/halls/${hall}/analytics/performance/export?${new URLSearchParams(Object.assign({ format: 'xlsx' }, range()))}`;
    try {
      [report] = await Promise.all([Q.api('GET', `/api/halls/${hall}/analytics/performance?${query}`), oneTrip()]);
      Q.show(Q.$('perf-error'), false);
      render();
    } catch (error) {
      Q.$('perf-error').textContent = Q.errorText(error);
      Q.show(Q.$('perf-error'), true);
    }
  };

  const main = async () => {
    await Q.ready;
    Q.$('perf-from').value = day(-27);
    Q.$('perf-to').value = day(0);
    for (const id of ['perf-from', 'perf-to', 'onetrip-by']) Q.$(id).addEventListener('change', load);
    Q.$('perf-view').addEventListener('change', render);
    Q.$('perf-head').addEventListener('click', (e) => { const th = e.target.closest('th'); if (th) resort(th.dataset.key); });
    Q.$('perf-head').addEventListener('keydown', (e) => { const th = e.target.closest('th'); if (th && (e.key === 'Enter' || e.key === ' ')) { e.preventDefault(); resort(th.dataset.key); } });
    Q.onLang(load);
    render();
    load();
  };
  main();
})();
