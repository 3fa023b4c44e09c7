// The big screen (智慧大厅大屏): /screen/{hallId}, a wall display at 1920×1080 or 3840×2160, dark. KPI tiles whose
// figures count to their new value, SLA alerts in full, waiting per theme, the window wall, today's heatmap and the
// waiting curve. The window wall follows the events (a call at once); the lines and the live KPIs (taken, completed,
// waiting) follow the manager group's slow refresh (a snapshot at most every 2 s per hall, never one per call); the
// analytics KPIs refresh shortly after events (debounced), the charts every minute and after events (debounced longer). A list longer than its panel (alerts,
// themes, windows) turns a page of whole items every few seconds, so nothing is ever cut and the page never scrolls.
(function () {
  'use strict';
  const [hallId] = Q.route();
  let config = null;
  let snapshot = null;
  const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)');

  Q.words({
    title: '智慧大厅大屏', issued: '今日取号', completed: '已办结', waitingNow: '当前等待', averageWait: '平均等待', maxWait: '最长等待',
    'tip.issued': '今日已取号票数', 'tip.completed': '今日已办结（含未办成）的号票数', 'tip.waitingNow': '此刻在各业务排队等候的人数',
    'tip.averageWait': '今日已叫号号票的平均等候时间（取号到叫号）',
    'tip.maxWait': '今日最长等候：已叫号号票的最长等候，与仍在等候者当前已等时间，两者取大',
    'tip.onTime': '在目标时间（30分钟）内叫号的号票 ÷（已叫号号票 + 仍在等候且已超过目标的号票）；仍在等候未超时的不计入',
    'tip.satisfied': '今日评价中4星及以上的比例',
    'tip.oneTrip': '近28天有身份（身份证或手机号）的来访中，不是因没办成或转办在{days}天内再次来访的比例；无身份的不计入', oneTrip: '一次办成率',
    onTime: '30分钟达标率', satisfied: '满意率', lines: '各业务等候', theme: '业务', waiting: '等候', longest: '最久', projected: '预计',
    noWindow: '暂无窗口受理', aboutMin: '{n} 分钟', rangeMin: '{a}–{b} 分钟', wall: '窗口状态', motto: '“最多跑一次” · 排队不超过30分钟', people: '{n}人', windowNo: '{no}号',
    'unit.tickets': '张', 'unit.people': '人', 'unit.s': '秒', 'unit.min': '分', page: '{i}/{n}',
    'chart.today': '今日各业务每小时平均等待（分钟）热力图', 'chart.waiting': '今日全天等候人数曲线',
  }, {
    title: 'Hall screen', issued: 'Tickets today', completed: 'Completed', waitingNow: 'Waiting now', averageWait: 'Average wait', maxWait: 'Longest wait',
    'tip.issued': 'Tickets taken today', 'tip.completed': 'Tickets finished today (done or not done)', 'tip.waitingNow': 'People waiting in all lines right now',
    'tip.averageWait': 'Average wait of the tickets called today (taken to called)',
    'tip.maxWait': 'Longest wait today: the longest of the called waits and of the current waits of those still waiting',
    'tip.onTime': 'Tickets called within target (30 min) ÷ (tickets called + tickets still waiting already past target); those still waiting within target are not counted yet',
    'tip.satisfied': 'Share of today\'s ratings of 4 or 5 stars',
    'tip.oneTrip': 'Over the last 28 days, the share of visits by known citizens (ID card or phone) that were not a return within {days} days after a not-done or a transfer; unknown visitors are not counted', oneTrip: 'One trip',
    onTime: 'Within 30 min', satisfied: 'Satisfied', lines: 'Waiting by theme', theme: 'Theme', waiting: 'Waiting', longest: 'Longest', projected: 'Est.',
    noWindow: 'No window serving', aboutMin: '{n} min', rangeMin: '{a}–{b} min', wall: 'Windows', motto: '"Run at most once" · wait no more than 30 minutes', people: '{n}', windowNo: 'No. {no}',
    'unit.tickets': '', 'unit.people': '', 'unit.s': 's', 'unit.min': 'min', page: '{i}/{n}',
    'chart.today': 'Heatmap of today\'s average wait per theme and hour (minutes)', 'chart.waiting': 'People waiting over the day',
  });

  const themeOf = (code) => config.themes.find((t) => t.code === code);

  // A KPI figure counts from its old value to the new one (at once for those who asked for less motion).
  const figures = {};
  const frames = {};
  const figure = (name, value, show) => {
    const node = document.querySelector(`[data-kpi="${name}"]`);
    const unit = document.querySelector(`[data-unit="${name}"]`);
    const paint = (v) => {
      const shown = v === null ? { text: '—', unit: '' } : show(v);
      node.textContent = shown.text;
      if (unit) unit.textContent = shown.unit || '';
      // A wide figure (100.0%, 188.8 min) gets smaller type rather than stick out of its tile.
      // (The figure is centred, so its overflow is measured from the parts' widths, not from scrollWidth.)
      node.style.removeProperty('font-size');
      const tile = node.parentElement;
      const room = tile.clientWidth - (unit && unit.textContent ? unit.offsetWidth + parseFloat(getComputedStyle(tile).columnGap || '0') : 0);
      if (node.offsetWidth > room) {
        const size = parseFloat(getComputedStyle(node).fontSize);
        node.style.setProperty('font-size', Math.floor((size * room) / node.offsetWidth) - 2 + 'px');
      }
    };
    const from = figures[name] ?? 0;
    figures[name] = value;
    cancelAnimationFrame(frames[name]);
    if (value === null || from === value || reducedMotion.matches) {
      paint(value);
      return;
    }
    const start = performance.now();
    const step = (now) => {
      const k = Math.min(1, (now - start) / 900);
      paint(k === 1 ? value : from + ((value - from) * (1 - Math.pow(1 - k, 3))));
      if (k < 1) frames[name] = requestAnimationFrame(step);
    };
    frames[name] = requestAnimationFrame(step);
  };
  const count = (v) => ({ text: String(Math.round(v)) });
  const duration = (s) => (s < 59.5 ? { text: String(Math.round(s)), unit: Q.t('unit.s') } : { text: (s / 60).toFixed(1), unit: Q.t('unit.min') });
  const percent = (p) => ({ text: p.toFixed(1) + '%' });

  // 今日取号, 已办结 and 当前等待 come from the live snapshot (exact at once); the waits, compliance and satisfaction
  // from the analytics, which follow the time series a moment behind.
  let kpis = null;
  const sum = (field) => snapshot.themes.reduce((n, l) => n + l[field], 0);
  const renderKpis = () => {
    if (snapshot) {
      figure('issued', sum('issuedToday'), count);
      figure('completed', sum('completedToday'), count);
      figure('waitingNow', sum('waiting'), count);
    }
    if (!kpis) return;
    const longestNow = snapshot ? Math.max(0, ...snapshot.themes.map((l) => (l.waiting ? l.longestWaitMinutes : 0))) : 0;
    const maxWait = Math.max(kpis.maxWaitSeconds, longestNow * 60);
    const target = Math.min(30, ...config.themes.map((t) => t.targetMinutes));
    figure('averageWait', kpis.averageWaitSeconds, duration);
    figure('maxWait', maxWait, duration);
    document.querySelector('[data-kpi="maxWait"]').closest('.kpi').classList.toggle('failing', maxWait >= target * 60);
    const judged = kpis.called + (kpis.lateWaitingNow ?? 0);
    figure('onTime', judged === 0 ? null : kpis.onTimeShare * 100, percent);
    figure('satisfied', kpis.rated === 0 ? null : kpis.satisfiedShare * 100, percent);
  };
  // 最多跑一次: the last 28 days from the journal, read every five minutes (not after every event: it reads weeks).
  let oneTrip = null;
  const renderOneTrip = () => {
    if (!oneTrip) return;
    figure('oneTrip', (oneTrip.hall.rate ?? null) === null ? null : oneTrip.hall.rate * 100, percent);
    document.querySelector('[data-kpi="oneTrip"]').closest('.kpi').title = Q.t('tip.oneTrip', { days: oneTrip.days });
  };
  const refreshOneTrip = async () => {
    oneTrip = await Q.api('GET', `/api/halls/${encodeURIComponent(hallId)}/analytics/one-trip`);
    renderOneTrip();
  };
  const refreshKpis = async () => {
    kpis = await Q.api('GET', `/api/halls/${encodeURIComponent(hallId)}/analytics/kpis`);
    renderKpis();
  };

  // Pages of whole items: every `every` ms the next items that fit the box are shown, the rest hidden; `fit` may first
  // make the items smaller (the window wall). A page mark (2/3) says there is more.
  const pager = ({ box, items, mark, every, fit }) => {
    let page = 0;
    let turning = false;
    const layout = (turned) => {
      const list = items();
      list.forEach((node) => { node.hidden = false; });
      if (fit) fit();
      const bottom = box.getBoundingClientRect().bottom - parseFloat(getComputedStyle(box).paddingBottom) + 0.5;
      const rects = list.map((node) => node.getBoundingClientRect());
      const starts = [0];
      for (let i = 1; i < list.length; i++) {
        const start = starts[starts.length - 1];
        if (rects[i].bottom - (rects[start].top - rects[0].top) > bottom) starts.push(i);
      }
      if (page >= starts.length) page = 0;
      const end = starts[page + 1] ?? list.length;
      list.forEach((node, i) => { node.hidden = i < starts[page] || i >= end; });
      mark.textContent = starts.length > 1 ? Q.t('page', { i: page + 1, n: starts.length }) : '';
      turning = starts.length > 1;
      if (turned && turning && !reducedMotion.matches) {
        box.classList.remove('turned');
        void box.offsetWidth; // restarts the fade
        box.classList.add('turned');
      }
    };
    setInterval(() => {
      if (!turning) return;
      page += 1;
      layout(true);
    }, every);
    return { layout: () => layout(false) };
  };

  // A number or state too wide for its tile ("Serving" in a narrow one) gets smaller type, never an ellipsis.
  const shrinkNumbers = (wall) => {
    for (const node of wall.querySelectorAll('.win-number')) {
      node.style.removeProperty('font-size');
      if (node.scrollWidth > node.clientWidth) {
        const size = parseFloat(getComputedStyle(node).fontSize);
        node.style.setProperty('font-size', Math.floor((size * node.clientWidth) / node.scrollWidth) - 1 + 'px');
      }
    }
  };

  // The window wall shrinks its tiles (down to 75%, still legible from 5 m) before it pages.
  const wallFit = () => {
    const panel = Q.$('windows').closest('.wall-panel');
    const wall = Q.$('windows');
    for (const scale of [1, 0.9, 0.82, 0.75]) {
      panel.style.setProperty('--tile', String(scale));
      shrinkNumbers(wall);
      if (wall.scrollHeight <= wall.clientHeight + 1) return;
    }
  };

  // A long alert (one that would not fit the band on its own) gets smaller type, never an ellipsis.
  const alertFit = () => {
    const band = Q.$('alerts');
    for (const node of band.children) {
      node.style.removeProperty('font-size');
      let size = parseFloat(getComputedStyle(node).fontSize);
      while (node.getBoundingClientRect().height > band.clientHeight && size > 10) {
        size -= 1;
        node.style.setProperty('font-size', size + 'px');
      }
    }
  };

  const linesPages = pager({ box: Q.$('lines-box'), items: () => [...Q.$('lines').children], mark: Q.$('lines-page'), every: 10000 });
  const wallPages = pager({ box: Q.$('windows'), items: () => [...Q.$('windows').children], mark: Q.$('windows-page'), every: 10000, fit: wallFit });
  const alertPages = pager({ box: Q.$('alerts'), items: () => [...Q.$('alerts').children], mark: Q.$('alerts-page'), every: 8000, fit: alertFit });

  // Each chart is drawn for its box at 1080p's scale and stretched (SVG) to the box, so its type grows with the screen.
  const refreshCharts = () => {
    const scale = Math.min(window.innerHeight / 1080, window.innerWidth / 1920) || 1;
    const size = (id) => {
      const box = Q.$(id).parentElement;
      return {
        w: Math.min(3000, Math.max(400, Math.round(box.clientWidth / scale))),
        h: Math.min(3000, Math.max(250, Math.round(box.clientHeight / scale))),
      };
    };
    Q.$('chart-today').alt = Q.t('chart.today');
    Q.$('chart-waiting').alt = Q.t('chart.waiting');
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
        // The one estimate, as the board shows it (Q.waitRange: "10–20 分钟"); a line no open window serves says so.
        !line.waiting || line.projectedWaitMinutes != null
          ? Q.el('td', { class: 'num wait', text: line.waiting ? Q.waitRange(line.projectedWaitMinutes, line.projectedWaitLow, line.projectedWaitHigh) : '—' })
          : Q.el('td', { class: 'num wait no-window', text: Q.t('noWindow') }));
    }));
    linesPages.layout();
  };

  const renderWindows = () => {
    if (!snapshot) return;
    const windows = [...snapshot.windows].sort((a, b) => a.windowNo - b.windowNo);
    Q.fill(Q.$('windows'), windows.map((w) => Q.el('div', { class: 'win ' + w.state.toLowerCase(), 'data-window': w.windowNo },
      Q.el('div', { class: 'win-no', text: Q.t('windowNo', { no: w.windowNo }) }),
      Q.el('div', { class: 'win-number', text: w.current ? w.current.displayNumber : Q.t(w.state) }),
      Q.el('div', { class: 'win-staff', text: w.staffName || (w.current ? Q.name(themeOf(w.current.themeCode)) : '') || ' ' }))));
    wallPages.layout();
  };

  const alerts = Q.alerts(hallId, (list) => {
    Q.fill(Q.$('alerts'), list.length
      ? list.map((a) => Q.el('div', { class: 'alert ' + a.severity.toLowerCase(), 'data-theme': a.themeCode },
        Q.el('strong', { text: Q.t(a.severity) }), Q.alertText(a)))
      : [Q.el('div', { class: 'alert-none', text: Q.t('noAlerts') })]);
    alertPages.layout();
  });

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
    Q.onLang(() => { render(); renderKpis(); renderOneTrip(); refreshCharts(); });
    setInterval(() => refreshOneTrip().catch(console.warn), 300000);
    render();
    refreshCharts();
    setInterval(refreshCharts, 60000);
    window.addEventListener('resize', Q.debounce(() => { render(); refreshCharts(); }, 300));
    Q.live({
      hallId,
      watch: (c) => c.invoke('WatchManager', hallId),
      onSnapshot: (snap) => { snapshot = snap; render(); renderKpis(); kpisSoon(); },
      // The lines and their counts on the slow refresh; the window wall follows the events at once.
      onFigures: (figures) => {
        if (!snapshot) return;
        snapshot = { ...snapshot, themes: figures.themes };
        renderLines();
        renderKpis();
      },
      onEvents: (events) => {
        if (snapshot) {
          const windows = snapshot.windows.map((w) => events.reduce(Q.windowEvent, w));
          if (windows.some((w, i) => w !== snapshot.windows[i])) {
            snapshot = { ...snapshot, windows };
            renderWindows();
          }
        }
        alerts.apply(events);
        kpisSoon();
        chartsSoon();
      },
      onState: (state) => {
        Q.liveIndicator(Q.$('live'))(state);
        if (state === 'connected') { alerts.load().catch(console.warn); refreshKpis().catch(console.warn); refreshOneTrip().catch(console.warn); }
      },
    });
  };
  Q.clock(Q.$('clock'), true);
  main();
})();
