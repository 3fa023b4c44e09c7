// Language: Chinese first, English on request (?lang=en, or the toggle, remembered in localStorage).
// Static text is marked data-i18n="key"; scripts call Q.t(key, {name: value}) and Q.onLang(render).
(function () {
  'use strict';
  const Q = (window.Q = window.Q || {});
  const dict = { zh: {}, en: {} };
  const listeners = [];
  const saved = () => { try { return localStorage.getItem('queue.lang'); } catch { return null; } };
  const param = new URLSearchParams(location.search).get('lang');
  let lang = param === 'en' || param === 'zh' ? param : saved() === 'en' ? 'en' : 'zh';

  Q.lang = () => lang;
  Q.words = (zh, en) => { Object.assign(dict.zh, zh); Object.assign(dict.en, en); };
  Q.t = (key, params) => {
    let text = dict[lang][key] ?? dict.zh[key] ?? key;
    for (const [name, value] of Object.entries(params || {})) {
      text = text.split('{' + name + '}').join(String(value));
    }
    return text;
  };
  // A configured name in the current language (config carries name and nameEn).
  Q.name = (item) => (item ? (lang === 'en' && item.nameEn ? item.nameEn : item.name) : '');
  Q.onLang = (fn) => listeners.push(fn);

  Q.applyLang = () => {
    document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
    for (const node of document.querySelectorAll('[data-i18n]')) {
      node.textContent = Q.t(node.dataset.i18n);
    }
    for (const node of document.querySelectorAll('[data-i18n-placeholder]')) {
      node.placeholder = Q.t(node.dataset.i18nPlaceholder);
    }
    for (const node of document.querySelectorAll('[data-i18n-title]')) {
      node.title = Q.t(node.dataset.i18nTitle);
    }
    for (const node of document.querySelectorAll('[data-lang-toggle]')) {
      node.textContent = lang === 'en' ? '中文' : 'English';
    }
  };

  Q.setLang = (next) => {
    lang = next === 'en' ? 'en' : 'zh';
    try { localStorage.setItem('queue.lang', lang); } catch { /* private mode: the choice lasts this page only */ }
    const url = new URL(location.href);
    url.searchParams.set('lang', lang);
    history.replaceState(null, '', url);
    Q.applyLang();
    listeners.forEach((fn) => fn(lang));
  };

  Q.words({ connected: '已连接', reconnecting: '正在重新连接…', offline: '连接已断开，正在重试…', refused: '未获授权' },
    { connected: 'Connected', reconnecting: 'Reconnecting…', offline: 'Disconnected, retrying…', refused: 'Not authorized' });

  document.addEventListener('DOMContentLoaded', () => {
    for (const node of document.querySelectorAll('[data-lang-toggle]')) {
      node.addEventListener('click', () => Q.setLang(lang === 'en' ? 'zh' : 'en'));
    }
    Q.applyLang();
  });
})();
