// Kiosk (取号机): /kiosk/{hallId}; ?staff=1 is the guide's mode at the entrance, with the green channel.
// Themes grouped by zone with live waiting counts and predicted waits; a tap takes a ticket (the request id is
// kept until a ticket is shown, so a double tap or a retry returns the same ticket) and shows the number, the
// people ahead, the predicted wait and a QR code to the ticket page (its link carries the ticket's key, k); back to
// the list after 20 seconds. A kiosk is a registered device (opened once with its ?device= link); the guide's mode
// needs a staff sign-in, since only people grant priority. The hall's opening calendar (/opening, asked every
// minute): a theme that does not issue now shows why and when it opens next; with none issuing, the kiosk shows
// the closed notice instead of the buttons. A theme with a 一次性告知 has a "办事须知" button: its materials, fees, time and
// notes (js/notice.js) full screen, closing back to the list (by itself after a minute), or taking a ticket from there.
(function () {
  'use strict';
  const [hallId] = Q.route();
  const staff = Q.query('staff') === '1';
  const ReturnAfterSeconds = 20;
  let config = null;
  let snapshot = null;
  let requestId = Q.uuid();
  let busy = false;
  let countdown = null;
  let shown = null; // the ticket on screen
  let opening = null; // GET /opening: which themes issue now
  const OpeningEverySeconds = 60;
  const NoticeSeconds = 60;
  let noticeTheme = null; // the theme whose notice is on screen
  let noticeTimer = null;
  const notify = Q.notifyPhone(Q.$('notify'), { keypad: true, toggle: Q.$('notify-toggle') }); // 短信提醒 (optional), cleared for the next citizen

  Q.words({
    subtitle: '自助取号 · 最多跑一次', staffMode: '导办模式（零号窗口）', greenChannel: '绿色通道（老年人、残疾人、孕妇等优先）',
    choose: '请选择您要办理的业务', yourNumber: '您的号码', ahead: '前面等候', predicted: '预计等候', greenTag: '绿色通道',
    scan: '微信/手机扫码，实时查看排队进度', note: '请留意叫号屏与语音提示，过号可重新排队一次', print: '打印号票', back: '完成，返回',
    waitingN: '等候 {n} 人', aboutMin: '约 {n} 分钟', rangeMin: '预计 {a}–{b} 分钟', people: '{n} 人', returnIn: '{n} 秒后自动返回', issuedAt: '取号时间 {t}',
    noWindow: '暂无窗口受理', issuing: '正在取号…', noWait: '无需等候', closedTitle: '本厅已下班 · 暂停取号',
    noticeTake: '我已备齐，取号', noticeClose: '返回', noticeFor: '{name}',
  }, {
    subtitle: 'Take a ticket · run at most once', staffMode: 'Guide mode (window 0)', greenChannel: 'Green channel (elderly, disabled, pregnant first)',
    choose: 'Choose the service you need', yourNumber: 'Your number', ahead: 'Ahead of you', predicted: 'Estimated wait', greenTag: 'Green channel',
    scan: 'Scan to follow your place in the line', note: 'Listen for your number; a missed number may rejoin once', print: 'Print ticket', back: 'Done',
    waitingN: '{n} waiting', aboutMin: '≈ {n} min', rangeMin: 'about {a}–{b} min', people: '{n}', returnIn: 'Back to the list in {n} s', issuedAt: 'Taken at {t}',
    noWindow: 'No window serving', issuing: 'Taking a ticket…', noWait: 'no wait', closedTitle: 'Closed · no tickets now',
    noticeTake: 'I have it all: take a ticket', noticeClose: 'Back', noticeFor: '{name}',
  });

  const openingOf = (code) => (opening && opening.themes.find((t) => t.themeCode === code)) || null;
  const closedText = (o) => (Q.lang() === 'en' ? o.messageEn : o.messageZh) || '';
  const lineOf = (code) => (snapshot && snapshot.themes.find((l) => l.themeCode === code)) || null;
  const waitText = (minutes, ahead, low, high) => (minutes === null || minutes === undefined ? Q.t('noWindow') : ahead === 0 ? Q.t('noWait') : Q.waitRange(minutes, low, high));

  // The buttons are built once (and on a language switch); live pushes only change their facts, so a tap is
  // never lost to a re-render.
  const renderThemes = () => {
    if (!config) return;
    Q.$('hall-name').textContent = Q.name(config);
    Q.fill(Q.$('zones'), config.zones.map((zone) => Q.el('section', { class: 'zone' },
      Q.el('h3', { text: Q.name(zone) }),
      Q.el('div', { class: 'themes' }, config.themes.filter((t) => t.zoneId === zone.zoneId).map((theme) =>
        Q.el('div', { class: 'theme-cell' + (theme.notice ? ' with-notice' : '') },
          Q.el('button', { type: 'button', class: 'theme', 'data-theme': theme.code, onclick: () => issue(theme) },
            Q.el('span', { class: 'prefix', text: theme.prefix }),
            Q.el('span', { class: 'theme-name', text: Q.name(theme) }),
            Q.el('span', { class: 'theme-facts' })),
          theme.notice ? Q.el('button', { type: 'button', class: 'notice-open', 'data-notice': theme.code, onclick: () => showNotice(theme) }, Q.t('noticeOpen')) : null))))));
    updateFacts();
  };

  const updateFacts = () => {
    for (const button of document.querySelectorAll('button.theme')) {
      const line = lineOf(button.dataset.theme);
      const open = openingOf(button.dataset.theme);
      const closed = !!open && !open.issuing;
      button.disabled = busy || closed;
      button.classList.toggle('closed', closed);
      button.querySelector('.theme-facts').textContent = closed ? closedText(open)
        : line ? `${Q.t('waitingN', { n: line.waiting })} · ${waitText(line.projectedWaitMinutes, line.waiting, line.projectedWaitLow, line.projectedWaitHigh)}` : '';
    }
    // No theme issues now: the closed notice (when it opens next) instead of the buttons.
    const hallClosed = !!opening && opening.enforced && !opening.issuing;
    Q.show(Q.$('closed'), hallClosed);
    Q.show(Q.$('zones'), !hallClosed);
    Q.show(Q.$('prompt'), !hallClosed);
    if (hallClosed) {
      const first = opening.themes.find((t) => t.nextOpening) || opening.themes[0];
      Q.$('closed-next').textContent = first ? closedText(first) : '';
    }
  };

  const loadOpening = async () => {
    try {
      opening = await Q.api('GET', `/api/halls/${encodeURIComponent(hallId)}/opening`);
    } catch {
      // keep the last answer; the issue itself is refused by the server when closed
    }
    updateFacts();
  };

  const setError = (text) => {
    Q.$('error').textContent = text || '';
    Q.show(Q.$('error'), !!text);
  };

  const issue = async (theme) => {
    if (busy) return;
    let contact;
    try {
      contact = notify.read();
    } catch (error) {
      if (noticeTheme) closeNotice();
      setError(error.message);
      return;
    }
    busy = true;
    setError(Q.t('issuing'));
    updateFacts();
    const green = staff && Q.$('green').checked;
    try {
      const ticket = await Q.api('POST', `/api/halls/${encodeURIComponent(hallId)}/themes/${encodeURIComponent(theme.code)}/tickets`, {
        channel: staff ? 'Staff' : 'Kiosk', priority: green ? 'GreenChannel' : 'Normal', requestId, ...contact,
      });
      notify.clear();
      setError('');
      showTicket(ticket);
    } catch (error) {
      if (noticeTheme) closeNotice(); // the refusal shows above the list
      setError(Q.errorText(error)); // the same request id is kept: retrying cannot take a second ticket
      loadOpening(); // a refusal may be the calendar's: show which themes issue now
    } finally {
      busy = false;
      updateFacts();
    }
  };

  const showTicket = (ticket) => {
    shown = ticket;
    if (noticeTheme) closeNotice();
    // The server's link starts with the installation's public address (Queue:Web:PublicBaseUrl), which a phone can reach.
    const url = ticket.link || `${location.origin}/t/${encodeURIComponent(ticket.ticketId)}?k=${encodeURIComponent(ticket.accessKey || '')}`;
    Q.$('slip-hall').textContent = Q.name(config);
    Q.$('slip-theme').textContent = Q.name(config.themes.find((t) => t.code === ticket.themeCode));
    Q.$('slip-number').textContent = ticket.displayNumber;
    Q.show(Q.$('slip-green'), ticket.priority === 'GreenChannel');
    Q.$('slip-ahead').textContent = Q.t('people', { n: ticket.peopleAhead ?? 0 });
    Q.$('slip-wait').textContent = waitText(ticket.predictedWaitMinutes, ticket.peopleAhead, ticket.predictedWaitLow, ticket.predictedWaitHigh);
    Q.fill(Q.$('slip-qr'), Q.qr(url, Q.t('scan')));
    Q.$('slip-link').href = url;
    Q.$('slip-link').textContent = url;
    Q.$('slip-time').textContent = Q.t('issuedAt', { t: new Date(ticket.issuedAt).toLocaleString(Q.lang() === 'en' ? 'en-GB' : 'zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) });
    Q.show(Q.$('choose'), false);
    Q.show(Q.$('issued'), true);
    window.scrollTo(0, 0); // a phone may have scrolled down the list: the slip starts at the top
    let left = ReturnAfterSeconds;
    const tick = () => {
      Q.$('countdown').textContent = Q.t('returnIn', { n: left });
      if (left-- <= 0) backToList();
    };
    clearInterval(countdown);
    countdown = setInterval(tick, 1000);
    tick();
  };

  const showNotice = (theme) => {
    noticeTheme = theme;
    Q.$('notice-theme').textContent = Q.t('noticeFor', { name: Q.name(theme) });
    Q.fill(Q.$('notice-content'), Q.noticeView(theme.notice));
    const open = openingOf(theme.code);
    Q.$('notice-take').disabled = busy || (!!open && !open.issuing);
    Q.show(Q.$('choose'), false);
    Q.show(Q.$('notice'), true);
    window.scrollTo(0, 0);
    clearTimeout(noticeTimer);
    noticeTimer = setTimeout(closeNotice, NoticeSeconds * 1000);
  };

  const closeNotice = () => {
    clearTimeout(noticeTimer);
    noticeTheme = null;
    Q.show(Q.$('notice'), false);
    Q.show(Q.$('choose'), true);
  };

  Q.kioskShowTicket = (ticket) => showTicket(ticket); // the booking check-in (kiosk-checkin.js) prints its ticket the same way

  const backToList = () => {
    clearInterval(countdown);
    shown = null;
    requestId = Q.uuid(); // a new citizen, a new request
    notify.clear();
    if (staff) Q.$('green').checked = false;
    Q.show(Q.$('issued'), false);
    Q.show(Q.$('choose'), true);
  };

  const load = async () => {
    try {
      config = await Q.api('GET', `/api/halls/${encodeURIComponent(hallId)}`);
    } catch (error) {
      setError(Q.errorText(error));
      setTimeout(load, 5000);
      return;
    }
    setError('');
    renderThemes();
    await loadOpening();
    setInterval(loadOpening, OpeningEverySeconds * 1000);
    Q.onLang(() => { renderThemes(); if (shown) showTicket(shown); if (noticeTheme) showNotice(noticeTheme); });
    Q.live({
      hallId,
      watch: (c) => c.invoke('WatchHall', hallId, null),
      onSnapshot: (snap) => { snapshot = snap; updateFacts(); },
      // A manager saved the configuration (/config): the themes as they are now, without a restart.
      onEvents: (events) => {
        if (events.some((e) => e.kind === 'HallConfigured')) {
          Q.api('GET', `/api/halls/${encodeURIComponent(hallId)}`).then((fresh) => { config = fresh; renderThemes(); loadOpening(); }).catch(console.warn);
        }
      },
      onState: Q.liveIndicator(Q.$('live')),
    });
  };
  Q.clock(Q.$('clock'));
  Q.show(Q.$('staff-bar'), staff);
  Q.$('print').addEventListener('click', () => window.print());
  Q.$('back').addEventListener('click', backToList);
  Q.$('notice-close').addEventListener('click', closeNotice);
  Q.$('notice-take').addEventListener('click', () => { if (noticeTheme) issue(noticeTheme); });
  load();
})();
