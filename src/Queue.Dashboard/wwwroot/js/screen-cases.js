// The big screen's line on the follow-up of 差评 and the 没办成 cases (GET /api/halls/{hall}/cases/overdue, counts only:
// no names, no tickets), in the footer beside the motto; red when a case is past its deadline. Every minute.
(function () {
  'use strict';
  const [hallId] = Q.route();
  Q.words({ casesLine: '差评回访 {followUps} 件（逾期 {followUpsLate}）· 没办成 {notDone} 件（逾期 {notDoneLate}）' },
    { casesLine: 'Follow-ups {followUps} ({followUpsLate} overdue) · not done {notDone} ({notDoneLate} overdue)' });
  const line = Q.el('span', { id: 'cases-line', class: 'cases-line', role: 'status' });
  let counts = null;

  const render = () => {
    if (!counts) return;
    line.textContent = Q.t('casesLine', {
      followUps: counts.openFollowUps, followUpsLate: counts.overdueFollowUps, notDone: counts.openNotDone, notDoneLate: counts.overdueNotDone,
    });
    line.dataset.overdue = counts.overdueFollowUps + counts.overdueNotDone > 0 ? 'true' : 'false';
  };

  const load = async () => {
    try {
      counts = await Q.api('GET', `/api/halls/${encodeURIComponent(hallId)}/cases/overdue`);
      render();
    } catch (error) {
      console.warn(error); // the line keeps its last figures; the next minute tries again
    }
  };

  const main = async () => {
    await Q.ready;
    const foot = document.querySelector('.screen-foot');
    foot.insertBefore(line, Q.$('live'));
    Q.onLang(render);
    setInterval(load, 60000);
    load();
  };
  main();
})();
