// The ticket page's 我的年度办事 (政务办事分析): opened from the citizen's own ticket link, it asks
// GET /api/tickets/{id}/year with the link's key (X-Ticket-Key, set by ticket.js) and shows the year of the visits their
// ID card or phone links: visits, themes, total and average wait, the one-trip rate and the ratings they gave.
(function () {
  'use strict';
  const [ticketId] = Q.route();
  Q.words({
    yearTitle: '我的年度办事', yearLoading: '正在汇总…', yearUnknown: '取号时未登记身份证或手机号，无法汇总您的办事记录。',
    yearLead: '{year} 年您在本厅办事 {visits} 次', yearWaitTotal: '累计等候', yearWaitAverage: '平均等候', yearOneTrip: '一次办成',
    yearThemes: '办理事项', yearRatings: '您的评价', yearNoRatings: '本年尚未评价', yearMinutes: '{n} 分钟', yearTimes: '{n} 次',
    yearOneTripText: '{rate}（{one}/{known} 次）', yearNote: '仅统计凭您的身份证或手机号取号的记录。',
    'yearRate.5': '非常满意', 'yearRate.4': '满意', 'yearRate.3': '基本满意', 'yearRate.2': '不满意', 'yearRate.1': '非常不满意',
  }, {
    yearTitle: 'My year in the hall', yearLoading: 'Adding up…', yearUnknown: 'This ticket was taken without an ID card or phone number, so there is nothing to add up.',
    yearLead: 'In {year} you came {visits} times', yearWaitTotal: 'Waited in all', yearWaitAverage: 'Average wait', yearOneTrip: 'Done in one trip',
    yearThemes: 'Matters', yearRatings: 'Your ratings', yearNoRatings: 'No ratings this year', yearMinutes: '{n} min', yearTimes: '{n}×',
    yearOneTripText: '{rate} ({one} of {known})', yearNote: 'Only tickets taken with your ID card or phone number are counted.',
    'yearRate.5': 'Very satisfied', 'yearRate.4': 'Satisfied', 'yearRate.3': 'Acceptable', 'yearRate.2': 'Dissatisfied', 'yearRate.1': 'Very dissatisfied',
  });
  let year = null;
  const fact = (label, value) => Q.el('div', { class: 'year-fact' }, Q.el('div', { class: 'label', text: label }), Q.el('div', { class: 'value', text: value }));

  const render = () => {
    const body = Q.$('year-body');
    if (!year) { Q.fill(body, Q.el('p', { text: Q.t('yearLoading') })); return; }
    if (!year.known) { Q.fill(body, Q.el('p', { class: 'year-unknown', text: Q.t('yearUnknown') })); return; }
    const known = year.oneTrip.oneTrip + year.oneTrip.repeat;
    Q.fill(body,
      Q.el('p', { class: 'year-lead', text: Q.t('yearLead', { year: year.year, visits: year.visits }) }),
      Q.el('div', { class: 'year-facts' },
        fact(Q.t('yearWaitTotal'), Q.t('yearMinutes', { n: Math.round(year.totalWaitMinutes) })),
        fact(Q.t('yearWaitAverage'), (year.averageWaitMinutes ?? null) === null ? '—' : Q.t('yearMinutes', { n: year.averageWaitMinutes })),
        fact(Q.t('yearOneTrip'), (year.oneTrip.rate ?? null) === null ? '—'
          : Q.t('yearOneTripText', { rate: (year.oneTrip.rate * 100).toFixed(0) + '%', one: year.oneTrip.oneTrip, known }))),
      Q.el('h3', { text: Q.t('yearThemes') }),
      Q.el('ul', { class: 'year-themes' }, ...year.themes.map((t) => Q.el('li', {}, Q.el('span', { text: Q.name(t) || t.code }), Q.el('span', { class: 'num', text: Q.t('yearTimes', { n: t.visits }) })))),
      Q.el('h3', { text: Q.t('yearRatings') }),
      year.ratings.length
        ? Q.el('ul', { class: 'year-ratings' }, ...year.ratings.map((r) => Q.el('li', {}, Q.el('span', { text: r.date }), Q.el('span', { text: Q.t('yearRate.' + r.level) }))))
        : Q.el('p', { text: Q.t('yearNoRatings') }),
      Q.el('p', { class: 'year-note', text: Q.t('yearNote') }));
  };

  const load = async () => {
    try {
      year = await Q.api('GET', `/api/tickets/${encodeURIComponent(ticketId)}/year`);
      render();
    } catch (error) {
      Q.fill(Q.$('year-body'), Q.el('p', { class: 'year-error', role: 'alert', text: Q.errorText(error) }));
    }
  };

  const details = Q.$('year');
  details.addEventListener('toggle', () => { if (details.open && !year) { render(); load(); } });
  Q.onLang(() => { if (year) render(); });
})();
