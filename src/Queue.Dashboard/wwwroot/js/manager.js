// The manager page: /manager/{hallId}[?date=yyyy-MM-dd]. Heatmaps (arrivals by weekday × half-hour over N weeks for a
// theme; waits by theme × hour of the day), satisfaction by theme and window, outcomes with the 跑一次没办成 list, staff
// figures per window, and the live SLA alerts (GET /alerts, then SlaAlert / SlaResolved events over the hub).
(function () {
  'use strict';
  const [hallId] = Q.route();
  const api = (path) => Q.api('GET', `/api/halls/${encodeURIComponent(hallId)}/analytics/${path}`);
  let config = null;
  Q.words({ monthlyReport: '月度报告' }, { monthlyReport: 'Monthly report' }); Q.$('to-report').href = `/report/${encodeURIComponent(hallId)}`;

  const today = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
  const date = () => Q.$('date').value || today();
  const td = (text, cls) => Q.el('td', { text, class: cls });
  const themeName = (code) => Q.name(config.themes.find((t) => t.code === code)) || code;
  const time = (at) => new Date(at).toLocaleTimeString(Q.lang() === 'en' ? 'en-GB' : 'zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });

  const charts = () => {
    const width = (id) => Math.max(500, Math.round(Q.$(id).clientWidth || 800));
    const theme = Q.$('theme').value;
    Q.chart(Q.$('chart-arrivals'), hallId, 'arrivals', Object.assign({ weeks: Q.$('weeks').value, w: width('chart-arrivals'), h: 420 }, theme ? { theme } : {}));
    Q.chart(Q.$('chart-waits'), hallId, 'waits', { date: date(), w: width('chart-waits'), h: 480 });
    Q.chart(Q.$('chart-satisfaction'), hallId, 'satisfaction', { w: width('chart-satisfaction'), h: 480 });
  };

  const quality = async () => {
    const report = await api('quality');
    Q.fill(Q.$('quality-windows'), report.byWindow.map((r) => Q.el('tr', { 'data-window': r.windowNo },
      td(Q.t('windowNo', { no: r.windowNo })), td(r.completed, 'num'), td(r.notDone, 'num'), td(r.rated, 'num'),
      td(r.rated ? r.averageRating.toFixed(2) : '—', 'num'), td(Q.percent(r.satisfiedShare, r.rated), 'num'))));
  };

  const outcomes = async () => {
    const report = await api(`not-done?date=${date()}`);
    Q.$('outcomes').textContent = Q.t('outcomeLine', {
      completed: report.completed, done: report.done, notDone: report.notDone, share: Q.percent(report.notDone / (report.completed || 1), report.completed),
    });
    const rows = report.tickets.map((t) => Q.el('tr', {},
      td(time(t.at)), td(t.displayNumber || '—', 'num'), td(themeName(t.theme)), td(Q.t('windowNo', { no: t.windowNo })), td(t.reason || Q.t('noReason'))));
    Q.fill(Q.$('not-done'), rows.length ? rows : [Q.el('tr', {}, Q.el('td', { colspan: 5, class: 'empty', text: Q.t('noNotDone') }))]);
  };

  const staff = async () => {
    const report = await api(`staff?date=${date()}`);
    Q.fill(Q.$('staff'), report.windows.map((w) => Q.el('tr', { 'data-window': w.windowNo, class: w.idleWhileWaitingSeconds >= 600 ? 'idle-late' : '' },
      td(Q.t('windowNo', { no: w.windowNo })), td(w.staffName || w.staffId || '—'), td(Q.t(w.state)), td(w.served, 'num'),
      td(w.served ? Q.duration(w.averageServiceSeconds) : '—', 'num'), td(Q.duration(w.openSeconds), 'num'), td(Q.duration(w.idleWhileWaitingSeconds), 'num'))));
  };

  const alerts = Q.alerts(hallId, (list) => Q.fill(Q.$('alert-list'), list.length
    ? list.map((a) => Q.el('li', { class: 'alert ' + a.severity.toLowerCase(), 'data-theme': a.themeCode }, Q.el('strong', { text: Q.t(a.severity) }), ' ', Q.alertText(a), ' ', Q.alertActions && Q.alertActions(a)))
    : [Q.el('li', { class: 'none', text: Q.t('noAlerts') })]));

  Q.managerAlerts = alerts;

  const refresh = async () => {
    charts();
    try {
      await Promise.all([quality(), outcomes(), staff()]);
      Q.show(Q.$('error'), false);
    } catch (error) {
      Q.$('error').textContent = Q.errorText(error);
      Q.show(Q.$('error'), true);
    }
  };

  const themeOptions = () => Q.fill(Q.$('theme'), [Q.el('option', { value: '', text: Q.t('allThemes') }),
    ...config.themes.map((t) => Q.el('option', { value: t.code, text: Q.name(t), selected: Q.$('theme').value === t.code }))]);

  const main = async () => {
    Q.$('date').value = Q.query('date') || today();
    try {
      if ((await Q.session(Q.$('session'))).kind === 'Anonymous') return; // on the way to /login
      config = await Q.api('GET', `/api/halls/${encodeURIComponent(hallId)}`);
    } catch (error) {
      Q.$('hall-name').textContent = Q.errorText(error);
      return;
    }
    Q.$('hall-name').textContent = Q.name(config);
    document.title = `${Q.name(config)} · ${Q.t('title')}`;
    if (Q.query('theme')) Q.$('theme').append(Q.el('option', { value: Q.query('theme'), selected: true }));
    themeOptions();
    for (const id of ['date', 'weeks', 'theme']) Q.$(id).addEventListener('change', refresh);
    Q.onLang(() => { Q.$('hall-name').textContent = Q.name(config); themeOptions(); alerts.show(); refresh(); });
    refresh();
    const later = Q.debounce(() => Promise.all([outcomes(), staff()]).catch(console.warn), 5000);
    Q.live({
      hallId,
      watch: (c) => c.invoke('WatchManager', hallId),
      onSnapshot: () => {},
      onEvents: (events) => { alerts.apply(events); later(); (Q.managerEvents || []).forEach((fn) => fn(events)); if (Q.caseEvents) Q.caseEvents(events); },
      onState: (state) => {
        Q.liveIndicator(Q.$('live'))(state);
        if (state === 'connected') alerts.load().catch(console.warn);
      },
    });
  };
  main();
})();
