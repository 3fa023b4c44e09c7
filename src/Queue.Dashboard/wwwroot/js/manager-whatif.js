// The manager page's what-if (推演): pick a day, a plan (as configured, the day's tidal advice, or the tidal windows'
// grid edited cell by cell), a demand factor on the day's forecast and the replications; run the four policies on the
// same citizens (POST /simulations), compare them in a table and in ScottPlot heatmaps of the mean wait by theme × hour
// (POST /simulations/heatmap, one colour scale for all), and apply the grid as the day's tidal plan (PUT /advice/{date}/plan,
// then the advice's own /apply, after confirming the switches).
(function () {
  'use strict';
  const [hallId] = Q.route();
  const hallPath = `/api/halls/${encodeURIComponent(hallId)}`;
  const slot = (i) => `${String(Math.floor(i / 2)).padStart(2, '0')}:${i % 2 ? '30' : '00'}`;
  const minutesOf = (time) => { const [h, m] = String(time).split(':').map(Number); return h * 60 + m; };
  const CLOSED = '-';
  let config = null;
  let advice = null; // the day's advice: the forecast (coverage) and the tidal windows' plan
  let grid = new Map(); // tidal window → per open interval: null (usual profile), a theme code, or CLOSED
  let result = null;
  let blobs = [];
  let running = false;

  const date = () => Q.$('whatif-date').value;
  const today = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
  const intervals = () => {
    if (!config) return [];
    if (advice) return advice.intervals; // the day's open half hours by the hall calendar, as the advice plans them
    const [from, to] = [minutesOf(config.opens), minutesOf(config.closes)];
    return [...Array(48).keys()].filter((i) => i * 30 >= from && i * 30 < to);
  };
  const tidalWindows = () => (config ? config.windows.filter((w) => w.tidal) : []);
  const themeOf = (code) => config.themes.find((t) => t.code === code);
  const serves = (w) => (w.profile.kind === 'Comprehensive' || !w.profile.themes.length ? config.themes.map((t) => t.code) : w.profile.themes);

  // The status line: a word with its values, or a refusal; kept so that it follows the language switch.
  let said = null;
  const sayNow = () => {
    const text = !said ? '' : said.error ? Q.errorText(said.error) : Q.t(said.key, said.params);
    Q.$('whatif-status').textContent = text;
    Q.$('whatif-status').classList.toggle('error', !!(said && (said.error || said.alarm)));
  };
  const status = (key, params, alarm) => { said = key ? { key, params, alarm } : null; sayNow(); };
  const showError = (error) => { said = { error }; sayNow(); };

  const closedCells = () => [...grid.values()].some((cells) => cells.includes(CLOSED));
  const applicable = () => !running && !!advice && !closedCells() && date() >= today();

  const fromAdvice = () => {
    const open = intervals();
    grid = new Map(tidalWindows().map((w) => {
      const planned = advice && advice.windows.find((p) => p.windowNo === w.windowNo);
      return [w.windowNo, open.map((i) => {
        const k = planned ? advice.intervals.indexOf(i) : -1;
        return k >= 0 ? planned.themes[k] || null : null;
      })];
    }));
  };
  const usual = () => { grid = new Map(tidalWindows().map((w) => [w.windowNo, intervals().map(() => null)])); };

  const cellText = (value) => (value === null ? Q.t('whatifUsual') : value === CLOSED ? Q.t('whatifClosed') : Q.name(themeOf(value)) || value);
  const renderGrid = () => {
    const open = intervals();
    Q.fill(Q.$('whatif-grid-head'), Q.el('tr', {}, Q.el('th', { text: Q.t('window') }), ...open.map((i) => Q.el('th', { text: slot(i) }))));
    Q.fill(Q.$('whatif-grid'), tidalWindows().map((w) => Q.el('tr', { 'data-window': w.windowNo },
      Q.el('th', { text: Q.t('windowNo', { no: w.windowNo }), scope: 'row' }),
      ...open.map((i, k) => {
        const value = grid.get(w.windowNo)[k];
        return Q.el('td', { class: value === null ? 'usual' : value === CLOSED ? 'closed' : 'planned' },
          Q.el('button', { type: 'button', 'data-interval': i, title: `${slot(i)} ${cellText(value)}`, text: cellText(value), onclick: () => cycle(w, k) }));
      }))));
    Q.$('whatif-apply').disabled = !applicable();
  };

  // usual → each theme the window serves (first) → closed → usual.
  const cycle = (w, k) => {
    const states = [null, ...serves(w), CLOSED];
    const cells = grid.get(w.windowNo);
    cells[k] = states[(states.indexOf(cells[k]) + 1) % states.length];
    Q.$('whatif-plan').value = 'custom';
    if (result) status('whatifStale');
    renderGrid();
  };

  const rates = () => {
    const factor = Number(Q.$('whatif-demand').value);
    const byTheme = {};
    for (const c of advice ? advice.coverage : []) {
      if (!(c.arrivalsPerHour > 0)) continue;
      const perHalfHour = byTheme[c.theme] || (byTheme[c.theme] = new Array(48).fill(0));
      perHalfHour[c.interval] = Math.round(c.arrivalsPerHour * factor * 100) / 100;
    }
    return byTheme;
  };

  // The plan as the simulation takes it: a theme cell is the tidal switch (the server makes the profile, as a drawn
  // tidal plan does), closed is closed; the usual profile needs no cell.
  const plan = () => {
    const kind = Q.$('whatif-plan').value;
    if (kind !== 'custom') return { kind };
    const open = intervals();
    const cells = [];
    for (const w of tidalWindows()) {
      grid.get(w.windowNo).forEach((value, k) => {
        if (value === CLOSED) cells.push({ windowNo: w.windowNo, interval: open[k], closed: true });
        else if (value) cells.push({ windowNo: w.windowNo, interval: open[k], theme: value });
      });
    }
    return { kind, cells };
  };

  // The day's advice, as stored; computed (with its simulation check, several seconds) only when a run needs its forecast,
  // so that opening the page does not compute the same day as the advice section beside it.
  const loadDay = async () => {
    advice = null;
    try {
      advice = await Q.api('GET', `${hallPath}/advice/${date()}`).catch((error) => {
        if (error.code === 'advice-not-found') return null;
        throw error;
      });
      status(null);
    } catch (error) {
      showError(error);
    }
    if (Q.$('whatif-plan').value === 'configured') usual(); else fromAdvice();
    renderGrid();
  };

  const fixed = (value, digits) => (value == null ? '—' : Number(value).toFixed(digits));
  const percent = (f) => (f.mean == null ? '—' : `${fixed(f.mean * 100, 1)}%` + (f.low == null ? '' : ` [${fixed(f.low * 100, 1)}–${fixed(f.high * 100, 1)}]`));
  const td = (text, cls) => Q.el('td', { text, class: cls });

  const renderTable = () => {
    Q.$('whatif-summary').textContent = Q.t('whatifSummary', {
      date: result.date, tickets: Math.round(result.expectedTickets), replications: result.replications, seed: result.seed, seconds: result.seconds,
    });
    Q.fill(Q.$('whatif-table'), result.policies.map((p) => Q.el('tr', { 'data-policy': p.policy },
      td(Q.t(p.policy)), td(percent(p.shareWithinTarget), 'num'),
      td(Q.t('whatifMinutes', { n: fixed(p.meanWaitMinutes.mean, 1) }), 'num'), td(Q.t('whatifMinutes', { n: fixed(p.p90WaitMinutes.mean, 1) }), 'num'),
      td(Q.t('whatifMinutes', { n: fixed(p.maxWaitMinutes.mean, 1) }), 'num'), td(Q.t('whatifHoursValue', { n: fixed(p.windowHours.mean, 1) }), 'num'),
      td(p.utilization.mean == null ? '—' : `${fixed(p.utilization.mean * 100, 1)}%`, 'num'))));
  };

  // One heatmap per policy, all on the scale of the run's longest mean wait (45 minutes at least, as the day's heatmap).
  const renderHeatmaps = async () => {
    const box = Q.$('whatif-heatmaps');
    const waits = result.policies.flatMap((p) => p.byThemeAndHour.map((c) => c.meanWaitMinutes || 0));
    const scaleMax = Math.max(45, Math.ceil(Math.max(0, ...waits) / 5) * 5);
    const width = Math.max(400, Math.round((box.clientWidth || 1200) / 2 - 12));
    const images = result.policies.map((p) => Q.el('img', { class: 'chart', alt: Q.t(p.policy), 'data-policy': p.policy }));
    Q.fill(box, images);
    blobs.forEach((url) => URL.revokeObjectURL(url));
    blobs = [];
    const query = new URLSearchParams({ lang: Q.lang(), w: width, h: Math.round(width * 0.5) });
    await Promise.all(result.policies.map(async (p, k) => {
      const response = await fetch(`${hallPath}/simulations/heatmap?${query}`, {
        method: 'POST', headers: { accept: 'image/svg+xml, application/problem+json', 'content-type': 'application/json' },
        body: JSON.stringify({ date: result.date, policy: p.policy, scaleMax, cells: p.byThemeAndHour.map((c) => ({ theme: c.theme, hour: c.hour, meanWaitMinutes: c.meanWaitMinutes })) }),
      });
      if (!response.ok) throw Q.problem(await response.json().catch(() => ({ messageZh: `请求失败（${response.status}）`, messageEn: `Request failed (${response.status})` })));
      const url = URL.createObjectURL(await response.blob());
      blobs.push(url);
      images[k].src = url;
    }));
  };

  const render = async () => {
    Q.show(Q.$('whatif-result'), !!result);
    if (!result) return;
    renderTable();
    try {
      await renderHeatmaps();
    } catch (error) {
      showError(error);
    }
  };

  const run = async () => {
    running = true;
    Q.$('whatif-run').disabled = true;
    Q.$('whatif-apply').disabled = true;
    Q.$('whatif-card').setAttribute('aria-busy', 'true');
    status('whatifRunning');
    const started = performance.now();
    try {
      if (!advice) {
        advice = await Q.api('POST', `${hallPath}/advice/${date()}/compute`);
        if (Q.$('whatif-plan').value === 'tidal') { fromAdvice(); renderGrid(); }
      }
      const body = { date: date(), arrivals: 'rates', rates: rates(), replications: Number(Q.$('whatif-replications').value), plan: plan() };
      if (!Object.keys(body.rates).length) {
        status('whatifNoForecast', null, true);
        return;
      }
      result = await Q.api('POST', `${hallPath}/simulations`, body);
      result.seconds = ((performance.now() - started) / 1000).toFixed(1);
      status('whatifDone');
    } catch (error) {
      showError(error);
    } finally {
      running = false;
      Q.$('whatif-run').disabled = false;
      Q.$('whatif-card').removeAttribute('aria-busy');
      Q.$('whatif-apply').disabled = !applicable();
    }
    await render();
  };

  // Each tidal window's runs of one theme, for the confirmation: [{ windowNo, theme, from, to }], to exclusive.
  const switches = () => {
    const open = intervals();
    return tidalWindows().flatMap((w) => {
      const runs = [];
      grid.get(w.windowNo).forEach((value, k) => {
        const last = runs[runs.length - 1];
        if (!value) return;
        if (last && last.theme === value && last.end === k) last.end = k + 1;
        else runs.push({ windowNo: w.windowNo, theme: value, start: k, end: k + 1 });
      });
      return runs.map((r) => ({ windowNo: r.windowNo, theme: r.theme, from: open[r.start], to: open[r.end - 1] + 1 }));
    });
  };

  const confirmApply = () => {
    if (closedCells()) {
      status('whatifClosedNotApplied', null, true);
      return;
    }
    const runs = switches();
    const byWindow = runs.reduce((m, r) => m.set(r.windowNo, [...(m.get(r.windowNo) || []), r]), new Map());
    Q.$('whatif-confirm-lead').textContent = Q.t(byWindow.size ? 'whatifConfirmLead' : 'whatifConfirmNone', { date: date(), count: byWindow.size });
    Q.fill(Q.$('whatif-switches'), [...byWindow].map(([windowNo, list]) => Q.el('li', { 'data-window': windowNo },
      Q.el('strong', { text: Q.t('windowNo', { no: windowNo }) }),
      Q.el('ul', {}, list.map((r) => Q.el('li', { class: 'switch', text: Q.t('adviceSwitch', { from: slot(r.from), to: slot(r.to), theme: Q.name(themeOf(r.theme)) }) }))))));
    Q.$('whatif-confirm').returnValue = '';
    Q.$('whatif-confirm').showModal();
  };

  const apply = async () => {
    const open = intervals();
    const cells = tidalWindows().flatMap((w) => grid.get(w.windowNo).map((theme, k) => ({ windowNo: w.windowNo, interval: open[k], theme })).filter((c) => c.theme));
    Q.$('whatif-apply').disabled = true;
    try {
      advice = await Q.api('PUT', `${hallPath}/advice/${date()}/plan`, { cells });
      advice = await Q.api('POST', `${hallPath}/advice/${date()}/apply`);
      status('whatifApplied', { date: date() });
    } catch (error) {
      showError(error);
    }
    Q.$('whatif-apply').disabled = !applicable();
  };

  const main = async () => {
    const d = new Date(Date.now() + 86400000);
    Q.$('whatif-date').value = Q.query('whatif') || d.toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
    config = await Q.api('GET', hallPath).catch(() => null);
    if (!config) return;
    Q.$('whatif-date').addEventListener('change', () => { result = null; render(); loadDay(); });
    Q.$('whatif-plan').addEventListener('change', () => {
      if (Q.$('whatif-plan').value === 'configured') usual(); else if (Q.$('whatif-plan').value === 'tidal') fromAdvice();
      if (result) status('whatifStale');
      renderGrid();
    });
    Q.$('whatif-demand').addEventListener('change', () => { if (result) status('whatifStale'); });
    Q.$('whatif-run').addEventListener('click', run);
    Q.$('whatif-apply').addEventListener('click', confirmApply);
    Q.$('whatif-confirm').addEventListener('close', () => { if (Q.$('whatif-confirm').returnValue === 'apply') apply(); });
    Q.onLang(() => { renderGrid(); sayNow(); render(); });
    await loadDay();
  };
  main();
})();
