// Check-in on arrival (到厅签到): /arrive/{hallId}?c=CODE is what the entrance display's QR encodes. The phone's camera
// app opens it; it checks in every remote ticket of this hall that this phone keeps (localStorage queue.tickets, saved by
// the ticket page) and every booking (queue.bookings, saved by /m: the booking's check-in, on time an appointment ticket,
// late an ordinary one), each with its own key, and with one ticket goes straight on to its page.
(function () {
  'use strict';
  const [hallId] = Q.route();
  const code = (Q.query('c') || '').trim();
  Q.words({
    title: '到厅签到', checking: '正在签到…', done: '签到成功，请留意叫号', failed: '未能签到', none: '本手机上没有需要签到的线上号或预约。请打开您的号票链接，在“到厅签到”处输入入口屏上的 6 位签到码。',
    open: '查看号票', already: '已签到',
  }, {
    title: 'Check in', checking: 'Checking in…', done: 'Checked in: listen for your number', failed: 'Not checked in',
    none: "This phone holds no remote ticket or booking to check in. Open your ticket's link and type the 6-digit code shown at the entrance under 'I'm here'.",
    open: 'Open ticket', already: 'Already checked in',
  });

  const stored = (name) => {
    try { return JSON.parse(localStorage.getItem(name) || '[]').filter((t) => t && t.hall === hallId && t.id && t.key); } catch { return []; }
  };
  const kept = () => stored('queue.tickets');
  const forget = (bookingId) => {
    try { localStorage.setItem('queue.bookings', JSON.stringify(JSON.parse(localStorage.getItem('queue.bookings') || '[]').filter((b) => b && b.id !== bookingId))); } catch { /* private mode */ }
  };

  const results = [];
  let finished = false;
  const render = () => {
    const ok = results.filter((r) => r.ok);
    Q.$('status').textContent = !finished ? Q.t('checking') : ok.length ? Q.t('done') : Q.t('failed');
    Q.$('status').dataset.ok = ok.length ? 'yes' : 'no';
    Q.fill(Q.$('results'), results.map((r) => Q.el('li', { class: r.ok ? 'ok' : 'no' },
      Q.el('strong', { text: r.number }), ' ', r.ok ? Q.t('done') : r.error ? Q.errorText(r.error) : '', ' ',
      r.id ? Q.el('a', { href: `/t/${encodeURIComponent(r.id)}?k=${encodeURIComponent(r.key)}` }, Q.t('open')) : null)));
  };

  const run = async () => {
    const tickets = kept();
    const bookings = stored('queue.bookings');
    render();
    if (tickets.length === 0 && bookings.length === 0) {
      finished = true;
      render();
      Q.show(Q.$('none'), true);
      return;
    }
    for (const t of tickets) {
      try {
        Q.apiHeaders['X-Ticket-Key'] = t.key;
        const ticket = await Q.api('POST', `/api/tickets/${encodeURIComponent(t.id)}/arrive`, { code });
        results.push({ id: t.id, key: t.key, number: ticket.displayNumber, ok: true });
      } catch (error) {
        // Tickets of other days, finished or already checked in answer 404/409; they are left out unless nothing worked.
        results.push({ id: t.id, key: t.key, number: t.number, ok: error.code === 'already-arrived', error, code: error.code });
      }
    }
    delete Q.apiHeaders['X-Ticket-Key'];
    for (const b of bookings) {
      try {
        const checked = await Q.api('POST', `/api/bookings/${encodeURIComponent(b.id)}/check-in?k=${encodeURIComponent(b.key)}`, { code });
        forget(b.id);
        results.push({ id: checked.ticket.ticketId, key: checked.ticket.accessKey, number: checked.ticket.displayNumber, ok: true });
      } catch (error) {
        // A booking of another day, cancelled or checked in already is refused; left out unless nothing worked.
        results.push({ id: null, key: null, number: '', ok: false, error, code: error.code });
      }
    }
    const ok = results.filter((r) => r.ok);
    const wrongCode = results.find((r) => r.code === 'entrance-code');
    if (ok.length === 1 && !wrongCode) {
      location.replace(`/t/${encodeURIComponent(ok[0].id)}?k=${encodeURIComponent(ok[0].key)}`);
      return;
    }
    if (ok.length) results.splice(0, results.length, ...ok);
    finished = true;
    render();
  };

  Q.onLang(render);
  run();
})();
