// The live connection to /hubs/queue, with catch-up.
// Hall-type pages (board, kiosk, window, LED): watch() answers a HallSnapshot; the page renders it, remembers its
// sequence and applies later events in order, ignoring those it already has. With gapCheck (the hall board, which
// receives every event of the hall), a batch that skips a sequence number makes it fetch a fresh snapshot.
// Filtered watchers (zone boards, windows) see gaps by design and rely on the hall snapshots pushed after changes.
// On every (re)connect the page watches again and starts from a fresh snapshot, so a board that was offline for a
// minute shows the right state when it is back. Reconnects never give up.
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
    const state = (s) => options.onState && options.onState(s);

    const takeSnapshot = (snapshot, why) => {
      last = snapshot.sequence;
      options.onSnapshot && options.onSnapshot(snapshot, why);
    };

    const apply = (batch) => {
      const fresh = batch.filter((e) => e.sequence > last).sort((a, b) => a.sequence - b.sequence);
      if (fresh.length === 0) return;
      if (options.gapCheck && fresh[0].sequence > last + 1) {
        resync();
        return;
      }
      last = fresh[fresh.length - 1].sequence;
      options.onEvents && options.onEvents(fresh);
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

    connection.on('events', (batch) => (watching ? buffered.push(...batch) : apply(batch)));
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
      if (early.length > 0 && !options.onWatch) apply(early);
      state('connected');
    };

    const start = async () => {
      try {
        await connection.start();
        await watch();
      } catch (error) {
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
      state('offline');
      setTimeout(() => { if (connection.state === signalR.HubConnectionState.Disconnected) start(); }, 1000);
    });

    const live = { connection, rewatch: watch, lastSequence: () => last };
    window.__queueLive = live; // for tests and for staff poking at a board from the console
    start();
    return live;
  };

  // A small connection indicator in the corner of a page.
  Q.liveIndicator = (node) => (status) => {
    node.dataset.state = status;
    node.textContent = Q.t(status);
  };
})();
