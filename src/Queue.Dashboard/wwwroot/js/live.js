// The live connection to /hubs/queue, with catch-up.
// Hall-type pages (board, kiosk, window, LED): watch() answers a HallSnapshot; the page renders it, remembers its
// sequence and applies later event batches in order, ignoring what it already has. Every batch names the range of
// hall sequence numbers it covers (from..to), even when a zone board or a window gets only some of its events, so
// any page can tell a missed batch (from > last + 1) and fetch a fresh snapshot.
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
    const state = (s) => options.onState && options.onState(s);

    const takeSnapshot = (snapshot, why) => {
      last = snapshot.sequence;
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
      try {
        takeSnapshot(await connection.invoke('GetSnapshot', options.hallId), 'gap');
      } catch (error) {
        console.warn('resync failed', error);
      } finally {
        resyncing = false;
      }
    };

    connection.on('events', (batch) => (watching ? buffered.push(batch) : apply(batch)));
    connection.on('hall', (snapshot) => {
      if (snapshot.sequence >= last && !watching) takeSnapshot(snapshot, 'push');
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

    const live = { connection, rewatch: watch, lastSequence: () => last };
    window.__queueLive = live; // for tests and for staff poking at a board from the console
    start();
    return live;
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
