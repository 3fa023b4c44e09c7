// Remote ticket (线上取号): /remote/{hallId} on the citizen's phone. The themes with their people waiting and predicted
// wait range now (GET /api/halls/{hall}/remote), whether each issues now (/opening) and its 一次性告知 (the hall's
// configuration); an ID-card or phone number (the per-person limits; only its keyed hash is kept) and the travel time;
// "取号" posts one request id until it succeeds (a double tap returns the same ticket) and opens the ticket page, which
// shows when to leave home and the check-in.
(function () {
  'use strict';
  const [hallId] = Q.route();
  const TravelChoices = [5, 10, 15, 20, 30, 45, 60, 90, 120];
  let remote = null;
  let config = null;
  let opening = null;
  let chosen = null;
  let requestId = Q.uuid();
  let busy = false;
  const notify = Q.notifyPhone(Q.$('notify')); // 短信提醒 (optional): the phone's own keyboard, digits (inputmode numeric)
  Q.words({
    title: '线上取号', intro: '在家取当天的号，按建议时间出发；到大厅入口扫码签到。叫号时未到厅视为过号。', chooseTheme: '选择办理事项',
    who: '身份信息（填写一项，仅用于限量，不保存号码）', idNumber: '身份证号', phone: '手机号', travel: '从出发地到大厅约需', take: '取号',
    limits: '每人每事项同时只能有一个线上号，每人每天最多 3 个。', minutes: '{n} 分钟', waitingN: '等候 {n} 人', noWindow: '暂无窗口受理',
    noWait: '无需等候', taking: '正在取号…', needTheme: '请先选择办理事项', needWho: '请填写身份证号或手机号',
  }, {
    title: 'Remote ticket', intro: "Take today's ticket from home and leave when we suggest; check in by scanning the code at the hall's entrance. If you are called before you check in, you miss your turn.",
    chooseTheme: 'Choose the service', who: 'Who you are (one of these; used only for the limits, the number is not kept)', idNumber: 'ID card number',
    phone: 'Mobile number', travel: 'Travel time to the hall', take: 'Take a ticket', limits: 'One active remote ticket per person and service, at most 3 a day.',
    minutes: '{n} min', waitingN: '{n} waiting', noWindow: 'No window serving', noWait: 'no wait', taking: 'Taking a ticket…',
    needTheme: 'Choose a service first', needWho: 'Enter an ID card or mobile number',
  });

  const setError = (text) => { Q.$('error').textContent = text || ''; Q.show(Q.$('error'), !!text); };
  const openingOf = (code) => (opening && opening.themes.find((t) => t.themeCode === code)) || null;
  const configOf = (code) => (config && config.themes.find((t) => t.code === code)) || null;
  const waitText = (t) => (t.predictedWaitMinutes === null || t.predictedWaitMinutes === undefined ? Q.t('noWindow')
    : t.waiting === 0 ? Q.t('noWait') : Q.waitRange(t.predictedWaitMinutes, t.predictedWaitLow, t.predictedWaitHigh));

  const render = () => {
    if (!remote) return;
    Q.$('hall-name').textContent = Q.lang() === 'en' ? remote.nameEn || remote.name : remote.name;
    const open = new Set([...document.querySelectorAll('details.theme-notice[open]')].map((d) => d.dataset.theme));
    Q.fill(Q.$('themes'), remote.themes.map((t) => {
      const o = openingOf(t.themeCode);
      const closed = !!o && !o.issuing;
      const notice = configOf(t.themeCode)?.notice;
      const id = 'theme-' + t.themeCode;
      return Q.el('div', { class: 'theme-row' + (closed ? ' closed' : '') },
        Q.el('input', { type: 'radio', name: 'theme', id, value: t.themeCode, disabled: closed, checked: chosen === t.themeCode, onchange: () => { chosen = t.themeCode; } }),
        Q.el('label', { for: id },
          Q.el('span', { class: 'theme-name', text: Q.lang() === 'en' ? t.nameEn || t.name : t.name }),
          Q.el('span', { class: 'theme-wait', text: closed ? (Q.lang() === 'en' ? o.messageEn : o.messageZh) || '' : `${Q.t('waitingN', { n: t.waiting })} · ${waitText(t)}` })),
        notice ? Q.el('details', { class: 'theme-notice', 'data-theme': t.themeCode, open: open.has(t.themeCode) },
          Q.el('summary', { text: Q.t('noticeOpen') }), Q.noticeView(notice)) : null);
    }));
  };

  const fillTravel = () => {
    const current = Q.$('travel').value || '30';
    Q.fill(Q.$('travel'), TravelChoices.map((n) => Q.el('option', { value: n, selected: String(n) === current }, Q.t('minutes', { n }))));
  };

  const take = async (event) => {
    event.preventDefault();
    if (busy) return;
    if (!chosen) { setError(Q.t('needTheme')); return; }
    const idNumber = Q.$('id-number').value.trim();
    const phone = Q.$('phone').value.trim();
    if (!idNumber && !phone) { setError(Q.t('needWho')); return; }
    let contact;
    try { contact = notify.read(); } catch (error) { setError(error.message); return; }
    busy = true;
    Q.$('submit').disabled = true;
    setError('');
    Q.$('submit').textContent = Q.t('taking');
    try {
      const ticket = await Q.api('POST', `/api/halls/${encodeURIComponent(hallId)}/themes/${encodeURIComponent(chosen)}/remote-tickets`, {
        idNumber: idNumber || null, phone: phone || null, travelMinutes: Number(Q.$('travel').value), requestId, ...contact,
      });
      requestId = Q.uuid();
      location.assign(`/t/${encodeURIComponent(ticket.ticketId)}?k=${encodeURIComponent(ticket.accessKey)}`);
    } catch (error) {
      setError(Q.errorText(error)); // the same request id: a retry cannot take a second ticket
    } finally {
      busy = false;
      Q.$('submit').disabled = false;
      Q.$('submit').textContent = Q.t('take');
    }
  };

  const load = async () => {
    try {
      [remote, config, opening] = await Promise.all([
        Q.api('GET', `/api/halls/${encodeURIComponent(hallId)}/remote`),
        Q.api('GET', `/api/halls/${encodeURIComponent(hallId)}`),
        Q.api('GET', `/api/halls/${encodeURIComponent(hallId)}/opening`),
      ]);
      render();
    } catch (error) {
      setError(Q.errorText(error));
    }
  };

  fillTravel();
  Q.onLang(() => { fillTravel(); render(); });
  Q.$('take').addEventListener('submit', take);
  load();
  setInterval(async () => {
    try { remote = await Q.api('GET', `/api/halls/${encodeURIComponent(hallId)}/remote`); render(); } catch { /* keep the last */ }
  }, 60000);
})();
