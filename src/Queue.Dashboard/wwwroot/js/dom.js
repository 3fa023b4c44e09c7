// Small helpers shared by the pages: safe element building (text only, never innerHTML with data),
// the HTTP API with its ProblemDetails errors, signing in (people go to /login, devices trade their ?device= token
// for the cookie), ids, clocks and route values.
(function () {
  'use strict';
  const Q = (window.Q = window.Q || {});

  // Q.el('div', {class: 'x', text: 'y', onclick: fn, 'data-k': 'v'}, child, 'text', ...)
  Q.el = (tag, props, ...children) => {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props || {})) {
      if (value === undefined || value === null || value === false) continue;
      if (key === 'text') node.textContent = String(value);
      else if (key === 'class') node.className = value;
      else if (key.startsWith('on') && typeof value === 'function') node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value === true ? '' : String(value));
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  };
  Q.$ = (id) => document.getElementById(id);
  Q.fill = (node, ...children) => { node.replaceChildren(); node.append(...children.flat().filter((c) => c !== null && c !== undefined && c !== false)); };
  Q.show = (node, visible) => { node.hidden = !visible; };

  // Path segments after the page name: /window/binjiang/5 → ['binjiang', '5'].
  Q.route = () => location.pathname.split('/').filter(Boolean).slice(1).map(decodeURIComponent);
  Q.query = (name) => new URLSearchParams(location.search).get(name);

  // Who a page is for, by its address. People sign in with a password at /login (the window terminal, the manager's
  // pages, the guide's kiosk); devices (kiosk, boards, the window LED, the big screen) open the link they were
  // registered with, whose ?device= token becomes the page cookie; the rest (the citizen's ticket, /login) are public.
  const page = location.pathname.split('/')[1] || '';
  Q.audience = ['window', 'manager', 'config', 'admin', 'report'].includes(page) || (page === 'kiosk' && Q.query('staff') === '1') ? 'person'
    : ['kiosk', 'board', 'led', 'screen', 'entrance'].includes(page) ? 'device' : 'public';

  // /login?return=<this page>; the sign-in page goes back here afterwards.
  Q.signInUrl = (target) => '/login?return=' + encodeURIComponent(target || location.pathname + location.search);

  // Only a local path: never another site ("//evil", "https://…", "/\\evil").
  // Resolved the way the browser will resolve it (tabs and newlines dropped, backslashes as slashes), so
  // "/\t/evil.example" is caught as the other site it is.
  Q.safeReturn = (target) => {
    if (typeof target !== 'string' || target.length >= 2000 || target[0] !== '/') return '/';
    try {
      const url = new URL(target, location.origin);
      return url.origin === location.origin ? url.pathname + url.search + url.hash : '/';
    } catch {
      return '/';
    }
  };

  // Resolves once the page may talk to the server: at once, or (a device opened with its ?device= link) when the
  // token has become the cookie and has left the address bar, so it is neither bookmarked nor shown on screen.
  Q.ready = (async () => {
    const token = Q.query('device');
    if (!token) return;
    for (;;) {
      let response = null;
      try {
        response = await fetch('/api/auth/device', {
          method: 'POST', headers: { accept: 'application/json', 'content-type': 'application/json' }, body: JSON.stringify({ token }),
        });
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 5000)); // the network is down: the link stays until it worked
        continue;
      }
      if (response.status === 429) {
        await new Promise((resolve) => setTimeout(resolve, 15000));
        continue;
      }
      const url = new URL(location.href);
      url.searchParams.delete('device');
      history.replaceState(history.state, '', url);
      if (!response.ok) {
        // A revoked or mistyped token: say so, and carry on so an earlier cookie (if any) still decides.
        Q.deviceNotice(await response.json().catch(() => null));
      }
      return;
    }
  })();

  // A refusal the page cannot get past by itself: a person is sent to sign in, a device shows that it is not
  // authorized. Answers true when it handled the refusal (the page should stop).
  Q.refused = (problem) => {
    const code = problem && problem.code;
    if (code === 'unauthorized' && Q.audience === 'person') {
      location.assign(Q.signInUrl());
      return true;
    }
    if ((code === 'unauthorized' || code === 'forbidden') && Q.audience === 'device') {
      Q.deviceNotice(problem);
      return true;
    }
    return false;
  };

  // Full screen, in both languages at once: whoever stands in front of a kiosk or board may read either.
  Q.deviceNotice = (problem) => {
    const existing = document.getElementById('device-notice');
    if (existing) existing.remove();
    const detail = problem && problem.code !== 'unauthorized' && (problem.messageZh || problem.messageEn)
      ? Q.el('p', { class: 'device-notice-detail', text: [problem.messageZh, problem.messageEn].filter(Boolean).join(' / ') }) : null;
    document.body.append(Q.el('div', { id: 'device-notice', class: 'device-notice', role: 'alert' },
      Q.el('div', { class: 'device-notice-box' },
        Q.el('div', { class: 'device-notice-mark', 'aria-hidden': 'true', text: '!' }),
        Q.el('h1', { text: '本设备未授权' }),
        Q.el('p', { class: 'device-notice-en', text: 'This device is not authorized' }),
        detail,
        Q.el('p', { text: '请大厅管理员在“账号与设备”页面登记本设备，并用登记时给出的链接打开本页。' }),
        Q.el('p', { class: 'device-notice-en-small', text: 'A manager registers this device under Accounts and devices and opens this page with the link given then.' }),
        Q.el('a', { class: 'device-notice-link', href: Q.signInUrl(), text: '管理员登录 / Manager sign-in' }))));
  };

  // Extra headers for every API call of this page (the ticket page's X-Ticket-Key).
  Q.apiHeaders = {};

  // The HTTP API. A refusal throws an Error whose message is the problem's text in the page's language; one that
  // the page cannot get past (not signed in, a device not registered) is handled first by Q.refused.
  Q.api = async (method, url, body) => {
    await Q.ready;
    const init = { method, headers: Object.assign({ accept: 'application/json' }, Q.apiHeaders) };
    if (body !== undefined) {
      init.headers['content-type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    let response;
    try {
      response = await fetch(url, init);
    } catch {
      throw Q.problem({ messageZh: '网络不可用，请稍后重试', messageEn: 'The network is unavailable; try again shortly' });
    }
    const data = response.status === 204 ? null : await response.json().catch(() => null);
    if (!response.ok) {
      const problem = data || { messageZh: '请求失败（' + response.status + '）', messageEn: 'Request failed (' + response.status + ')' };
      if (response.status === 401 || response.status === 403) Q.refused(problem);
      throw Q.problem(problem);
    }
    return data;
  };
  Q.problem = (p) => {
    const error = new Error(Q.lang && Q.lang() === 'en' ? p.messageEn || p.title : p.messageZh || p.title);
    error.messageZh = p.messageZh;
    error.messageEn = p.messageEn;
    error.code = p.code;
    return error;
  };
  Q.errorText = (error) => (Q.lang() === 'en' ? error.messageEn || error.message : error.messageZh || error.message);

  // A request id per tap: crypto.randomUUID needs a secure context, a kiosk on plain http may not be one.
  Q.uuid = () => {
    if (crypto.randomUUID && window.isSecureContext) return crypto.randomUUID();
    const b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  };

  // A wall clock in the hall's time zone (Asia/Shanghai).
  Q.clock = (node, withDate) => {
    const tick = () => {
      const options = { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false };
      if (withDate) Object.assign(options, { year: 'numeric', month: '2-digit', day: '2-digit', weekday: 'short' });
      node.textContent = new Date().toLocaleString(Q.lang() === 'en' ? 'en-GB' : 'zh-CN', options);
    };
    tick();
    setInterval(tick, 1000);
  };

  // Minutes, rounded up, for "predicted wait".
  Q.minutes = (m) => (m === null || m === undefined ? '—' : String(Math.max(0, Math.ceil(m))));

  // A predicted wait as people read it: the forward-simulated range ('rangeMin', "预计 10–20 分钟") when low < high, else the
  // single figure ('aboutMin': the closed-form fallback). Each page's words define both.
  Q.waitRange = (point, low, high) => (low !== null && low !== undefined && high !== null && high !== undefined && high > low
    ? Q.t('rangeMin', { a: Q.minutes(low), b: Q.minutes(high) })
    : Q.t('aboutMin', { n: Q.minutes(point) }));
})();
