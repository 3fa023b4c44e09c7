// Entrance display (入口签到码屏): /entrance/{hallId}, a registered board device (opened once with its ?device= link).
// Shows the hall's rotating check-in code (EntranceCode in Queue.Domain: a new one each minute) as a big QR of
// /arrive/{hallId}?c=CODE and as digits, asking the server again when the code turns; a phone that scans it checks in
// the remote tickets it holds. The title is always in both languages: people of either read it from a distance.
(function () {
  'use strict';
  const [hallId] = Q.route();
  let view = null;
  let timer = null;
  Q.words({
    how: '线上取号的市民：请用手机相机扫码，完成到厅签到。', codeLabel: '签到码', turnsIn: '{n} 秒后更新', title: '扫码签到',
  }, {
    how: "Remote ticket holders: scan this code with your phone's camera to check in.", codeLabel: 'Check-in code', turnsIn: 'New code in {n} s', title: 'Scan to check in',
  });

  const setError = (text) => { Q.$('error').textContent = text || ''; Q.show(Q.$('error'), !!text); };

  const render = () => {
    if (!view) return;
    Q.fill(Q.$('qr'), Q.qr(view.url, Q.t('title')));
    Q.$('code').textContent = view.code;
  };

  const tick = () => {
    if (!view) return;
    const left = Math.max(0, Math.ceil((Date.parse(view.nextChange) - Date.now()) / 1000));
    Q.$('turns').textContent = Q.t('turnsIn', { n: left });
  };

  const load = async () => {
    clearTimeout(timer);
    try {
      view = await Q.api('GET', `/api/halls/${encodeURIComponent(hallId)}/entrance`);
      setError('');
      Q.$('live').dataset.state = 'connected';
      render();
      tick();
      // Ask again just after the code turns (the server's clock decides), at the latest in a minute.
      const wait = Math.min(60000, Math.max(1000, Date.parse(view.nextChange) - Date.parse(view.at) + 500));
      timer = setTimeout(load, wait);
    } catch (error) {
      Q.$('live').dataset.state = 'offline';
      setError(Q.errorText(error));
      timer = setTimeout(load, 5000);
    }
  };

  const loadHall = async () => {
    try {
      const config = await Q.api('GET', `/api/halls/${encodeURIComponent(hallId)}`);
      Q.$('hall-name').textContent = Q.name(config);
      Q.onLang(() => { Q.$('hall-name').textContent = Q.name(config); tick(); });
    } catch { /* the code still shows */ }
  };

  Q.clock(Q.$('clock'));
  setInterval(tick, 1000);
  loadHall();
  load();
})();
