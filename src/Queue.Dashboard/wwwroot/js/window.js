// Window terminal (窗口终端): /window/{hallId}/{windowNo}, the staff PC at a counter. Sign in, call next, recall,
// start, complete (办结 / 没办成 with a reason), no-show, transfer, hold, pause and resume, sign out; the current
// ticket; the waiting counts and projected waits of this window's themes, live. F1–F5 are the main commands.
// Staff sign in at /login first and open the window as themselves; a manager or administrator names the staff.
(function () {
  'use strict';
  const [hallId, windowText] = Q.route();
  const windowNo = Number(windowText);
  const base = `/api/halls/${encodeURIComponent(hallId)}/windows/${windowNo}`;
  let config = null;
  let snapshot = null;
  let win = null; // this window's WindowSnapshot
  let noticeTimer = null;
  let me = null; // who is signed in (GET /api/auth/me)

  const Enabled = {
    Closed: [],
    Idle: ['call-next', 'pause', 'sign-out'],
    Calling: ['recall', 'start', 'no-show', 'transfer'],
    Serving: ['complete', 'not-done', 'transfer', 'hold'],
    Paused: ['resume', 'sign-out'],
  };

  const NotFound = ['hall-not-found', 'window-not-found'];

  const themeOf = (code) => config.themes.find((t) => t.code === code);
  const myThemes = () => (!win ? [] : win.profile.kind === 'Comprehensive' ? config.themes.map((t) => t.code) : win.profile.themes || []);

  let liveError = false; // the error bar shows the live connection's refusal, cleared once connected again
  const setError = (text, fromLive) => {
    Q.$('error').textContent = text || '';
    Q.show(Q.$('error'), !!text);
    liveError = !!text && !!fromLive;
  };
  // A notice is a success (green) unless it says it is only for information (neutral): nothing happened.
  const notice = (text, neutral) => {
    Q.$('notice').textContent = text;
    Q.$('notice').classList.toggle('neutral', !!neutral);
    Q.show(Q.$('notice'), true);
    clearTimeout(noticeTimer);
    noticeTimer = setTimeout(() => Q.show(Q.$('notice'), false), 4000);
  };

  // No such hall or window: the page says so and nothing else (no desk, no state, no connection indicator).
  const missing = (text) => {
    setError(text);
    Q.$('hall-name').textContent = config ? Q.name(config) : hallId;
    Q.$('window-title').textContent = Q.t('windowNo', { no: windowText });
    for (const id of ['desk', 'sign-in', 'state', 'live']) Q.show(Q.$(id), false);
  };

  const takeWindow = (w) => {
    if (w && (!win || w.version >= win.version)) win = w;
  };

  // The line's predicted wait, as the kiosk and the board show it (the one estimate, Domain WaitPrediction, in the
  // snapshot): "—" when nobody waits, 暂无窗口受理 when no open window serves the line.
  const projected = (line) => {
    if (!line.waiting) return '—';
    return line.projectedWaitMinutes === null || line.projectedWaitMinutes === undefined ? Q.t('noWindow') : Q.waitRange(line.projectedWaitMinutes, line.projectedWaitLow, line.projectedWaitHigh);
  };

  const render = () => {
    if (!config || !win) return;
    Q.$('hall-name').textContent = Q.name(config);
    Q.$('window-title').textContent = Q.t('windowNo', { no: windowNo });
    Q.$('window-label').textContent = win.label || '';
    Q.$('state').textContent = Q.t('state.' + win.state);
    Q.$('state').dataset.state = win.state;
    Q.$('staff').textContent = win.staffName ? Q.t('staff', { name: win.staffName, id: win.staffId || '' }) : '';
    Q.show(Q.$('sign-in'), win.state === 'Closed');
    Q.show(Q.$('desk'), win.state !== 'Closed');
    Q.$('current-number').textContent = win.current ? win.current.displayNumber : '—';
    Q.$('current-theme').textContent = win.current ? Q.name(themeOf(win.current.themeCode)) : '';
    const citizen = win.current && win.current.citizenName;
    Q.show(Q.$('current-citizen'), !!citizen);
    Q.$('current-citizen').textContent = citizen ? Q.t('citizen', { name: citizen }) : '';
    // A remote ticket called before its holder checked in at the entrance: recall, then mark no-show as for anyone.
    Q.show(Q.$('current-away'), !!(win.current && win.current.notArrived));
    Q.$('current-away').textContent = Q.t('notArrived');
    const asSelf = !!me && me.kind === 'Staff';
    Q.show(Q.$('staff-fields'), !asSelf);
    Q.show(Q.$('sign-in-as'), asSelf);
    if (asSelf) Q.$('sign-in-as').textContent = Q.t('signInAs', { name: me.displayName, id: me.id });
    for (const input of Q.$('staff-fields').querySelectorAll('input')) input.required = !asSelf;
    tick();
    Q.show(Q.$('pause-reason'), win.state === 'Paused');
    Q.$('pause-reason').textContent = Q.t('pausedFor', { reason: win.pauseReason || '' });
    const allowed = Enabled[win.state] || [];
    for (const button of document.querySelectorAll('button.cmd')) button.disabled = !allowed.includes(button.dataset.cmd);
    Q.$('served').textContent = Q.t('servedToday', { n: win.servedToday });
    const lines = snapshot ? snapshot.themes : [];
    Q.fill(Q.$('lines'), myThemes().map((code) => {
      const l = lines.find((x) => x.themeCode === code) || { waiting: 0, longestWaitMinutes: 0 };
      const late = l.longestWaitMinutes >= (l.targetMinutes || 30) * 0.8;
      return Q.el('tr', { 'data-theme': code },
        Q.el('td', { text: Q.name(themeOf(code)) || code }),
        Q.el('td', { class: 'count', text: Q.t('people', { n: l.waiting }) }),
        Q.el('td', { class: late ? 'late' : '', text: Q.t('minutes', { n: Math.round(l.longestWaitMinutes) }) }),
        Q.el('td', { class: 'projected', text: projected(l) }));
    }));
  };

  // How long the window has been calling its ticket, or serving it: since the snapshot's Since (the last change of
  // state), mm:ss, every second.
  const Timed = { Calling: 'sinceCall', Serving: 'sinceStart' };
  const tick = () => {
    const label = win && Timed[win.state];
    Q.show(Q.$('timer'), !!label);
    if (!label) return;
    const seconds = Math.max(0, Math.floor((Date.now() - Date.parse(win.since)) / 1000));
    const mmss = `${String(Math.floor(seconds / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
    Q.$('timer-label').textContent = Q.t(label);
    Q.$('timer-value').textContent = mmss;
    Q.$('timer').dataset.state = win.state;
  };
  setInterval(tick, 1000);

  const post = async (command, body, done) => {
    try {
      const w = await Q.api('POST', `${base}/${command}`, body);
      setError('');
      takeWindow(w);
      render();
      if (done) notice(...[].concat(done(w)));
    } catch (error) {
      setError(Q.errorText(error));
    }
  };
  const number = (w) => (w.current ? w.current.displayNumber : '');
  const reason = async (title) => {
    const v = await Q.ask(title, [{ name: 'reason', label: Q.t('reason') }], (x) => (x.reason ? null : Q.t('needReason')));
    return v && v.reason;
  };

  const commands = {
    // Nobody waiting for this window's themes: the server answers the window as it was (idle, no ticket).
    'call-next': () => post('call-next', {}, (w) => (w.current ? Q.t('called', { number: number(w) }) : [Q.t('nobodyWaiting'), true])),
    recall: () => post('recall', {}, (w) => Q.t('recalled', { number: number(w) })),
    start: () => post('start', {}, (w) => Q.t('started', { number: number(w) })),
    complete: () => post('complete', { outcome: 'Done' }, () => Q.t('completed')),
    'no-show': () => post('no-show', {}, () => Q.t('markedNoShow')),
    'not-done': async () => { const r = await reason(Q.t('notDoneTitle')); if (r) post('complete', { outcome: 'NotDone', reason: r }, () => Q.t('completed')); },
    hold: async () => { const r = await reason(Q.t('holdTitle')); if (r) post('hold', { reason: r }, () => Q.t('held')); },
    pause: async () => { const r = await reason(Q.t('pauseTitle')); if (r) post('pause', { reason: r }, () => Q.t('paused')); },
    resume: () => post('resume', {}, () => Q.t('resumed')),
    'sign-out': () => post('sign-out', {}, () => Q.t('signedOut')),
    transfer: async () => {
      const v = await Q.ask(Q.t('transferTitle'), [
        { name: 'toTheme', label: Q.t('toTheme'), type: 'select', options: [{ value: '', text: Q.t('sameTheme') }, ...config.themes.map((t) => ({ value: t.code, text: `${t.prefix} ${Q.name(t)}` }))] },
        { name: 'toWindow', label: Q.t('toWindow'), type: 'select', options: [{ value: '', text: Q.t('anyWindow') }, ...config.windows.filter((w) => w.windowNo !== windowNo).map((w) => ({ value: String(w.windowNo), text: Q.t('windowNo', { no: w.windowNo }) }))] },
      ], (x) => (x.toTheme || x.toWindow ? null : Q.t('needTarget')));
      if (v) post('transfer', { toTheme: v.toTheme || null, toWindow: v.toWindow ? Number(v.toWindow) : null }, () => Q.t('transferred'));
    },
  };

  for (const button of document.querySelectorAll('button.cmd')) {
    button.addEventListener('click', () => commands[button.dataset.cmd]());
  }
  document.addEventListener('keydown', (e) => {
    if (document.querySelector('dialog[open]')) return; // a form dialog or the change-password dialog
    const button = document.querySelector(`button.cmd[data-key="${e.key}"]`);
    if (!button) return;
    e.preventDefault(); // F5 must not reload the terminal
    if (!button.disabled) button.click();
  });
  Q.$('sign-in').addEventListener('submit', (e) => {
    e.preventDefault();
    // Staff sign in as themselves (the server takes the account's id and name); others name the staff.
    const body = me && me.kind === 'Staff' ? undefined : { staffId: Q.$('staff-id').value.trim(), staffName: Q.$('staff-name').value.trim() };
    post('sign-in', body, () => Q.t('signedIn'));
  });

  const load = async () => {
    try {
      me = me || await Q.session(Q.$('session'));
      if (me.kind === 'Anonymous') return; // on the way to /login
      if (!Q.isPerson(me)) setError(Q.t('needStaff')); // a kiosk's or board's cookie: it may watch, not operate
      config = await Q.api('GET', `/api/halls/${encodeURIComponent(hallId)}`);
    } catch (error) {
      setError(Q.errorText(error));
      if (NotFound.includes(error.code)) missing(Q.errorText(error)); // no such hall: asking again would be refused again
      else setTimeout(load, 5000);
      return;
    }
    Q.onLang(render);
    const indicator = Q.liveIndicator(Q.$('live'));
    Q.live({
      hallId,
      watch: (c) => c.invoke('WatchWindow', hallId, windowNo),
      onSnapshot: async (snap) => {
        snapshot = snap;
        takeWindow(snap.windows.find((w) => w.windowNo === windowNo));
        if (!win) takeWindow(await Q.api('GET', base).catch(() => null)); // a window no one has opened yet
        render();
      },
      onState: (state) => {
        indicator(state);
        if (state === 'connected' && liveError) setError('');
      },
      // No such hall or window: said once, and the connection is not retried.
      finalRefusals: NotFound,
      onRefused: (problem) => {
        if (!NotFound.includes(problem.code)) return Q.refused(problem);
        missing(Q.lang() === 'en' ? problem.messageEn : problem.messageZh);
        return true;
      },
      // A refusal from the hub (its code says what) is shown; a raw transport error while reconnecting is not:
      // the indicator already says the connection is being retried.
      onError: (error) => {
        const problem = Q.hubError(error);
        if (problem.code === 'error') return;
        setError(Q.lang() === 'en' ? problem.messageEn : problem.messageZh, true);
      },
    });
  };
  load();
})();
