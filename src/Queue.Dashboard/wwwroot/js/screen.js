// The big screen (智慧大厅大屏): /screen/{hallId}, 1920×1080, dark. KPI tiles, waiting per theme, the window wall,
// today's heatmap and waiting curve, SLA alerts. Lines and windows follow the manager group's live snapshots; the KPIs
// refresh shortly after events (debounced), the charts every minute and after events (debounced longer).
(function () {
  'use strict';
  const [hallId] = Q.route();
  let config = null;
  let snapshot = null;

  Q.words({
    title: '智慧大厅大屏', issued: '今日取号', completed: '已办结', waitingNow: '当前等待', averageWait: '平均等待', maxWait: '最长等待',
    'tip.issued': '今日已取号票数', 'tip.completed': '今日已办结（含未办成）的号票数', 'tip.waitingNow': '此刻在各业务排队等候的人数',
    'tip.averageWait': '今日已叫号号票的平均等候时间（取号到叫号）',
    'tip.maxWait': '今日最长等候：已叫号号票的最长等候，与仍在等候者当前已等时间，两者取大',
    'tip.onTime': '在目标时间（30分钟）内叫号的号票 ÷（已叫号号票 + 仍在等候且已超过目标的号票）；仍在等候未超时的不计入',
    'tip.satisfied': '今日评价中4星及以上的比例',
    onTime: '30分钟达标率', satisfied: '满意率', lines: '各业务等候', theme: '业务', waiting: '等候', longest: '最久', projected: '预计',
    noWindow: '暂无窗口受理', noWindowShort: '无窗口', today: '今日业务热力（主题×小时）', wall: '窗口状态', motto: '“最多跑一次” · 排队不超过30分钟', people: '{n}人', windowNo: '{no}号',
  }, {
    title: 'Hall screen', issued: 'Tickets today', completed: 'Completed', waitingNow: 'Waiting now', averageWait: 'Average wait', maxWait: 'Longest wait',
    'tip.issued': 'Tickets taken today', 'tip.completed': 'Tickets finished today (done or not done)', 'tip.waitingNow': 'People waiting in all lines right now',
    'tip.averageWait': 'Average wait of the tickets called today (taken to called)',
    'tip.maxWait': 'Longest wait today: the longest of the called waits and of the current waits of those still waiting',
    'tip.onTime': 'Tickets called within target (30 min) ÷ (tickets called + tickets still waiting already past target); those still waiting within target are not counted yet',
    'tip.satisfied': 'Share of today\'s ratings of 4 or 5 stars',
    onTime: 'Within 30 min', satisfied: 'Satisfied', lines: 'Waiting by theme', theme: 'Theme', waiting: 'Waiting', longest: 'Longest', projected: 'Est.',
    noWindow: 'No window serving', noWindowShort: 'none', today: 'Today by theme and hour', wall: 'Windows', motto: '"Run at most once" · wait no more than 30 minutes', people: '{n}', windowNo: 'No. {no}',
  });

  const themeOf = (code) => config.themes.find((t) => t.code === code);
  const kpi = (name, text) => { document.querySelector(`[data-kpi="${name}"]`).textContent = text; };

  // 今日取号, 已办结 and 当前等待 come from the live snapshot (exact at once); the waits, compliance and satisfaction
  // from the analytics, which follow the time series a moment behind.
  let kpis = null;
  const sum = (field) => snapshot.themes.reduce((n, l) => n + l[field], 0);
  const renderKpis = () => {
    if (snapshot) {
      kpi('issued', sum('issuedToday'));
      kpi('completed', sum('completedToday'));
      kpi('waitingNow', sum('waiting'));
    }
    if (!kpis) return;
    const longestNow = snapshot ? Math.max(0, ...snapshot.themes.map((l) => (l.waiting ? l.longestWaitMinutes : 0))) : 0;
    kpi('averageWait', Q.duration(kpis.averageWaitSeconds));
    kpi('maxWait', Q.duration(Math.max(kpis.maxWaitSeconds, longestNow * 60)));
    kpi('onTime', Q.percent(kpis.onTimeShare, kpis.called + (kpis.lateWaitingNow ?? 0)));
    kpi('satisfied', Q.percent(kpis.satisfiedShare, kpis.rated));
  };
  const refreshKpis = async () => {
    kpis = await Q.api('GET', `/api/halls/${encodeURIComponent(hallId)}/analytics/kpis`);
    renderKpis();
  };

  // Each chart is drawn at its box's size in pixels, so its text is as large as ScottPlot sets it.
  const refreshCharts = () => {
    const size = (id) => {
      const box = Q.$(id).parentElement;
      return { w: Math.max(400, Math.round(box.clientWidth)), h: Math.max(250, Math.round(box.clientHeight)) };
    };
    Q.chart(Q.$('chart-today'), hallId, 'today', Object.assign({ dark: 1, metric: 'waits' }, size('chart-today')));
    Q.chart(Q.$('chart-waiting'), hallId, 'waiting', Object.assign({ dark: 1 }, size('chart-waiting')));
  };

  const renderLines = () => {
    if (!snapshot) return;
    Q.fill(Q.$('lines'), config.themes.map((theme) => {
      const line = snapshot.themes.find((l) => l.themeCode === theme.code) || { waiting: 0, longestWaitMinutes: 0 };
      const late = line.longestWaitMinutes >= theme.targetMinutes;
      return Q.el('tr', { 'data-theme': theme.code, class: late ? 'late' : '' },
        Q.el('td', { class: 'theme' }, Q.el('span', { class: 'prefix', text: theme.prefix }), Q.name(theme)),
        Q.el('td', { class: 'count', text: Q.t('people', { n: line.waiting }) }),
        Q.el('td', { class: 'num', text: line.waiting ? Q.minutes(line.longestWaitMinutes) : '—' }),
        // The column is narrow: a line no open window serves says so in short, in full on hover.
        !line.waiting || line.projectedWaitMinutes != null
          ? Q.el('td', { class: 'num', text: line.waiting ? Q.minutes(line.projectedWaitMinutes) : '—' })
          : Q.el('td', { class: 'num no-window', text: Q.t('noWindowShort'), title: Q.t('noWindow') }));
    }));
  };

  const renderWindows = () => {
    if (!snapshot) return;
    const windows = [...snapshot.windows].sort((a, b) => a.windowNo - b.windowNo);
    Q.fill(Q.$('windows'), windows.map((w) => Q.el('div', { class: 'win ' + w.state.toLowerCase(), 'data-window': w.windowNo },
      Q.el('div', { class: 'win-no', text: Q.t('windowNo', { no: w.windowNo }) }),
      Q.el('div', { class: 'win-number', text: w.current ? w.current.displayNumber : Q.t(w.state) }),
      Q.el('div', { class: 'win-staff', text: w.staffName || (w.current ? Q.name(themeOf(w.current.themeCode)) : '') || ' ' }))));
  };

  const alerts = Q.alerts(hallId, (list) => Q.fill(Q.$('alerts'), list.map((a) =>
    Q.el('div', { class: 'alert ' + a.severity.toLowerCase(), 'data-theme': a.themeCode },
      Q.el('strong', { text: Q.t(a.severity) }), ' ', Q.alertText(a)))));

  const kpisSoon = Q.debounce(() => refreshKpis().catch(console.warn), 1000);
  const chartsSoon = Q.debounce(refreshCharts, 15000);

  const render = () => {
    Q.$('hall-name').textContent = Q.name(config);
    renderLines();
    renderWindows();
    alerts.show();
  };

  const main = async () => {
    try {
      config = await Q.api('GET', `/api/halls/${encodeURIComponent(hallId)}`);
    } catch (error) {
      Q.$('hall-name').textContent = Q.errorText(error);
      setTimeout(main, 5000);
      return;
    }
    document.title = `${Q.name(config)} · ${Q.t('title')}`;
    Q.onLang(() => { render(); refreshCharts(); });
    render();
    refreshCharts();
    setInterval(refreshCharts, 60000);
    Q.live({
      hallId,
      watch: (c) => c.invoke('WatchManager', hallId),
      onSnapshot: (snap) => { snapshot = snap; render(); renderKpis(); kpisSoon(); },
      onEvents: (events) => { alerts.apply(events); kpisSoon(); chartsSoon(); },
      onState: (state) => {
        Q.liveIndicator(Q.$('live'))(state);
        if (state === 'connected') { alerts.load().catch(console.warn); refreshKpis().catch(console.warn); }
      },
    });
  };
  Q.clock(Q.$('clock'), true);
  main();
})();
