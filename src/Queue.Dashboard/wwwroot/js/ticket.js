// Citizen ticket page: /t/{ticketId}?k={key}; the key from the ticket's link goes with every request (X-Ticket-Key)
// and with WatchTicket, and a link without it shows why nothing is shown. Live status, people ahead and predicted wait (from the pushed line: the
// range the server predicted for the ticket's place among the waiting numbers, WaitPrediction.Predict in Queue.Domain), a "还有N位" reminder,
// a call alert with a beep and vibration, rating after service, cancel while waiting. A remote ticket (线上取号) shows
// when to leave home (the server's LeaveHome, from the predicted wait and the travel time, asked again each minute) and
// the check-in: the entrance QR opens /arrive/{hall}?c=CODE, which checks in the remote tickets this phone keeps
// (localStorage queue.tickets, saved here), or the code is typed here. The theme's 一次性告知 folds out below.
(function () {
  'use strict';
  const [ticketId] = Q.route();
  const key = Q.query('k') || '';
  if (key) Q.apiHeaders['X-Ticket-Key'] = key;
  let config = null;
  let ticket = null;
  let line = null;
  let near = 3;
  let live = null;
  let refusal = null; // the server's refusal of this link, shown instead of the ticket
  let refresher = null; // a remote ticket not yet arrived: its leave-home time, asked again each minute
  const time = (iso) => new Date(iso).toLocaleTimeString(Q.lang() === 'en' ? 'en-GB' : 'zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hour12: false });

  // The remote tickets on this phone, so that the entrance code's page can check them in (at most 5, today's and the last few).
  const keep = (t) => {
    if (t.channel !== 'Remote' || !key) return;
    try {
      const kept = JSON.parse(localStorage.getItem('queue.tickets') || '[]').filter((x) => x && x.id !== t.ticketId);
      kept.unshift({ id: t.ticketId, key, hall: t.hallId, number: t.displayNumber, day: t.businessDay });
      localStorage.setItem('queue.tickets', JSON.stringify(kept.slice(0, 5)));
    } catch { /* private mode: the code can still be typed */ }
  };

  const zoneOfWindow = (no) => {
    const w = config && config.windows.find((x) => x.windowNo === no);
    return w ? config.zones.find((z) => z.zoneId === w.zoneId) : null;
  };
  const zoneOfTheme = () => {
    const t = config && config.themes.find((x) => x.code === ticket.themeCode);
    return t ? config.zones.find((z) => z.zoneId === t.zoneId) : null;
  };

  // People ahead and predicted wait, from the line when it knows this number, else from the ticket snapshot.
  const position = () => {
    if (ticket.status !== 'Waiting') return null;
    const index = line && line.themeCode === ticket.themeCode ? line.waiting.indexOf(ticket.displayNumber) : -1;
    if (index >= 0) {
      return { ahead: index, wait: line.predictedWaits?.[index] ?? null, low: line.predictedLow?.[index] ?? null, high: line.predictedHigh?.[index] ?? null };
    }
    return { ahead: ticket.peopleAhead ?? 0, wait: ticket.predictedWaitMinutes ?? null, low: ticket.predictedWaitLow ?? null, high: ticket.predictedWaitHigh ?? null };
  };

  const beep = () => {
    try {
      const ctx = new (window.AudioContext || window.webkitAudioContext)();
      [0, 0.35, 0.7].forEach((at) => {
        const osc = ctx.createOscillator();
        const gain = ctx.createGain();
        osc.frequency.value = 880;
        gain.gain.setValueAtTime(0.3, ctx.currentTime + at);
        gain.gain.exponentialRampToValueAtTime(0.001, ctx.currentTime + at + 0.3);
        osc.connect(gain).connect(ctx.destination);
        osc.start(ctx.currentTime + at);
        osc.stop(ctx.currentTime + at + 0.3);
      });
      setTimeout(() => ctx.close(), 1500);
    } catch { /* no audio on this device */ }
    if (navigator.vibrate) navigator.vibrate([400, 150, 400, 150, 400]);
  };

  const render = () => {
    if (!ticket) return;
    Q.$('hall-name').textContent = Q.name(config) || ticket.hallId;
    const theme = config && config.themes.find((t) => t.code === ticket.themeCode);
    Q.$('theme-name').textContent = (theme ? Q.name(theme) : ticket.themeCode) + (ticket.priority === 'GreenChannel' ? ` · ${Q.t('greenTag')}` : '');
    Q.$('number').textContent = ticket.displayNumber;
    Q.$('status').textContent = Q.t('status.' + ticket.status);
    Q.$('status').dataset.status = ticket.status;
    document.title = `${ticket.displayNumber} · ${Q.t('status.' + ticket.status)}`;

    const pos = position();
    Q.show(Q.$('facts'), !!pos);
    if (pos) {
      Q.$('ahead').textContent = Q.t('people', { n: pos.ahead });
      Q.$('wait').textContent = pos.wait === null ? Q.t('noWindow') : pos.ahead === 0 ? Q.t('nextUp') : Q.waitRange(pos.wait, pos.low, pos.high);
    }
    const remind = pos && pos.ahead <= near;
    Q.show(Q.$('reminder'), !!remind);
    if (remind) Q.$('reminder').textContent = Q.t('reminder', { n: pos.ahead, zone: Q.name(zoneOfTheme()) });

    const called = ticket.status === 'Called' && ticket.windowNo;
    Q.show(Q.$('call-alert'), !!called);
    if (called) {
      Q.$('call-text').textContent = Q.t('callText', { number: ticket.displayNumber, window: ticket.windowNo });
      Q.$('call-zone').textContent = Q.t('callZone', { zone: Q.name(zoneOfWindow(ticket.windowNo)) });
    }
    Q.$('detail').textContent = ticket.status === 'Serving' && ticket.windowNo ? Q.t('windowLine', { no: ticket.windowNo })
      : ticket.outcome === 'NotDone' ? Q.t('outcomeNotDone', { reason: ticket.reason || '' }) : '';

    const canRate = ticket.status === 'Completed';
    Q.show(Q.$('rating'), canRate);
    if (canRate) {
      Q.fill(Q.$('rating-buttons'), ticket.rating
        ? [Q.el('div', { class: 'thanks', text: `${Q.t('thanks')} ${Q.t('rate.' + ticket.rating)}` })]
        : [5, 4, 3, 2, 1].map((level) => Q.el('button', { type: 'button', class: 'rate rate-' + level, 'data-level': level, onclick: () => act('rating', { level }) }, Q.t('rate.' + level))));
    }
    Q.show(Q.$('cancel'), ticket.status === 'Waiting');
    Q.show(Q.$('rejoin'), ticket.status === 'NoShow' && !ticket.rejoined);
    renderRemote(theme);
  };

  const renderRemote = (theme) => {
    const waiting = ticket.status === 'Waiting';
    const leave = ticket.awaitingArrival && waiting && ticket.leaveHomeBy;
    Q.show(Q.$('leave'), !!leave);
    if (leave) {
      const now = Date.now();
      Q.$('leave-at').textContent = Date.parse(ticket.leaveHomeBy) <= now + 60000 ? Q.t('leaveNow') : time(ticket.leaveHomeBy);
      Q.$('leave-note').textContent = Q.t('leaveNote', { n: ticket.travelMinutes ?? 0 });
    }
    const arrivedText = ticket.arrivedAt ? Q.t('arrivedAt', { t: time(ticket.arrivedAt) }) : ticket.awaitingArrival ? Q.t('notArrived') : '';
    Q.$('arrived').textContent = arrivedText;
    Q.$('arrived').dataset.arrived = ticket.arrivedAt ? 'yes' : 'no';
    Q.show(Q.$('arrived'), !!arrivedText);
    Q.show(Q.$('arrival'), !!ticket.awaitingArrival);
    const notice = theme && theme.notice;
    Q.show(Q.$('notice'), !!notice && ['Waiting', 'Called', 'OnHold'].includes(ticket.status));
    if (notice) Q.fill(Q.$('notice-content'), Q.noticeView(notice));
    if (ticket.awaitingArrival && !refresher) {
      refresher = setInterval(async () => {
        try { onTicket(await Q.api('GET', `/api/tickets/${encodeURIComponent(ticketId)}`)); } catch { /* the live link carries on */ }
      }, 60000);
    } else if (!ticket.awaitingArrival && refresher) {
      clearInterval(refresher);
      refresher = null;
    }
  };

  const renderRefusal = () => {
    Q.$('hall-name').textContent = Q.t('myTicket');
    Q.$('refused-text').textContent = Q.lang() === 'en' ? refusal.messageEn : refusal.messageZh;
    Q.show(Q.$('refused'), true);
    Q.show(Q.$('ticket-view'), false);
  };

  const setError = (text) => { Q.$('error').textContent = text || ''; Q.show(Q.$('error'), !!text); };

  const act = async (what, body) => {
    try {
      const t = await Q.api('POST', `/api/tickets/${encodeURIComponent(ticketId)}/${what}`, body ?? {});
      setError('');
      onTicket(t);
    } catch (error) {
      setError(Q.errorText(error));
    }
  };

  const onTicket = (next) => {
    const previous = ticket;
    ticket = next;
    if (previous && previous.themeCode !== next.themeCode && live) {
      line = null;
      live.rewatch(); // transferred: follow the new line
    }
    keep(next);
    const newlyCalled = next.status === 'Called' && (!previous || previous.status !== 'Called' || next.recallCount > previous.recallCount);
    if (newlyCalled && previous) beep();
    render();
  };

  const start = async (first) => {
    if (!config) {
      try {
        config = await Q.api('GET', `/api/halls/${encodeURIComponent(first.ticket.hallId)}`);
      } catch { /* names fall back to codes */ }
    }
    line = first.line || null;
    near = first.nearTurnReminder ?? near;
    onTicket(first.ticket);
  };

  Q.$('cancel').addEventListener('click', () => { if (confirm(Q.t('confirmCancel'))) act('cancel'); });
  Q.$('rejoin').addEventListener('click', () => act('rejoin'));
  Q.$('arrive-form').addEventListener('submit', (event) => {
    event.preventDefault();
    act('arrive', { code: Q.$('arrive-code').value.trim() });
  });
  Q.onLang(() => (refusal ? renderRefusal() : render()));
  live = Q.live({
    watch: (c) => c.invoke('WatchTicket', ticketId, key || null),
    onRefused: (problem) => {
      refusal = problem;
      setError('');
      renderRefusal();
      return true;
    },
    onWatch: (first) => start(first),
    onTicket,
    onLine: (l) => { if (ticket && l.themeCode === ticket.themeCode) { line = l; render(); } },
    onState: Q.liveIndicator(Q.$('live')),
    onError: (error) => {
      const problem = Q.hubError(error);
      setError(problem.code === 'ticket-not-found' ? (Q.lang() === 'en' ? problem.messageEn : problem.messageZh) : '');
    },
  });
})();
