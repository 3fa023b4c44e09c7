// The manager page's tidal-window advice: pick a day (tomorrow by default), compute the advice from history, see
// required vs scheduled windows as a heatmap and each tidal window's theme per half hour as a table, and apply it.
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

  const render = () => {
    const img = Q.$('chart-advice');
    if (!current) {
      Q.$('advice-status').textContent = Q.t('adviceNone');
      Q.show(img, false);
      Q.fill(Q.$('advice-head'));
      Q.fill(Q.$('advice-plan'));
      return;
    }

    const applied = current.appliedAt
      ? Q.t('adviceApplied', { at: new Date(current.appliedAt).toLocaleString(Q.lang() === 'en' ? 'en-GB' : 'zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) })
      : Q.t('adviceNotApplied');
    Q.$('advice-status').textContent = `${Q.t('adviceLine', { shortfall: current.shortfall, switches: current.switches, weeks: current.weeksOfHistory })}${Q.t('adviceSep')}${applied}`;
    Q.$('advice-apply').disabled = !!current.appliedAt;
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
    Q.$('advice-apply').addEventListener('click', () => run(() => Q.api('POST', `${base()}/apply`)));
    Q.onLang(render);
    load();
  };
  main();
})();
