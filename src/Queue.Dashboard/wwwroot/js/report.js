// The monthly report (月度报告): GET /api/halls/{hall}/reports/monthly?month=yyyy-MM as tables, the day charts
// (/charts/{hall}/monthly-*.svg) and the satisfaction and one-trip charts of the same dates, an XLSX link, a month picker
// and a print button (the print style sheet lays it out on A4 portrait, one section per page).
(function () {
  'use strict';
  const [hallId] = Q.route();
  const hall = encodeURIComponent(hallId);
  let report = null;

  const thisMonth = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' }).slice(0, 7);
  const month = () => Q.$('month').value || thisMonth();
  const pct = (v) => (v === null || v === undefined ? '—' : (v * 100).toFixed(1) + '%');
  const secs = (v) => (v === null || v === undefined ? '—' : Q.duration(v));
  // A table row: all headings (head), or a row heading then numbers.
  const row = (cells, head) => Q.el('tr', {}, ...cells.map((c, i) => (head || i === 0
    ? Q.el('th', { text: String(c), scope: head ? 'col' : 'row' })
    : Q.el('td', { text: String(c), class: 'num' }))));

  const totalRows = (t) => [
    ['issued', t.issued], ['called', t.called], ['completed', t.completed], ['avgWait', secs(t.averageWaitSeconds)],
    ['maxWait', secs(t.maxWaitSeconds)], ['onTime', t.onTime], ['onTimeShare', pct(t.called ? t.onTimeShare : null)],
    ['rated', t.rated], ['satisfied', pct(t.rated ? t.satisfiedShare : null)], ['avgRating', t.rated ? t.averageRating.toFixed(2) : '—'],
    ['notDone', t.notDone], ['unsatisfied', t.unsatisfied], ['oneTripRate', pct(t.oneTripRate)],
  ];

  const chart = (id, name, query, alt) => {
    const img = Q.$(id);
    img.alt = Q.t(alt);
    img.src = `/charts/${hall}/${name}.svg?${query}&w=1000&h=420&lang=${Q.lang()}`;
  };

  const render = () => {
    if (!report) return;
    const r = report;
    Q.$('month-title').textContent = r.month;
    Q.$('period').textContent = Q.t('period', { from: r.from, to: r.to });
    const c = r.comparison;
    const compareHead = c ? Q.t('compared', { month: c.month, basis: Q.t(c.basis) }) : Q.t('noComparison');
    const mine = totalRows(r.totals);
    const theirs = c ? totalRows(c.totals) : null;
    Q.fill(Q.$('totals'), Q.el('thead', {}, row([Q.t('item'), r.month, compareHead], true)),
      Q.el('tbody', {}, ...mine.map(([k, v], i) => row([Q.t(k), v, theirs ? theirs[i][1] : '—'], false))));
    const range = `from=${r.from}&to=${r.to}`;
    chart('chart-volumes', 'monthly-volumes', `month=${r.month}`, 'chartVolumes');
    chart('chart-waits', 'monthly-waits', `month=${r.month}`, 'chartWaits');
    chart('chart-compliance', 'monthly-compliance', `month=${r.month}`, 'chartCompliance');
    chart('chart-satisfaction', 'satisfaction', range, 'chartSatisfaction');
    chart('chart-one-trip', 'one-trip', `${range}&by=day`, 'chartOneTrip');
    Q.fill(Q.$('cases'), Q.el('thead', {}, row([Q.t('kind'), Q.t('opened'), Q.t('closed'), Q.t('overdue')], true)),
      Q.el('tbody', {}, ...r.cases.map((k) => row([Q.t(k.kind), k.opened, k.closed, k.overdue], false))));
    Q.fill(Q.$('staff'), Q.el('thead', {}, row([Q.t('staffId'), Q.t('served'), Q.t('handle'), Q.t('notDone'), Q.t('notDoneShare'), Q.t('ratings'), Q.t('avgRating'), Q.t('transfers')], true)),
      Q.el('tbody', {}, ...(r.staff.length ? r.staff.map((p) => row([p.key || Q.t('noStaff'), p.served, p.served ? secs(p.averageHandleSeconds) : '—', p.notDone,
        Q.percent(p.notDoneShare, p.served), p.ratings, p.averageRating == null ? '—' : p.averageRating.toFixed(2), p.transfers], false))
        : [Q.el('tr', {}, Q.el('td', { colspan: 8, class: 'empty', text: Q.t('none') }))])));
    Q.fill(Q.$('days'), Q.el('thead', {}, row([Q.t('date'), Q.t('issued'), Q.t('called'), Q.t('completed'), Q.t('avgWait'), Q.t('maxWait'), Q.t('onTimeShare'), Q.t('rated'), Q.t('satisfied')], true)),
      Q.el('tbody', {}, ...r.days.map((d) => row([d.date.slice(5), d.issued, d.called, d.completed, d.called ? secs(d.averageWaitSeconds) : '—',
        d.called ? secs(d.maxWaitSeconds) : '—', pct(d.called ? d.onTimeShare : null), d.rated, pct(d.rated ? d.satisfiedShare : null)], false))));
    Q.$('xlsx').href = `/api/halls/${hall}/reports/monthly/export.xlsx?month=${r.month}`;
    document.body.dataset.loaded = r.month;
  };

  const load = async () => {
    Q.show(Q.$('error'), false);
    const url = new URL(location.href);
    url.searchParams.set('month', month());
    history.replaceState(null, '', url);
    try {
      report = await Q.api('GET', `/api/halls/${hall}/reports/monthly?month=${encodeURIComponent(month())}`);
      render();
    } catch (error) {
      if (Q.refused(error)) return;
      Q.$('error').textContent = Q.errorText(error);
      Q.show(Q.$('error'), true);
    }
  };

  const main = async () => {
    Q.$('month').value = Q.query('month') || thisMonth();
    Q.$('month').max = thisMonth();
    Q.$('to-manager').href = `/manager/${hall}`;
    Q.$('print').addEventListener('click', () => window.print());
    try {
      if ((await Q.session(Q.$('session'))).kind === 'Anonymous') return;
      const config = await Q.api('GET', `/api/halls/${hall}`);
      const name = () => { Q.$('hall-name').textContent = Q.name(config); document.title = `${Q.name(config)} · ${Q.t('title')}`; };
      name();
      Q.onLang(() => { name(); render(); });
    } catch (error) {
      Q.$('hall-name').textContent = Q.errorText(error);
      return;
    }
    Q.$('month').addEventListener('change', load);
    await load();
  };
  main();
})();
