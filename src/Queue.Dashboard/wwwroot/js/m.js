// The citizen's phone page /m/{hall}: the themes with today's live wait, the free slots of the coming days, booking by
// ID-card or phone number, and the booking's own view (?booking=&k=): code, QR, check-in window, the theme's 一次性告知,
// change, cancel. A theme that issues today links to 线上取号 (/remote/{hall}). The bookings shown here are kept in
// localStorage (queue.bookings, like the ticket page's queue.tickets), so the entrance code's page /arrive can check them in.
(function () {
  'use strict';
  const hallId = Q.route()[0];
  let hall = null;
  let calendar = null;
  let theme = null;
  let day = 0;
  let slot = null;
  let moving = null; // the booking being moved to another slot
  let booking = null;
  let opening = null; // which themes issue tickets now (GET …/opening), for the 线上取号 links

  // Times come with the hall's offset (+08:00): the hall's clock is the one that counts, whatever the phone's zone.
  const time = (iso) => iso.slice(11, 16);
  const dayName = (date, i) => (i === 0 ? Q.t('today') : i === 1 ? Q.t('tomorrow') : date.slice(5));
  const error = (e) => { Q.$('error').textContent = e ? Q.errorText(e) : ''; Q.show(Q.$('error'), !!e); };
  const views = (name) => ['themes-view', 'slots-view', 'booking-view'].forEach((v) => Q.show(Q.$(v), v === name));

  async function loadCalendar() {
    calendar = await Q.api('GET', `/api/halls/${encodeURIComponent(hallId)}/booking/slots`);
  }

  const issuing = (code) => !!(opening && opening.themes.some((o) => o.themeCode === code && o.issuing));

  function renderThemes() {
    views('themes-view');
    Q.fill(Q.$('themes'), calendar.themes.flatMap((t) => [Q.el('button', {
      type: 'button', class: 'theme', 'data-theme': t.themeCode, disabled: !t.bookable, onclick: () => { theme = t; day = firstDayWithSlots(t); slot = null; renderSlots(); },
    }, Q.el('span', { class: 'theme-title', text: Q.name(t) }),
    Q.el('span', { class: 'theme-wait', text: !t.bookable ? Q.t('notBookable')
      : t.liveWaitMinutes === null || t.liveWaitMinutes === undefined ? Q.t('liveNone') : Q.t('liveWait', { n: Q.minutes(t.liveWaitMinutes), w: t.waiting }) })),
    issuing(t.themeCode) ? Q.el('a', { class: 'remote-link', 'data-theme': t.themeCode, href: `/remote/${encodeURIComponent(hallId)}`, text: Q.t('remoteTicket') }) : null]));
  }

  function firstDayWithSlots(t) {
    const i = t.days.findIndex((d) => d.slots.some((s) => s.capacity - s.booked > 0));
    return i < 0 ? 0 : i;
  }

  function renderSlots() {
    views('slots-view');
    Q.$('slots-title').textContent = moving ? Q.t('moving') : Q.name(theme);
    Q.fill(Q.$('days'), theme.days.map((d, i) => Q.el('button', {
      type: 'button', role: 'tab', class: 'day' + (i === day ? ' on' : ''), 'aria-selected': String(i === day), onclick: () => { day = i; slot = null; renderSlots(); },
    }, dayName(d.date, i))));
    const current = theme.days[day];
    const slots = current ? current.slots : [];
    Q.fill(Q.$('slots'), slots.length === 0
      ? [Q.el('p', { class: 'empty', text: current && !current.open ? Q.t('closedDay') : Q.t('noSlots') })]
      : slots.map((s) => {
        const free = s.capacity - s.booked;
        return Q.el('button', {
          type: 'button', class: 'slot' + (slot === s ? ' on' : ''), disabled: free <= 0, 'data-start': s.start, onclick: () => { slot = s; renderSlots(); },
        }, Q.el('span', { class: 'slot-time', text: time(s.start) }), Q.el('span', { class: 'slot-free', text: free > 0 ? Q.t('free', { n: free }) : Q.t('full') }));
      }));
    Q.show(Q.$('book-form'), !!slot);
    Q.show(Q.$('citizen').parentElement, !moving);
    Q.show(Q.$('name').parentElement, !moving);
    Q.$('citizen').required = !moving;
    if (slot) Q.$('chosen').textContent = Q.t('chosen', { day: dayName(current.date, day), time: time(slot.start), theme: Q.name(theme) });
  }

  async function book(event) {
    event.preventDefault();
    error(null);
    Q.$('book').disabled = true;
    try {
      if (moving) {
        show(await Q.api('PUT', bookingUrl(moving), { slotStart: slot.start }));
        moving = null;
        return;
      }
      const value = Q.$('citizen').value.replace(/\s+/g, '');
      const who = /^1\d{10}$/.test(value) || value.startsWith('+86') ? { phone: value } : { idNumber: value };
      show(await Q.api('POST', `/api/halls/${encodeURIComponent(hallId)}/bookings`,
        Object.assign({ theme: theme.themeCode, slotStart: slot.start, name: Q.$('name').value.trim() || null }, who)));
    } catch (e) {
      error(e);
    } finally {
      Q.$('book').disabled = false;
    }
  }

  const bookingUrl = (b) => `/api/bookings/${encodeURIComponent(b.bookingId)}?k=${encodeURIComponent(b.accessKey)}`;

  // The booking's own view; its link (with the key) replaces the address, so a reload or a bookmark finds it again.
  function show(b) {
    booking = b;
    keep(b);
    const url = new URL(location.href);
    url.searchParams.set('booking', b.bookingId);
    url.searchParams.set('k', b.accessKey);
    history.replaceState(null, '', url);
    renderBooking();
  }

  // The phone's bookings (at most 5): what /arrive/{hall}?c= checks in with the entrance code. Only booked ones stay.
  function keep(b) {
    try {
      const kept = JSON.parse(localStorage.getItem('queue.bookings') || '[]').filter((x) => x && x.id !== b.bookingId);
      if (b.status === 'Booked' && b.accessKey) kept.unshift({ id: b.bookingId, key: b.accessKey, hall: b.hallId, day: b.date });
      localStorage.setItem('queue.bookings', JSON.stringify(kept.slice(0, 5)));
    } catch { /* private mode: check in at the kiosk by code */ }
  }

  function renderBooking() {
    const b = booking;
    views('booking-view');
    const t = hall && hall.themes.find((x) => x.code === b.themeCode);
    Q.$('b-theme').textContent = t ? Q.name(t) : b.themeCode;
    Q.$('b-when').textContent = `${b.date} ${time(b.slotStart)}–${time(b.slotEnd)}`;
    Q.$('b-status').textContent = Q.t('status.' + b.status);
    Q.$('b-status').dataset.status = b.status;
    Q.$('b-code').textContent = b.code;
    Q.fill(Q.$('b-qr'), b.status === 'Booked' ? [Q.qr(b.code, Q.t('codeLabel') + ' ' + b.code)] : []);
    Q.$('b-window').textContent = b.status === 'Booked' ? Q.t('checkInWindow', { from: time(b.checkInFrom), until: time(b.checkInUntil) }) : '';
    const ticket = Q.$('b-ticket');
    Q.show(ticket, !!(b.ticketId && b.ticketKey));
    if (b.ticketId && b.ticketKey) {
      ticket.href = `/t/${encodeURIComponent(b.ticketId)}?k=${encodeURIComponent(b.ticketKey)}`;
      ticket.textContent = Q.t('ticketLink', { n: b.displayNumber || '' });
    }
    const notice = b.status === 'Booked' && t && t.notice ? Q.noticeView(t.notice) : null;
    Q.fill(Q.$('b-notice'), notice ? [Q.el('h2', { text: Q.t('noticeTitle') }), notice] : []);
    Q.show(Q.$('b-notice'), !!notice);
    Q.show(Q.$('b-actions'), b.status === 'Booked');
    Q.$('b-link').textContent = b.link;
    Q.$('b-link').href = b.link;
  }

  async function cancel() {
    if (!confirm(Q.t('confirmCancel'))) return;
    error(null);
    try { show(await Q.api('DELETE', bookingUrl(booking))); } catch (e) { error(e); }
  }

  async function move() {
    error(null);
    try {
      await loadCalendar();
      moving = booking;
      theme = calendar.themes.find((t) => t.themeCode === booking.themeCode);
      day = firstDayWithSlots(theme);
      slot = null;
      renderSlots();
    } catch (e) { error(e); }
  }

  async function start() {
    Q.$('back').addEventListener('click', async () => { moving = null; await loadCalendar(); renderThemes(); });
    Q.$('book-form').addEventListener('submit', book);
    Q.$('b-cancel').addEventListener('click', cancel);
    Q.$('b-move').addEventListener('click', move);
    Q.$('b-new').addEventListener('click', async () => {
      const url = new URL(location.href);
      url.searchParams.delete('booking');
      url.searchParams.delete('k');
      history.replaceState(null, '', url);
      await loadCalendar();
      renderThemes();
    });
    Q.onLang(() => { if (!Q.$('booking-view').hidden) renderBooking(); else if (!Q.$('slots-view').hidden) renderSlots(); else if (calendar) renderThemes(); });
    try {
      hall = await Q.api('GET', `/api/halls/${encodeURIComponent(hallId)}`);
      opening = await Q.api('GET', `/api/halls/${encodeURIComponent(hallId)}/opening`).catch(() => null);
      const setName = () => { Q.$('hall-name').textContent = Q.name(hall); document.title = Q.name(hall) + ' · ' + Q.t('chooseTheme'); };
      setName();
      Q.onLang(setName);
      const id = Q.query('booking');
      const key = Q.query('k');
      if (id && key) {
        show(await Q.api('GET', `/api/bookings/${encodeURIComponent(id)}?k=${encodeURIComponent(key)}`));
      } else {
        await loadCalendar();
        renderThemes();
      }
    } catch (e) {
      error(e);
    }
  }

  document.addEventListener('DOMContentLoaded', start);
})();
