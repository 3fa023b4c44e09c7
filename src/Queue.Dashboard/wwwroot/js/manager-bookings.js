// The manager page's appointments section: GET /booking/report for a period (bookings per slot, show rate, late share,
// appointment against walk-in waits) and the hall's booking settings (PUT /booking/settings: share, check-in window).
(function () {
  'use strict';
  const [hallId] = Q.route();
  const base = `/api/halls/${encodeURIComponent(hallId)}/booking`;
  const td = (text, cls) => Q.el('td', { text, class: cls });
  const share = (v) => (v === null || v === undefined ? '—' : Math.round(v * 1000) / 10 + '%');
  const minutes = (v) => (v === null || v === undefined ? '—' : Q.t('bookingsMinutes', { n: v }));
  const error = (e) => { Q.$('bookings-error').textContent = e ? Q.errorText(e) : ''; Q.show(Q.$('bookings-error'), !!e); };
  let report = null;

  const render = () => {
    if (!report) return;
    const r = report;
    Q.$('bookings-summary').textContent = Q.t('bookingsSummary', {
      from: r.from, to: r.to, booked: r.booked, checkedIn: r.checkedIn, late: r.late, missed: r.missed, cancelled: r.cancelled,
      rescheduled: r.rescheduled, show: share(r.showRate), lateShare: share(r.lateShare),
    });
    Q.fill(Q.$('bookings-waits'), [['bookingsAppointments', r.appointmentWaits], ['bookingsWalkIns', r.walkInWaits]].map(([name, w]) =>
      Q.el('tr', {}, td(Q.t(name)), td(String(w.calls), 'num'), td(minutes(w.meanMinutes), 'num'), td(minutes(w.p90Minutes), 'num'))));
    const rows = r.slots.map((s) => Q.el('tr', {}, td(`${s.date} ${s.slotStart.slice(11, 16)}`, 'num'), td(s.themeCode), td(String(s.booked), 'num'),
      td(String(s.checkedIn), 'num'), td(String(s.late), 'num')));
    Q.fill(Q.$('bookings-slots'), rows.length ? rows : [Q.el('tr', {}, Q.el('td', { colspan: 5, class: 'empty', text: Q.t('bookingsNone') }))]);
  };

  const load = async () => {
    const query = new URLSearchParams();
    if (Q.$('bookings-from').value) query.set('from', Q.$('bookings-from').value);
    if (Q.$('bookings-to').value) query.set('to', Q.$('bookings-to').value);
    try {
      report = await Q.api('GET', `${base}/report?${query}`);
      error(null);
      render();
    } catch (e) { error(e); }
  };

  const loadSettings = async () => {
    try {
      const s = await Q.api('GET', `${base}/settings`);
      Q.$('bookings-share').value = Math.round(s.defaultShare * 100);
      Q.$('bookings-early').value = s.checkInEarlyMinutes;
      Q.$('bookings-late').value = s.checkInLateMinutes;
    } catch (e) { error(e); }
  };

  const save = async () => {
    try {
      await Q.api('PUT', `${base}/settings`, {
        defaultShare: Number(Q.$('bookings-share').value) / 100,
        checkInEarlyMinutes: Number(Q.$('bookings-early').value), checkInLateMinutes: Number(Q.$('bookings-late').value),
      });
      error(null);
      Q.$('bookings-save').textContent = Q.t('bookingsSaved');
      setTimeout(() => { Q.$('bookings-save').textContent = Q.t('bookingsSave'); }, 2000);
    } catch (e) { error(e); }
  };

  document.addEventListener('DOMContentLoaded', () => {
    Q.$('bookings-from').addEventListener('change', load);
    Q.$('bookings-to').addEventListener('change', load);
    Q.$('bookings-save').addEventListener('click', save);
    Q.onLang(render);
    load();
    loadSettings();
  });
})();
