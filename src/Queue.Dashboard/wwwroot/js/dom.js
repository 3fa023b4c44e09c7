// Small helpers shared by the pages: safe element building (text only, never innerHTML with data),
// the HTTP API with its ProblemDetails errors, ids, clocks and route values.
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

  // The HTTP API. A refusal throws an Error whose message is the problem's text in the page's language.
  Q.api = async (method, url, body) => {
    const init = { method, headers: { accept: 'application/json' } };
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
    const data = await response.json().catch(() => null);
    if (!response.ok) {
      throw Q.problem(data || { messageZh: '请求失败（' + response.status + '）', messageEn: 'Request failed (' + response.status + ')' });
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
})();
