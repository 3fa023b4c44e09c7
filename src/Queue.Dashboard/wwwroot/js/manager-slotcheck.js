// The manager page's check of the booking capacities by simulation (POST /booking/check): every slot of the day filled
// to its capacity on top of the forecast walk-ins; per theme and slot the shares within target, the verdict (misses in
// red, with a word too) and the lower capacity suggested for a slot that misses.
(function () {
  'use strict';
  const [hallId] = Q.route();
  const base = `/api/halls/${encodeURIComponent(hallId)}/booking/check`;
  const td = (text, cls) => Q.el('td', { text, class: cls });
  const share = (v) => (v === null || v === undefined ? '—' : Math.round(v * 1000) / 10 + '%');
  const head = (key) => Q.el('th', { 'data-i18n': key, text: Q.t(key) });
  let result = null;

  const render = (box) => {
    const status = Q.$('slotcheck-status');
    const body = Q.$('slotcheck-rows');
    if (!result) return;
    const misses = result.slots.filter((s) => !s.meets && s.capacity > 0).length;
    status.textContent = Q.t(result.capacityMeets ? 'slotCheckAllMeet' : 'slotCheckSummary', {
      date: result.date, runs: result.replications, seed: result.seed, goal: share(result.goal), misses,
    });
    const rows = result.slots.map((s) => Q.el('tr', { class: s.meets ? null : 'slotcheck-miss' },
      td(s.start.slice(11, 16) + '–' + s.end.slice(11, 16), 'num'), td(s.themeCode), td(String(s.capacity), 'num'),
      td(share(s.walkInShare) + ` (${s.walkIns})`, 'num'), td(share(s.appointmentShare) + ` (${s.appointments})`, 'num'),
      td(Q.t(s.meets ? 'slotCheckMeets' : s.capacity > 0 ? 'slotCheckMisses' : 'slotCheckWalkInsOnly')),
      td(s.suggestedCapacity === null || s.suggestedCapacity === undefined ? '—' : String(s.suggestedCapacity), 'num')));
    Q.fill(body, rows.length ? rows : [Q.el('tr', {}, Q.el('td', { colspan: 7, class: 'empty', text: Q.t('slotCheckNone') }))]);
    Q.show(box, true);
  };

  document.addEventListener('DOMContentLoaded', () => {
    const host = Q.$('bookings-check');
    if (!host) return;
    const date = Q.el('input', { id: 'slotcheck-date', type: 'date' });
    const tomorrow = new Date(Date.now() + 86400000 + 8 * 3600000);
    date.value = tomorrow.toISOString().slice(0, 10);
    const run = Q.el('button', { type: 'button', id: 'slotcheck-run', 'data-i18n': 'slotCheckRun', text: Q.t('slotCheckRun') });
    const box = Q.el('div', { class: 'table-scroll slotcheck-scroll', tabindex: '0', role: 'region', 'aria-label': '仿真核验 / Check by simulation', hidden: true },
      Q.el('table', { class: 'grid' }, Q.el('thead', {}, Q.el('tr', {}, ['slotCheckSlot', 'theme', 'slotCheckCapacity', 'slotCheckWalkIns',
        'slotCheckAppointments', 'slotCheckVerdict', 'slotCheckSuggested'].map(head))), Q.el('tbody', { id: 'slotcheck-rows' })));
    Q.fill(host,
      Q.el('h3', { 'data-i18n': 'slotCheck', text: Q.t('slotCheck') }),
      Q.el('div', { class: 'bookings-controls' }, Q.el('label', {}, Q.el('span', { 'data-i18n': 'slotCheckDate', text: Q.t('slotCheckDate') }), ' ', date), run),
      Q.el('p', { id: 'slotcheck-status', class: 'bookings-summary', role: 'status' }),
      Q.el('p', { id: 'slotcheck-error', class: 'bookings-error', role: 'alert', hidden: true }),
      box);
    run.addEventListener('click', async () => {
      const error = Q.$('slotcheck-error');
      run.disabled = true;
      run.textContent = Q.t('slotCheckRunning');
      try {
        result = await Q.api('POST', `${base}?date=${encodeURIComponent(date.value)}`);
        Q.show(error, false);
        render(box);
      } catch (e) {
        error.textContent = Q.errorText(e);
        Q.show(error, true);
      } finally {
        run.disabled = false;
        run.textContent = Q.t('slotCheckRun');
      }
    });
    Q.onLang(() => render(box));
  });
})();
