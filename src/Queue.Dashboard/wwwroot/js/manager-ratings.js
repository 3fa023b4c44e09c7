// The manager page's 好差评 section: satisfaction against wait (the chart satisfaction-by-wait) and the 差评 of a period
// (GET /analytics/ratings?onlyUnsatisfied=true, newest first) with their comments. Comments are the citizens' own words:
// they are only ever set as text (Q.el's text), never as markup.
(function () {
  'use strict';
  const [hallId] = Q.route();
  const day = (offset) => new Date(Date.now() + offset * 86400000).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
  const td = (text, cls) => Q.el('td', { text, class: cls });
  const when = (at) => new Date(at).toLocaleString(Q.lang() === 'en' ? 'en-GB' : 'zh-CN', {
    timeZone: 'Asia/Shanghai', hour12: false, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
  });
  const theme = (r) => (Q.lang() === 'en' && r.themeNameEn ? r.themeNameEn : r.themeName) || r.themeCode;
  let report = null;

  const range = () => {
    const from = Q.$('ratings-from').value;
    const to = Q.$('ratings-to').value;
    return Object.assign({}, from ? { from } : {}, to ? { to } : {});
  };

  const render = () => {
    if (!report) return;
    Q.$('ratings-summary').textContent = Q.t('ratingsSummary', {
      from: report.from, to: report.to, rated: report.rated, satisfied: report.satisfied,
      share: Q.percent(report.satisfied / (report.rated || 1), report.rated), unsatisfied: report.unsatisfied,
    }) + (report.matching > report.listed ? Q.t('adviceSep') + Q.t('ratingsListed', { listed: report.listed, matching: report.matching }) : '');
    const rows = report.ratings.map((r) => Q.el('tr', { 'data-level': r.level },
      td(when(r.at), 'num'), td(r.displayNumber || '—', 'num'), td(theme(r)), td(r.windowNo ? Q.t('windowNo', { no: r.windowNo }) : '—'),
      td(r.staffId || '—'), td(r.waitMinutes === null || r.waitMinutes === undefined ? '—' : Q.t('ratingsMinutes', { n: r.waitMinutes }), 'num'),
      td(Q.t('level' + r.level)), td(r.citizenName || '—'), td(r.comment || Q.t('ratingsNoComment'), 'comment')));
    Q.fill(Q.$('ratings-list'), rows.length ? rows : [Q.el('tr', {}, Q.el('td', { colspan: 9, class: 'empty', text: Q.t('ratingsNone') }))]);
  };

  const load = async () => {
    const img = Q.$('chart-ratings-wait');
    img.alt = Q.t('ratingsChart');
    Q.chart(img, hallId, 'satisfaction-by-wait', Object.assign({ w: Math.max(500, Math.round(img.clientWidth || 800)), h: 420 }, range()));
    const query = new URLSearchParams(Object.assign({ onlyUnsatisfied: 'true' }, range()));
    try {
      report = await Q.api('GET', `/api/halls/${encodeURIComponent(hallId)}/analytics/ratings?${query}`);
      Q.show(Q.$('ratings-error'), false);
      render();
    } catch (error) {
      Q.$('ratings-error').textContent = Q.errorText(error);
      Q.show(Q.$('ratings-error'), true);
    }
  };

  const main = async () => {
    await Q.ready;
    Q.$('ratings-from').value = day(-27);
    Q.$('ratings-to').value = day(0);
    for (const id of ['ratings-from', 'ratings-to']) Q.$(id).addEventListener('change', load);
    Q.onLang(load);
    load();
  };
  main();
})();
