// Display board (叫号屏): /board/{hallId} for the hall, /board/{hallId}/{zoneId} for one zone.
// Latest calls with the newest highlighted, waiting per theme, the hall's name and a clock; every call and
// recall is spoken in Chinese through the queued speech of speech.js. A called citizen who gave a name at the kiosk is
// shown by the masked name (张*) next to the number; calls are not spoken with it. The board is a registered device.
(function () {
  'use strict';
  const [hallId, zoneId] = Q.route();
  const MaxRecent = 6;
  let config = null;
  let snapshot = null;
  let calls = []; // newest first: { number, windowNo, themeCode, recall }

  Q.words({
    nowCalling: '正在呼叫', please: '请', numberMark: '号', goTo: '到', windowNo: '{no}号窗口', noCalls: '请留意叫号',
    waitingNow: '当前等候', theme: '业务', waiting: '等候人数', wait: '预计等候', minutes: '{n} 分钟', aboutMin: '{n} 分钟', rangeMin: '{a}–{b} 分钟', people: '{n} 人',
    motto: '“最多跑一次” · 排队不超过30分钟 · 请留意叫号，过号可重新排队一次', enableVoice: '点击开启语音 / Tap to enable voice',
    voiceOn: '语音播报已开启', noWindow: '暂无窗口受理',
  }, {
    nowCalling: 'Now calling', please: 'No.', numberMark: '', goTo: 'please go to', windowNo: 'Window {no}', noCalls: 'Please listen for your number',
    waitingNow: 'Waiting now', theme: 'Service', waiting: 'Waiting', wait: 'Est. wait', minutes: '{n} min', aboutMin: '{n} min', rangeMin: '{a}–{b} min', people: '{n}',
    motto: '"Run at most once" · wait no more than 30 minutes · a missed number may rejoin the line once',
    enableVoice: '点击开启语音 / Tap to enable voice', voiceOn: '语音播报已开启', noWindow: 'No window serving',
  });

  const themeOf = (code) => config.themes.find((t) => t.code === code);
  const windowOf = (no) => config.windows.find((w) => w.windowNo === no);
  const zoneOf = (id) => config.zones.find((z) => z.zoneId === id);
  const inZone = (themeCode, windowNo) => !zoneId ||
    (themeOf(themeCode) || {}).zoneId === zoneId || (windowOf(windowNo) || {}).zoneId === zoneId;

  // "请A012号到不动产登记区5号窗口办理" — the zone is the window's zone.
  const sentence = (call) => {
    const zone = zoneOf((windowOf(call.windowNo) || {}).zoneId);
    const text = `请${call.number}号到${zone ? zone.name : ''}${call.windowNo}号窗口办理`;
    return call.recall ? '再次呼叫，' + text : text;
  };

  // The masked name comes with the call's event (and, after a (re)connect, with the window's current ticket in the
  // snapshot); it is kept on the call, so it stays after the window has moved on.
  const named = (call) => call.name || '';

  const renderCalls = () => {
    const [newest, ...rest] = calls;
    Q.show(Q.$('newest'), !!newest);
    Q.show(Q.$('no-calls'), !newest);
    if (newest) {
      Q.$('newest-number').textContent = newest.number;
      Q.$('newest-name').textContent = named(newest);
      Q.show(Q.$('newest-name'), !!named(newest));
      Q.$('newest-window').textContent = Q.t('windowNo', { no: newest.windowNo });
      Q.$('newest-theme').textContent = Q.name(themeOf(newest.themeCode));
    }
    Q.fill(Q.$('recent'), rest.map((c) => Q.el('div', { class: 'call-row', title: Q.name(themeOf(c.themeCode)) },
      Q.el('span', {}, Q.el('span', { class: 'number', text: c.number }), named(c) ? Q.el('span', { class: 'citizen', text: named(c) }) : null),
      Q.el('span', { class: 'window', text: Q.t('windowNo', { no: c.windowNo }) }))));
  };

  const eta = (line) => {
    if (!line.waiting) return '—';
    return line.projectedWaitMinutes === null || line.projectedWaitMinutes === undefined ? Q.t('noWindow') : Q.waitRange(line.projectedWaitMinutes, line.projectedWaitLow, line.projectedWaitHigh);
  };

  const renderLines = () => {
    if (!snapshot) return;
    const rows = config.themes.filter((t) => !zoneId || t.zoneId === zoneId).map((theme) => {
      const line = snapshot.themes.find((l) => l.themeCode === theme.code) || { waiting: 0 };
      return Q.el('tr', { 'data-theme': theme.code },
        Q.el('td', { class: 'theme' }, Q.el('span', { class: 'prefix', text: theme.prefix }), Q.name(theme)),
        Q.el('td', { class: 'count', text: Q.t('people', { n: line.waiting }) }),
        Q.el('td', { class: 'eta', text: eta(line) }));
    });
    Q.fill(Q.$('lines'), rows);
  };

  const render = () => {
    Q.$('hall-name').textContent = Q.name(config);
    Q.$('zone-name').textContent = zoneId ? Q.name(zoneOf(zoneId)) : '';
    renderCalls();
    renderLines();
  };

  const add = (call) => {
    calls = [call, ...calls.filter((c) => c.number !== call.number || c.themeCode !== call.themeCode)].slice(0, MaxRecent + 1);
  };

  // A snapshot comes on (re)connect ('watch') and after a gap ('gap'): the calls are rebuilt from it. The lines'
  // figures come on the server's slow refresh (onFigures), never per call.
  const onSnapshot = (snap, why) => {
    snapshot = snap;
    if (why === 'watch' || why === 'gap') {
      // (Re)connected or missed events: the calls now on show are the windows calling or serving.
      const showing = snap.windows
        .filter((w) => w.current && (w.state === 'Calling' || w.state === 'Serving') && inZone(w.current.themeCode, w.windowNo))
        .sort((a, b) => Date.parse(a.since) - Date.parse(b.since));
      calls = [];
      showing.forEach((w) => add({ number: w.current.displayNumber, windowNo: w.windowNo, themeCode: w.current.themeCode, name: w.current.citizenName }));
    }
    render();
  };

  const onFigures = (figures) => {
    if (!snapshot) return;
    snapshot = { ...snapshot, themes: figures.themes };
    renderLines();
  };

  // Only a batch with a call or recall for this board touches the calls and flashes the newest; the event carries all
  // the board shows of it. Tickets issued, served or moved elsewhere change only the lines' figures (onFigures).
  const onEvents = (events) => {
    let called = false;
    for (const e of events) {
      if ((e.kind === 'TicketCalled' || e.kind === 'TicketRecalled') && inZone(e.themeCode, e.windowNo)) {
        const call = { number: e.displayNumber, windowNo: e.windowNo, themeCode: e.themeCode, recall: e.kind === 'TicketRecalled', name: e.citizenName || null };
        add(call);
        Q.speech.say(sentence(call));
        called = true;
      }
    }
    if (!called) return;
    renderCalls();
    const box = Q.$('newest');
    box.classList.remove('flash');
    void box.offsetWidth; // restart the highlight animation
    box.classList.add('flash');
  };

  // A board opened for a zone the hall does not have (a mistyped or removed zone): say so, in both languages,
  // and do not connect — watching it would be refused or show nothing, forever.
  const unknownZone = () => {
    Q.$('hall-name').textContent = Q.name(config);
    Q.$('zone-name').textContent = `未知区域“${zoneId}” / Unknown zone "${zoneId}"`;
    Q.show(Q.$('newest'), false);
    Q.show(Q.$('no-calls'), true);
    Q.$('no-calls').removeAttribute('data-i18n');
    Q.$('no-calls').textContent = `本大厅没有区域“${zoneId}”，请检查叫号屏地址。 / This hall has no zone "${zoneId}"; check the board's address.`;
    Q.$('no-calls').classList.add('board-problem');
    Q.show(Q.$('voice-overlay'), false);
  };

  // A hall that does not exist (a mistyped or removed hall): said once, in both languages, and not asked again.
  const noSuchHall = (problem) => {
    Q.$('hall-name').textContent = hallId;
    Q.$('zone-name').textContent = '';
    Q.show(Q.$('newest'), false);
    Q.show(Q.$('no-calls'), true);
    Q.$('no-calls').removeAttribute('data-i18n');
    Q.$('no-calls').textContent = `大厅不存在：${problem.messageZh || hallId}，请检查叫号屏地址。 / No such hall: ${problem.messageEn || hallId}; check the board's address.`;
    Q.$('no-calls').classList.add('board-problem');
    Q.show(Q.$('voice-overlay'), false);
    Q.show(Q.$('live'), false);
  };

  const main = async () => {
    try {
      config = await Q.api('GET', `/api/halls/${encodeURIComponent(hallId)}`);
    } catch (error) {
      if (error.code === 'hall-not-found') return noSuchHall(error);
      if (Q.FinalRefusals.includes(error.code)) return; // Q.api has shown it (a device that may not watch this hall)
      Q.$('hall-name').textContent = Q.errorText(error);
      setTimeout(main, 5000); // the network or the server: try again
      return;
    }
    document.title = `${Q.name(config)} · ${Q.t('nowCalling')}`;
    if (zoneId && !zoneOf(zoneId)) {
      unknownZone();
      Q.onLang(unknownZone);
      return;
    }
    Q.onLang(render);
    Q.live({
      hallId,
      watch: (c) => c.invoke('WatchHall', hallId, zoneId || null),
      onSnapshot,
      onFigures,
      onEvents,
      onState: Q.liveIndicator(Q.$('live')),
      finalRefusals: ['hall-not-found', 'zone-not-found'], // removed while watched: asking again would be refused again
      onRefused: (problem) => {
        if (problem.code === 'hall-not-found') noSuchHall(problem);
        else if (problem.code === 'zone-not-found') unknownZone();
        else return Q.refused(problem);
        return true;
      },
    });
  };
  Q.clock(Q.$('clock'), true);
  Q.speech.offerUnlock(Q.$('voice-overlay'));
  main();
})();
