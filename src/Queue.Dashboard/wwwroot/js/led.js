// Window LED (窗口屏): /led/{hallId}/{windowNo}, the small screen above a counter. The number being called or
// served, huge, with the citizen's masked name (张*) when one was given; "暂停服务" when the window is paused or closed;
// nothing until the window's state has arrived. It follows the window's events, not a snapshot per call.
(function () {
  'use strict';
  const [hallId, windowText] = Q.route();
  const windowNo = Number(windowText);
  let win = null;
  let config = null;
  let gone = false; // no such hall or window: nothing more is shown

  Q.words({ windowNo: '{no}号窗口', paused: '暂停服务', welcome: '欢迎办理', calling: '请{number}号办理', serving: '正在办理' },
    { windowNo: 'Window {no}', paused: 'Not in service', welcome: 'Welcome', calling: 'No. {number}, please', serving: 'Now serving' });

  const render = () => {
    if (gone) return;
    const label = config && (config.windows.find((w) => w.windowNo === windowNo) || {}).label;
    Q.$('window-title').textContent = Q.t('windowNo', { no: windowNo }) + (label ? ` · ${label}` : '');
    const open = win && (win.state === 'Idle' || win.state === 'Calling' || win.state === 'Serving');
    const current = open && win.current ? win.current.displayNumber : '';
    Q.$('led-number').textContent = current;
    const name = open && win.current ? win.current.citizenName || '' : '';
    Q.$('led-name').textContent = name;
    Q.show(Q.$('led-name'), !!name);
    // Until the window's state is known the caption stays empty and neutral, not a red "closed".
    if (win) document.body.dataset.state = win.state;
    else delete document.body.dataset.state;
    Q.$('led-caption').textContent = !win ? ''
      : !open ? Q.t('paused')
      : win.state === 'Calling' ? Q.t('calling', { number: current })
      : win.state === 'Serving' ? Q.t('serving') : Q.t('welcome');
  };

  const take = (w) => { if (w && (!win || w.version >= win.version)) win = w; };

  // The window's events are applied as they come (a call with its masked name, service, pause, close: Q.windowEvent);
  // a snapshot comes only on (re)connect, after a gap, and on the server's slow refresh.
  const onEvents = (events) => {
    for (const e of events) win = Q.windowEvent(win, e);
    render();
  };

  // No such hall or window: said once, in both languages (whoever looks up may read either), and not asked again.
  const NotFound = ['hall-not-found', 'window-not-found'];
  const missing = (problem) => {
    gone = true;
    Q.$('window-title').textContent = Q.t('windowNo', { no: windowText });
    Q.$('led-number').textContent = '';
    Q.show(Q.$('led-name'), false);
    Q.$('led-caption').textContent = `${problem.code === 'hall-not-found' ? '大厅不存在' : '窗口不存在'}：${problem.messageZh || ''} / ` +
      `${problem.code === 'hall-not-found' ? 'No such hall' : 'No such window'}: ${problem.messageEn || ''}`;
    Q.$('led-caption').classList.add('led-problem');
    Q.show(Q.$('live'), false);
  };

  const load = async () => {
    try {
      config = await Q.api('GET', `/api/halls/${encodeURIComponent(hallId)}`);
    } catch (error) {
      if (NotFound.includes(error.code)) return missing(error);
      if (Q.FinalRefusals.includes(error.code)) return; // Q.api has shown it
      config = null; // the network or the server: the live connection below keeps trying
    }
    render();
    Q.onLang(render);
    Q.live({
      hallId,
      watch: (c) => c.invoke('WatchWindow', hallId, windowNo),
      onSnapshot: async (snap) => {
        take(snap.windows.find((w) => w.windowNo === windowNo));
        if (!win) take(await Q.api('GET', `/api/halls/${encodeURIComponent(hallId)}/windows/${windowNo}`).catch(() => null));
        render();
      },
      onFigures: () => {}, // the lines' figures: nothing an LED shows
      onEvents,
      onState: Q.liveIndicator(Q.$('live')),
      finalRefusals: NotFound,
      onRefused: (problem) => {
        if (!NotFound.includes(problem.code)) return Q.refused(problem);
        missing(problem);
        return true;
      },
    });
  };
  load();
})();
