// The manager page's tidal-window advice: pick a day (tomorrow by default), compute the advice from history, see
// required/scheduled windows as a heatmap, Erlang C's windows per half hour beside the simulation-checked ones (which
// count the pooling of comprehensive windows), each tidal window's theme per half hour as a table, read why there is a
// shortfall (and a warning when the day will miss the target), apply it after confirming the switches, and undo it.
(function () {
  'use strict';
  const [hallId] = Q.route();
  const base = () => `/api/halls/${encodeURIComponent(hallId)}/advice/${Q.$('advice-date').value}`;
  const tomorrow = () => {
    const d = new Date(Date.now() + 86400000);
    return d.toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
  };
  const slot = (i) => `${String(Math.floor(i / 2)).padStart(2, '0')}:${i % 2 ? '30' : '00'}`;
  let config = null;
  let current = null;

  const themeShort = (code) => {
    const theme = config && config.themes.find((t) => t.code === code);
    return theme ? Q.name(theme) : code;
  };

  // The interval needing the most windows, all themes together, against every window the hall has.
  const peak = (advice) => {
    const byInterval = new Map();
    for (const c of advice.coverage) byInterval.set(c.interval, (byInterval.get(c.interval) || 0) + c.required);
    let best = { interval: null, required: 0 };
    for (const [interval, required] of byInterval) {
      if (required > best.required || (required === best.required && best.interval !== null && interval < best.interval)) best = { interval, required };
    }
    return best;
  };

  // A measured share, rounded down so that 94.96% never shows as 95.0%; the goal as given (95%).
  const pct = (share) => `${(Math.floor(share * 1000 + 1e-9) / 10).toFixed(1)}%`;
  const goalPct = (goal) => `${Math.round(goal * 1000) / 10}%`;
  const hours = (h) => (Math.round(h * 10) / 10).toString();

  // The simulation's verdict: the day meets the goal with the hall's windows, or misses it even with all of them.
  const explainChecked = (advice) => {
    const check = advice.check;
    const windows = config ? config.windows.length : '?';
    if (check.meetsGoal) {
      return Q.t(advice.shortfall ? 'adviceCheckedPooled' : 'adviceCheckedCovered', { windows, goal: goalPct(check.goal), erlang: advice.shortfall });
    }
    // The half hours missing the goal as runs: 09:00–17:00, not seventeen times.
    const runs = [];
    for (const i of check.intervals.filter((c) => c.shareWithinTarget < check.goal).map((c) => c.interval)) {
      const last = runs[runs.length - 1];
      if (last && last.to === i) last.to = i + 1;
      else runs.push({ from: i, to: i + 1 });
    }
    const slots = runs.map((r) => `${slot(r.from)}–${slot(r.to)}`).join(Q.t('listSep'));
    return Q.t('adviceCheckedShort', { windows, goal: goalPct(check.goal), slots, shortfall: check.shortfall });
  };

  const explain = (advice) => {
    if (advice.check) return explainChecked(advice);
    if (!advice.shortfall) return Q.t('adviceCovered');
    const top = peak(advice);
    const params = { time: top.interval === null ? '' : slot(top.interval), peak: top.required, windows: config ? config.windows.length : '?', tidal: advice.windows.length };
    return Q.t(config && top.required > config.windows.length ? 'adviceOverHall' : 'adviceSpread', params);
  };

  // Each tidal window's runs of one planned theme: [{ windowNo, from, to, theme }], to exclusive.
  const switches = (advice) => advice.windows.flatMap((w) => {
    const runs = [];
    w.themes.forEach((code, k) => {
      const last = runs[runs.length - 1];
      if (!code) return;
      if (last && last.theme === code && last.end === k) last.end = k + 1;
      else runs.push({ windowNo: w.windowNo, theme: code, start: k, end: k + 1 });
    });
    return runs.map((r) => ({ windowNo: r.windowNo, theme: r.theme, from: advice.intervals[r.start], to: advice.intervals[r.end - 1] + 1 }));
  });

  const usual = (windowNo) => {
    const window = config && config.windows.find((w) => w.windowNo === windowNo);
    if (!window) return '';
    const kind = window.profile.kind;
    return kind === 'Comprehensive' || !window.profile.themes.length ? Q.t('profileComprehensive')
      : Q.t(kind === 'Dedicated' ? 'profileDedicated' : 'profileOrdered', { themes: window.profile.themes.map(themeShort).join(Q.t('listSep')) });
  };

  const confirmApply = () => {
    const runs = switches(current);
    const byWindow = Map.groupBy ? Map.groupBy(runs, (r) => r.windowNo) : runs.reduce((m, r) => m.set(r.windowNo, [...(m.get(r.windowNo) || []), r]), new Map());
    Q.$('advice-confirm-lead').textContent = Q.t('adviceConfirmLead', { date: current.date, count: byWindow.size });
    Q.fill(Q.$('advice-switches'), [...byWindow].map(([windowNo, list]) => Q.el('li', { 'data-window': windowNo },
      Q.el('strong', { text: Q.t('windowNo', { no: windowNo }) }),
      Q.el('span', { class: 'usual', text: Q.t('adviceUsual', { profile: usual(windowNo) }) }),
      Q.el('ul', {}, list.map((r) => Q.el('li', { class: 'switch', text: Q.t('adviceSwitch', { from: slot(r.from), to: slot(r.to), theme: themeShort(r.theme) }) }))))));
    const still = current.windows.filter((w) => !byWindow.has(w.windowNo)).map((w) => Q.t('windowNo', { no: w.windowNo }));
    Q.$('advice-confirm-rest').textContent = still.length ? Q.t('adviceUnchanged', { windows: still.join(Q.t('listSep')) }) : '';
    Q.$('advice-confirm').returnValue = '';
    Q.$('advice-confirm').showModal();
  };

  // Erlang C's windows (each theme alone) beside the simulated ones (pooling counted), the share within target, and the
  // shortfall row only where even every window misses the goal.
  const renderCheck = () => {
    const check = current && current.check;
    Q.show(Q.$('advice-check-wrap'), !!check);
    Q.show(Q.$('advice-warning'), !!check && !check.meetsGoal);
    Q.$('advice-note').textContent = Q.t(check ? 'adviceCheckNote' : 'adviceNote', check ? { days: check.replications } : {});
    if (!check) {
      Q.fill(Q.$('advice-check-head'));
      Q.fill(Q.$('advice-check'));
      return;
    }
    if (!check.meetsGoal) {
      Q.$('advice-warning').textContent = Q.t('adviceWarning', { date: current.date, share: pct(check.shareWithinTarget), goal: goalPct(check.goal), shortfall: check.shortfall });
    }
    const row = (key, cells) => Q.el('tr', { 'data-row': key }, Q.el('th', { text: Q.t(key) }), ...cells.map((c) => Q.el('td', c)));
    Q.fill(Q.$('advice-check-head'), Q.el('tr', {}, Q.el('th', { text: Q.t('adviceInterval') }), ...check.intervals.map((i) => Q.el('th', { text: slot(i.interval) }))));
    const rows = [
      row('adviceErlang', check.intervals.map((i) => ({ text: i.erlangC, class: config && i.erlangC > config.windows.length ? 'over' : '' }))),
      row('adviceSimulated', check.intervals.map((i) => ({ text: i.simulated, class: 'simulated' }))),
      row('adviceShare', check.intervals.map((i) => ({ text: pct(i.shareWithinTarget), class: i.shareWithinTarget < check.goal ? 'missed' : '' }))),
    ];
    if (check.shortfall > 0) rows.push(row('adviceShortfall', check.intervals.map((i) => ({ text: i.shortfall || '', class: i.shortfall ? 'missed' : '' }))));
    rows.push(Q.el('tr', { 'data-row': 'adviceHours' }, Q.el('th', { text: Q.t('adviceHours') }),
      Q.el('td', { colspan: check.intervals.length, class: 'hours',
        text: Q.t('adviceHoursLine', { erlang: hours(check.erlangWindowHours), simulated: hours(check.windowHours), share: pct(check.shareWithinTarget) }) })));
    Q.fill(Q.$('advice-check'), rows);
  };

  const render = () => {
    const img = Q.$('chart-advice');
    renderCheck();
    if (!current) {
      Q.$('advice-status').textContent = Q.t('adviceNone');
      Q.show(img, false);
      Q.show(Q.$('advice-explain'), false);
      Q.show(Q.$('advice-undo'), false);
      Q.$('advice-apply').disabled = true;
      Q.fill(Q.$('advice-head'));
      Q.fill(Q.$('advice-plan'));
      return;
    }

    const applied = current.appliedAt
      ? Q.t('adviceApplied', { at: new Date(current.appliedAt).toLocaleString(Q.lang() === 'en' ? 'en-GB' : 'zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) })
      : Q.t('adviceNotApplied');
    const line = current.check
      ? Q.t('adviceLineChecked', { shortfall: current.check.shortfall, erlang: current.shortfall, switches: current.switches, weeks: current.weeksOfHistory })
      : Q.t('adviceLine', { shortfall: current.shortfall, switches: current.switches, weeks: current.weeksOfHistory });
    Q.$('advice-status').textContent = `${line}${Q.t('adviceSep')}${applied}`;
    Q.$('advice-explain').textContent = current.noteZh ? (Q.lang() === 'en' ? current.noteEn : current.noteZh) : explain(current);
    Q.$('advice-explain').classList.toggle('short', current.check ? !current.check.meetsGoal : current.shortfall > 0);
    Q.show(Q.$('advice-explain'), true);
    Q.$('advice-apply').disabled = !!current.appliedAt;
    Q.show(Q.$('advice-undo'), !!current.appliedAt);
    Q.show(img, true);
    Q.chart(img, hallId, 'advice', { date: current.date, w: Math.max(600, Math.round(Q.$('advice-card').clientWidth - 40)), h: 460 });
    Q.fill(Q.$('advice-head'), Q.el('tr', {}, Q.el('th', { text: Q.t('window') }), ...current.intervals.map((i) => Q.el('th', { text: slot(i) }))));
    Q.fill(Q.$('advice-plan'), current.windows.map((w) => Q.el('tr', { 'data-window': w.windowNo },
      Q.el('td', { text: Q.t('windowNo', { no: w.windowNo }) }),
      ...w.themes.map((code) => Q.el('td', { text: code ? themeShort(code) : Q.t('standby'), class: code ? 'planned' : 'standby' })))));
  };

  const run = async (action) => {
    try {
      current = await action();
      Q.show(Q.$('error'), false);
    } catch (error) {
      if (error.code !== 'advice-not-found') {
        Q.$('error').textContent = Q.errorText(error);
        Q.show(Q.$('error'), true);
      }
      current = null;
    }
    render();
  };

  const load = () => run(() => Q.api('GET', base()));

  const main = async () => {
    Q.$('advice-date').value = tomorrow();
    config = await Q.api('GET', `/api/halls/${encodeURIComponent(hallId)}`).catch(() => null);
    Q.$('advice-date').addEventListener('change', load);
    Q.$('advice-compute').addEventListener('click', () => run(() => Q.api('POST', `${base()}/compute`)));
    Q.$('advice-apply').addEventListener('click', () => { if (current) confirmApply(); });
    Q.$('advice-confirm').addEventListener('close', () => {
      if (Q.$('advice-confirm').returnValue === 'apply') run(() => Q.api('POST', `${base()}/apply`));
    });
    Q.$('advice-undo').addEventListener('click', () => run(() => Q.api('POST', `${base()}/undo`)));
    Q.onLang(render);
    load();
  };
  main();
})();
