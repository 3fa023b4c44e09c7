// The live connection to /hubs/queue, with catch-up.
// Hall-type pages (board, kiosk, window, LED): watch() answers a HallSnapshot; the page renders it, remembers its
// sequence and applies later event batches in order, ignoring what it already has. Every batch names the range of
// hall sequence numbers it covers (from..to), even when a zone board or a window gets only some of its events, so
// any page can tell a missed batch (from > last + 1) and fetch a fresh snapshot.
// A call needs no snapshot: its event carries what a board shows (number, window, theme, the masked name 张*). What
// events cannot give (waiting per line, the predicted waits; for terminals and the manager view the whole window wall)
// comes on the server's slow refresh, at most every 2 s per hall whatever the call rate: 'figures' (the lines; the page's
// onFigures, or onSnapshot with the last snapshot's lines replaced, why 'figures') and 'hall' (a snapshot, why 'push').
// A snapshot is asked for only on (re)connect (the watch answers one) and on a gap (GetSnapshot, why 'gap').
// On every (re)connect the page watches again and starts from a fresh snapshot, so a board that was offline for a
// minute shows the right state when it is back. Reconnects never give up, except on a refusal no retry can change
// (not signed in, no right to this hall, a ticket link without its key, and whatever options.finalRefusals adds, such
// as a window that does not exist): the page says so instead (Q.refused, or options.onRefused).
(function () {
  'use strict';
  const Q = (window.Q = window.Q || {});

  Q.live = (options) => {
    const connection = new signalR.HubConnectionBuilder()
      .withUrl('/hubs/queue')
      .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (ctx) => Math.min(500 + 1000 * ctx.previousRetryCount, 5000) })
      .configureLogging(signalR.LogLevel.Warning)
      .build();
    let last = -1;
    let watching = false;
    let buffered = [];
    let resyncing = false;
    let refused = false;
    let current = null; // the last snapshot, its lines kept up to date by the figures
    let figuresAt = -1;
    let resyncs = 0;
    const state = (s) => options.onState && options.onState(s);

    const takeSnapshot = (snapshot, why) => {
      last = snapshot.sequence;
      current = snapshot;
      figuresAt = Math.max(figuresAt, snapshot.sequence);
      options.onSnapshot && options.onSnapshot(snapshot, why);
    };

    const apply = (batch) => {
      if (batch.to <= last) return;
      if (batch.from > last + 1) {
        resync();
        return;
      }
      const fresh = batch.events.filter((e) => e.sequence > last);
      last = batch.to;
      if (fresh.length > 0 && options.onEvents) options.onEvents(fresh);
    };

    const resync = async () => {
      if (resyncing) return;
      resyncing = true;
      resyncs += 1;
      try {
        takeSnapshot(await connection.invoke('GetSnapshot', options.hallId), 'gap');
      } catch (error) {
        console.warn('resync failed', error);
      } finally {
        resyncing = false;
      }
    };

    const receive = (batch) => (watching ? buffered.push(batch) : apply(batch));
    connection.on('events', receive);
    const figures = (f) => {
      if (watching || f.sequence < figuresAt) return; // older than what the page shows
      figuresAt = f.sequence;
      if (current) current = { ...current, themes: f.themes, at: f.at };
      if (options.onFigures) options.onFigures(f);
      else if (current && options.onSnapshot) {
        options.onSnapshot(current, 'figures');
      }
    };
    connection.on('figures', figures);
    // A pushed snapshot that events have already overtaken (read while the hall kept changing) still has fresh lines.
    connection.on('hall', (snapshot) => {
      if (watching) return;
      if (snapshot.sequence >= last) takeSnapshot(snapshot, 'push');
      else figures({ hallId: snapshot.hallId, sequence: snapshot.sequence, at: snapshot.at, themes: snapshot.themes });
    });
    connection.on('ticket', (ticket) => options.onTicket && options.onTicket(ticket));
    connection.on('line', (line) => options.onLine && options.onLine(line));

    const watch = async () => {
      watching = true;
      buffered = [];
      try {
        const result = await options.watch(connection);
        if (options.onWatch) {
          options.onWatch(result);
        } else {
          takeSnapshot(result, 'watch');
        }
      } finally {
        watching = false;
      }
      const early = buffered;
      buffered = [];
      if (!options.onWatch) early.forEach(apply);
      state('connected');
    };

    const start = async () => {
      if (refused) return;
      try {
        await Q.ready; // a device's token has become its cookie before the hub is asked anything
        await connection.start();
        await watch();
      } catch (error) {
        const problem = Q.hubError(error);
        if (Q.FinalRefusals.includes(problem.code) || (options.finalRefusals || []).includes(problem.code)) {
          refused = true;
          state('refused');
          const handled = options.onRefused ? options.onRefused(problem) : Q.refused(problem);
          if (!handled && options.onError) options.onError(error);
          connection.stop();
          return;
        }
        state('offline');
        if (options.onError && error && error.message) options.onError(error);
        if (connection.state === signalR.HubConnectionState.Connected) {
          connection.stop(); // onclose starts again
        } else {
          setTimeout(start, 2000);
        }
      }
    };

    connection.onreconnecting(() => state('reconnecting'));
    connection.onreconnected(() => watch().catch(() => connection.stop()));
    connection.onclose(() => {
      if (refused) return;
      state('offline');
      setTimeout(() => { if (connection.state === signalR.HubConnectionState.Disconnected) start(); }, 1000);
    });

    // receive: hands the page a batch as if pushed (tests make a gap with it); resyncs: snapshots asked for after a gap.
    const live = { connection, rewatch: watch, lastSequence: () => last, receive, resyncs: () => resyncs };
    window.__queueLive = live; // for tests and for staff poking at a board from the console
    start();
    return live;
  };

  // What an event does to a window as the screens show it (its state and the number at it); the slow refresh brings
  // the rest (staff, counts), and a snapshot of the window replaces this guess whenever one arrives.
  Q.windowEvent = (w, e) => {
    if (!w || e.windowNo !== w.windowNo) return w;
    const here = w.current && w.current.displayNumber === e.displayNumber;
    switch (e.kind) {
      case 'TicketCalled':
      case 'TicketRecalled':
        return { ...w, state: 'Calling', since: e.at, current: { themeCode: e.themeCode, displayNumber: e.displayNumber, citizenName: e.citizenName || null } };
      case 'ServiceStarted':
        return here ? { ...w, state: 'Serving', since: e.at } : w;
      case 'ServiceCompleted':
      case 'TicketNoShow':
      case 'TicketHeld':
      case 'TicketTransferred':
        return here ? { ...w, state: 'Idle', since: e.at, current: null } : w;
      case 'WindowOpened':
      case 'WindowResumed':
        return { ...w, state: 'Idle', since: e.at };
      case 'WindowPaused':
        return { ...w, state: 'Paused', since: e.at };
      case 'WindowClosed':
        return { ...w, state: 'Closed', since: e.at, current: null, staffName: null };
      default:
        return w;
    }
  };

  // Refusals that stop the page's connection: asking again would be refused again.
  Q.FinalRefusals = ['unauthorized', 'forbidden', 'ticket-key'];

  // A refused hub call carries {code, messageZh, messageEn} as JSON after "HubException: ".
  Q.hubError = (error) => {
    const text = (error && error.message) || '';
    const at = text.indexOf('{');
    try {
      return at >= 0 ? JSON.parse(text.slice(at)) : { code: 'error', messageZh: text, messageEn: text };
    } catch {
      return { code: 'error', messageZh: text, messageEn: text };
    }
  };

  // A small connection indicator in the corner of a page. Its key stays on the node (data-i18n), so Q.applyLang
  // translates it again when the language is switched.
  Q.liveIndicator = (node) => (status) => {
    node.dataset.state = status;
    node.dataset.i18n = status;
    node.textContent = Q.t(status);
  };
})();
