// Shared by the big screen and the manager page: words, number formats, the debounce, chart images and SLA alerts.
(function () {
  'use strict';
  const Q = (window.Q = window.Q || {});

  Q.words({
    Closed: '未开', Idle: '空闲', Calling: '呼叫中', Serving: '办理中', Paused: '暂停',
    Warning: '预警', Breach: '超时', noAlerts: '各业务等候均在目标内', minutesShort: '{n}分', secondsShort: '{n}秒',
  }, {
    Closed: 'Closed', Idle: 'Idle', Calling: 'Calling', Serving: 'Serving', Paused: 'Paused',
    Warning: 'Warning', Breach: 'Breach', noAlerts: 'Every line is within its target', minutesShort: '{n} min', secondsShort: '{n} s',
  });

  Q.percent = (share, rated) => (rated === 0 ? '—' : (share * 100).toFixed(1) + '%');
  Q.duration = (seconds) => (seconds < 60 ? Q.t('secondsShort', { n: Math.round(seconds) }) : Q.t('minutesShort', { n: (seconds / 60).toFixed(1) }));

  // Runs fn at most once per `ms`, after the last call (trailing debounce).
  Q.debounce = (fn, ms) => {
    let timer = null;
    return () => { clearTimeout(timer); timer = setTimeout(fn, ms); };
  };

  // A chart image from /charts/{hall}/{name}.svg; a fresh query each time so the browser does not reuse the old one.
  Q.chart = (img, hallId, name, params) => {
    const query = new URLSearchParams(Object.assign({}, params, { lang: Q.lang(), t: Date.now() }));
    img.src = `/charts/${encodeURIComponent(hallId)}/${name}.svg?${query}`;
  };

  // SLA alerts by theme: filled from GET /alerts, kept live by SlaAlert and SlaResolved events.
  Q.alerts = (hallId, render) => {
    const byTheme = new Map();
    const show = () => render([...byTheme.values()].sort((a, b) => (a.severity === b.severity ? a.themeCode.localeCompare(b.themeCode) : a.severity === 'Breach' ? -1 : 1)));
    return {
      load: async () => {
        const list = await Q.api('GET', `/api/halls/${encodeURIComponent(hallId)}/alerts`);
        byTheme.clear();
        list.forEach((a) => byTheme.set(a.themeCode, a));
        show();
      },
      apply: (events) => {
        let changed = false;
        for (const e of events) {
          if (e.kind === 'SlaAlert' && e.alert) { byTheme.set(e.alert.themeCode, e.alert); changed = true; }
          if (e.kind === 'SlaResolved' && e.themeCode) { changed = byTheme.delete(e.themeCode) || changed; }
        }
        if (changed) show();
      },
      show,
    };
  };

  Q.alertText = (a) => (Q.lang() === 'en' ? a.messageEn : a.messageZh);
})();
