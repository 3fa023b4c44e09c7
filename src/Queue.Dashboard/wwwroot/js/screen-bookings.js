// The big screen's line on today's appointments (GET /api/halls/{hall}/booking/today: counts and mean waits only), in the
// footer where the motto stands: on a day with bookings the two take turns every 10 s, so the footer never grows. Every minute.
(function () {
  'use strict';
  const [hallId] = Q.route();
  Q.words({
    bookingsLine: '今日预约 {booked} · 按时签到 {checkedIn} · 迟到 {late} · 未到 {missed}',
    bookingsWaits: ' · 平均等候：预约 {appointment} 分，现场 {walkIn} 分',
  }, {
    bookingsLine: 'Bookings today {booked} · on time {checkedIn} · late {late} · missed {missed}',
    bookingsWaits: ' · mean wait: booked {appointment} min, walk-in {walkIn} min',
  });
  const line = Q.el('span', { id: 'bookings-line', class: 'bookings-line', role: 'status', hidden: '' });
  let today = null;
  let turn = false;

  const minutes = (value) => (value == null ? '—' : Math.round(value).toString());

  const render = () => {
    if (!today) return;
    let text = Q.t('bookingsLine', { booked: today.booked, checkedIn: today.checkedIn, late: today.late, missed: today.missed });
    if (today.appointmentMeanWaitMinutes != null) {
      text += Q.t('bookingsWaits', { appointment: minutes(today.appointmentMeanWaitMinutes), walkIn: minutes(today.walkInMeanWaitMinutes) });
    }
    line.textContent = text;
  };

  const show = () => {
    const motto = document.querySelector('.screen-foot [data-i18n="motto"]');
    const bookings = !!today && today.booked > 0 && turn;
    line.hidden = !bookings;
    if (motto) motto.hidden = bookings;
  };

  const load = async () => {
    try {
      today = await Q.api('GET', `/api/halls/${encodeURIComponent(hallId)}/booking/today`);
      render();
      show();
    } catch (error) {
      console.warn(error); // the line keeps its last figures; the next minute tries again
    }
  };

  const main = async () => {
    await Q.ready;
    const foot = document.querySelector('.screen-foot');
    const motto = foot.querySelector('[data-i18n="motto"]');
    foot.insertBefore(line, motto.nextSibling);
    Q.onLang(render);
    setInterval(() => { turn = !turn; show(); }, 10000);
    setInterval(load, 60000);
    load();
  };
  main();
})();
