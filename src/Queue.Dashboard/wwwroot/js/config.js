// The configuration page: /config/{hallId}. Managers edit their hall, administrators any hall. The page edits the
// configuration object exactly as GET /api/halls/{hallId} gave it, field by field in place, so that fields it does not
// show (those other parts of the product add) go back unchanged on PUT. Every change is checked by the API's own rules
// (POST /config/validate: the validator's zh/en refusal is shown beside its section); saving sends If-Match with the
// version the page loaded, and someone else's save meanwhile is a 409 the page explains.
(function () {
  'use strict';
  const [hallId] = Q.route();
  const hallPath = `/api/halls/${encodeURIComponent(hallId)}`;
  const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
  const DAY_NO = { Sunday: 0, Monday: 1, Tuesday: 2, Wednesday: 3, Thursday: 4, Friday: 5, Saturday: 6 };
  const KINDS = ['Comprehensive', 'Dedicated', 'Ordered'];
  const POLICY = ['maxConsecutivePriorityCalls', 'criticalUrgency', 'recallsBeforeNoShow', 'noShowRejoinPenalty', 'nearTurnReminder'];
  let cfg = null; // the configuration being edited (the GET's JSON, edited in place)
  let version = 0;
  let shipped = [];
  let dirty = false;
  let checkSeq = 0;
  let said = null;
  let bookingShown = null; // the hall's booking settings as GET /booking/settings gave them (its defaults when it has none)
  let deadlines = null; // the cases' deadlines (GET/PUT /cases/settings), saved with the page's save
  let deadlinesDirty = false;
  let noticeCode = null; // the theme whose notice is being edited

  // Which section a refusal code belongs to (where its message is shown); the rules themselves stay in the API.
  const sectionOf = (code) => {
    if (!code) return null;
    if (code === 'theme-notice') return 'notice';
    if (code.startsWith('booking') || code === 'theme-not-found') return 'booking';
    if (code === 'invalid-oneTripDays') return 'cases';
    if (code.startsWith('calendar') || code === 'theme-cutoff') return code === 'theme-cutoff' ? 'themes' : 'calendar';
    if (code.startsWith('theme') || code === 'prefix-duplicate') return 'themes';
    if (code.startsWith('window')) return 'windows';
    if (code.startsWith('zone')) return 'zones';
    if (code === 'policy') return 'policy';
    return code.startsWith('hall') || code === 'time-zone' || code === 'hours' ? 'hall' : null;
  };

  const dayName = (day) => Q.t('day' + DAY_NO[day]);
  const hhmm = (t) => (t ? String(t).slice(0, 5) : '');
  const time = (v) => (v ? `${v}:00`.slice(0, 8) : '00:00:00');

  // The status line at the bottom, kept as a key so that it follows the language switch.
  const sayNow = () => {
    const text = !said ? '' : said.error ? Q.errorText(said.error) : Q.t(said.key, said.params);
    Q.$('check-status').textContent = text;
    Q.$('check-status').className = 'check-status' + (said && (said.error || said.bad) ? ' bad' : said && said.good ? ' good' : '');
  };
  const say = (key, params, mood) => { said = key ? Object.assign({ key, params }, mood) : null; sayNow(); };

  const showErrors = (problem) => {
    const section = problem ? sectionOf(problem.code) : null;
    for (const node of document.querySelectorAll('[data-error]')) {
      const mine = node.dataset.error === section;
      node.textContent = mine ? Q.errorText(problem) : '';
      Q.show(node, mine);
    }
    for (const card of document.querySelectorAll('[data-section]')) card.classList.toggle('has-error', card.dataset.section === section);
    return !!section;
  };

  // GET and PUT with the version (ETag / If-Match), which Q.api does not expose.
  const call = async (method, url, body, headers) => {
    await Q.ready;
    const init = { method, headers: Object.assign({ accept: 'application/json' }, headers || {}) };
    if (body !== undefined) { init.headers['content-type'] = 'application/json'; init.body = JSON.stringify(body); }
    let response;
    try {
      response = await fetch(url, init);
    } catch {
      throw Q.problem({ messageZh: '网络不可用，请稍后重试', messageEn: 'The network is unavailable; try again shortly' });
    }
    const data = await response.json().catch(() => null);
    if (!response.ok) {
      const problem = data || { messageZh: '请求失败（' + response.status + '）', messageEn: 'Request failed (' + response.status + ')' };
      if (response.status === 401 || response.status === 403) Q.refused(problem);
      throw Q.problem(problem);
    }
    const tag = /^(?:W\/)?"v(\d+)"$/.exec(response.headers.get('etag') || '');
    return { data, version: tag ? Number(tag[1]) : null };
  };

  const changed = () => { dirty = true; say('unsaved'); check(); };
  let timer = null;
  const check = () => { clearTimeout(timer); timer = setTimeout(validate, 350); };
  const validate = async () => {
    const mine = ++checkSeq;
    try {
      await call('POST', `${hallPath}/config/validate`, cfg);
      if (mine !== checkSeq) return;
      showErrors(null);
      say('valid', null, { good: true });
    } catch (error) {
      if (mine !== checkSeq) return;
      if (showErrors(error)) say('invalid', null, { bad: true });
      else { said = { error }; sayNow(); } // not one section's (e.g. a date left empty): said at the bottom
    }
  };

  // An input bound to obj[key]: its edits go straight into the configuration object.
  const input = (obj, key, opts) => {
    const o = opts || {};
    const attrs = { type: o.type || 'text', 'aria-label': o.label, class: o.cls, 'data-field': key };
    if (o.type === 'number') Object.assign(attrs, { step: o.step || '1', min: o.min });
    const node = Q.el('input', attrs);
    if (o.type === 'checkbox') node.checked = !!obj[key];
    else if (o.type === 'time') node.value = hhmm(obj[key]);
    else node.value = obj[key] === undefined || obj[key] === null ? '' : String(obj[key]);
    if (o.placeholder) node.placeholder = o.placeholder;
    node.addEventListener(o.type === 'checkbox' ? 'change' : 'input', () => {
      if (o.type === 'checkbox') obj[key] = node.checked;
      else if (o.type === 'time') obj[key] = time(node.value);
      else if (o.type === 'number') {
        if (node.value === '' && o.optional) delete obj[key];
        else obj[key] = node.value === '' ? null : Number(node.value);
      } else obj[key] = node.value;
      if (o.then) o.then();
      changed();
    });
    return node;
  };
  const select = (obj, key, values, text, label, then) => {
    const node = Q.el('select', { 'aria-label': label, 'data-field': key },
      values.map((v) => Q.el('option', { value: v, text: text(v), selected: obj[key] === v })));
    if (!values.includes(obj[key])) node.value = '';
    node.addEventListener('change', () => { obj[key] = node.value; if (then) then(); changed(); });
    return node;
  };
  const removeButton = (list, item, rerender) => Q.el('button', { type: 'button', class: 'remove', text: Q.t('remove'),
    onclick: () => { list.splice(list.indexOf(item), 1); rerender(); changed(); } });
  const labelled = (key, node) => Q.el('label', { class: 'field' }, Q.el('span', { text: Q.t(key) }), node);
  const zoneIds = () => cfg.zones.map((z) => z.zoneId);
  const zoneName = (id) => Q.name(cfg.zones.find((z) => z.zoneId === id)) || id;

  const renderHall = () => Q.fill(Q.$('hall-fields'),
    labelled('hallId', Q.el('input', { value: cfg.hallId, disabled: true, 'aria-label': Q.t('hallId') })),
    labelled('nameZh', input(cfg, 'name', { label: Q.t('nameZh') })),
    labelled('nameEn', input(cfg, 'nameEn', { label: Q.t('nameEn') })),
    labelled('timeZone', input(cfg, 'timeZone', { label: Q.t('timeZone') })),
    labelled('opens', input(cfg, 'opens', { type: 'time', label: Q.t('opens') })),
    labelled('closes', input(cfg, 'closes', { type: 'time', label: Q.t('closes') })),
    Q.el('label', { class: 'check' }, input(cfg, 'enforceOpeningHours', { type: 'checkbox', label: Q.t('enforce') }), Q.el('span', { text: Q.t('enforce') })));

  const renderPolicy = () => {
    cfg.policy = cfg.policy || {};
    Q.fill(Q.$('policy-fields'), POLICY.map((key) =>
      labelled(key, input(cfg.policy, key, { type: 'number', step: key === 'criticalUrgency' ? '0.05' : '1', min: 0, label: Q.t(key) }))));
  };

  const renderZones = () => Q.fill(Q.$('zones'), cfg.zones.map((z) => Q.el('tr', { 'data-zone': z.zoneId },
    Q.el('td', {}, input(z, 'zoneId', { label: Q.t('zoneId'), cls: 'short', then: renderRefs })),
    Q.el('td', {}, input(z, 'name', { label: Q.t('nameZh') })),
    Q.el('td', {}, input(z, 'nameEn', { label: Q.t('nameEn') })),
    Q.el('td', {}, removeButton(cfg.zones, z, renderAll)))));

  const renderThemes = () => Q.fill(Q.$('themes'), cfg.themes.map((t) => Q.el('tr', { 'data-theme': t.code },
    Q.el('td', {}, input(t, 'code', { label: Q.t('code'), cls: 'short', then: renderThemeParts })),
    Q.el('td', {}, input(t, 'name', { label: Q.t('nameZh') })),
    Q.el('td', {}, input(t, 'nameEn', { label: Q.t('nameEn') })),
    Q.el('td', {}, input(t, 'prefix', { label: Q.t('prefix'), cls: 'tiny' })),
    Q.el('td', {}, select(t, 'zoneId', zoneIds(), zoneName, Q.t('zone'))),
    Q.el('td', {}, input(t, 'targetMinutes', { type: 'number', min: 1, label: Q.t('target'), cls: 'num' })),
    Q.el('td', {}, input(t, 'expectedServiceMinutes', { type: 'number', step: '0.5', min: 0.5, label: Q.t('service'), cls: 'num' })),
    Q.el('td', {}, input(t, 'issueCutoffMinutes', { type: 'number', min: 0, optional: true, label: Q.t('cutoff'), cls: 'num', placeholder: Q.t('cutoffAuto') })),
    Q.el('td', {}, removeButton(cfg.themes, t, renderAll)))));

  // 一次性告知: the chosen theme's notice, Chinese and English side by side, item for item. The page keeps each list as
  // rows of pairs and writes the two lists back from them: a row empty on both sides is not sent, and a side left
  // empty leaves that item out, so that the validator (not this page) says which translation is missing.
  const pairsOf = new WeakMap();
  const pairs = (notice, key) => {
    const model = pairsOf.get(notice) || {};
    pairsOf.set(notice, model);
    if (!model[key]) {
      const zh = notice[key] || [];
      const en = notice[key + 'En'] || [];
      model[key] = Array.from({ length: Math.max(zh.length, en.length) }, (_, i) => ({ zh: zh[i] || '', en: en[i] || '' }));
    }
    return model[key];
  };
  const writePairs = (notice, key) => {
    const rows = pairs(notice, key).filter((r) => r.zh.trim() || r.en.trim());
    notice[key] = rows.filter((r) => r.zh.trim()).map((r) => r.zh);
    notice[key + 'En'] = rows.filter((r) => r.en.trim()).map((r) => r.en);
    changed();
  };
  const pairInput = (row, side, label, onEdit) => {
    const node = Q.el('input', { type: 'text', 'aria-label': label, 'data-field': side, lang: side === 'zh' ? 'zh-CN' : 'en', value: row[side] });
    node.addEventListener('input', () => { row[side] = node.value; onEdit(); });
    return node;
  };
  const noticeList = (notice, key, title, addKey) => {
    const rows = pairs(notice, key);
    const edit = () => writePairs(notice, key);
    const move = (i, by) => { rows.splice(i + by, 0, rows.splice(i, 1)[0]); edit(); renderNotice(); };
    const button = (cls, text, onclick, disabled, label) => Q.el('button', { type: 'button', class: cls, text, onclick, disabled, 'aria-label': label });
    return Q.el('div', { class: 'notice-list', 'data-list': key },
      Q.el('h3', { text: Q.t(title) }),
      Q.el('table', { class: 'grid pairs' },
        Q.el('thead', {}, Q.el('tr', {}, Q.el('th', { text: '#' }), Q.el('th', { text: Q.t('inZh') }), Q.el('th', { text: Q.t('inEn') }), Q.el('th'))),
        Q.el('tbody', {}, rows.map((r, i) => {
          const name = `${Q.t(title)} ${Q.t('item', { n: i + 1 })}`;
          return Q.el('tr', { 'data-item': i },
            Q.el('td', { class: 'center', text: String(i + 1) }),
            Q.el('td', {}, pairInput(r, 'zh', `${name} ${Q.t('inZh')}`, edit)),
            Q.el('td', {}, pairInput(r, 'en', `${name} ${Q.t('inEn')}`, edit)),
            Q.el('td', { class: 'row-buttons' },
              button('move-up', '↑', () => move(i, -1), i === 0, `${Q.t('moveUp')} ${name}`),
              button('move-down', '↓', () => move(i, 1), i === rows.length - 1, `${Q.t('moveDown')} ${name}`),
              button('remove', Q.t('remove'), () => { rows.splice(i, 1); edit(); renderNotice(); })));
        }))),
      button('add', Q.t(addKey), () => { rows.push({ zh: '', en: '' }); renderNotice(); }));
  };
  const noticeText = (notice, key, title) => {
    const one = (k, lang) => {
      const node = Q.el('input', { type: 'text', 'aria-label': `${Q.t(title)} ${Q.t(lang === 'en' ? 'inEn' : 'inZh')}`, 'data-field': k, lang: lang === 'en' ? 'en' : 'zh-CN', value: notice[k] || '', placeholder: Q.t(lang === 'en' ? 'inEn' : 'inZh') });
      node.addEventListener('input', () => { notice[k] = node.value.trim() ? node.value : null; changed(); });
      return node;
    };
    return Q.el('div', { class: 'notice-text', 'data-text': key },
      Q.el('h3', { text: Q.t(title) }),
      Q.el('div', { class: 'pair' }, one(key, 'zh'), one(key + 'En', 'en')));
  };
  const renderNotice = () => {
    const pick = Q.$('notice-theme');
    const themes = cfg.themes;
    if (!themes.some((t) => t.code === noticeCode)) noticeCode = themes.length ? themes[0].code : null;
    Q.fill(pick, themes.map((t) => Q.el('option', { value: t.code, selected: t.code === noticeCode, text: `${t.code} ${Q.name(t)}${t.notice ? Q.t('noticeSet') : ''}` })));
    pick.setAttribute('aria-label', Q.t('noticeTheme'));
    const theme = themes.find((t) => t.code === noticeCode);
    Q.$('notice-on').checked = !!(theme && theme.notice);
    Q.$('notice-on').disabled = !theme;
    Q.$('notice-on').setAttribute('aria-label', Q.t('noticeOn'));
    if (!theme || !theme.notice) { Q.fill(Q.$('notice-editor'), theme ? null : Q.el('p', { class: 'hint', text: Q.t('noThemes') })); return; }
    const n = theme.notice;
    Q.fill(Q.$('notice-editor'),
      noticeList(n, 'materials', 'noticeMaterials', 'addMaterial'),
      Q.el('div', { class: 'notice-side' }, noticeText(n, 'fees', 'noticeFees'), noticeText(n, 'timeToComplete', 'noticeTime')),
      noticeList(n, 'notes', 'noticeNotes', 'addNote'));
  };

  // 分时段预约: the hall's booking settings in cfg.booking. A hall without its own shows the defaults the API answers,
  // and takes them as its own at the first edit.
  const percent = (obj, key, o) => {
    const node = Q.el('input', { type: 'number', step: '1', min: 0, 'aria-label': o.label, class: 'num', 'data-field': key });
    node.value = obj[key] === undefined || obj[key] === null ? '' : String(Math.round(obj[key] * 1000) / 10);
    if (o.placeholder) node.placeholder = o.placeholder;
    node.addEventListener('input', () => {
      obj[key] = node.value === '' ? null : Number(node.value) / 100;
      if (o.then) o.then();
      changed();
    });
    return node;
  };
  const renderBooking = () => {
    const b = cfg.booking || JSON.parse(JSON.stringify(bookingShown || {}));
    const own = () => { cfg.booking = b; };
    b.themes = b.themes || [];
    Q.fill(Q.$('booking-fields'),
      Q.el('label', { class: 'check' }, input(b, 'enabled', { type: 'checkbox', label: Q.t('bookingEnabled'), then: own }), Q.el('span', { text: Q.t('bookingEnabled') })),
      labelled('slotMinutes', input(b, 'slotMinutes', { type: 'number', min: 1, label: Q.t('slotMinutes'), then: own })),
      labelled('daysAhead', input(b, 'daysAhead', { type: 'number', min: 0, label: Q.t('daysAhead'), then: own })),
      labelled('defaultShare', percent(b, 'defaultShare', { label: Q.t('defaultShare'), then: own })),
      labelled('checkInEarly', input(b, 'checkInEarlyMinutes', { type: 'number', min: 0, label: Q.t('checkInEarly'), then: own })),
      labelled('checkInLate', input(b, 'checkInLateMinutes', { type: 'number', min: 0, label: Q.t('checkInLate'), then: own })));
    const codes = cfg.themes.map((t) => t.code);
    const orphans = b.themes.filter((e) => !codes.includes(e.themeCode)).map((e) => e.themeCode);
    Q.fill(Q.$('booking-themes'), [...codes, ...orphans].map((code) => {
      const theme = cfg.themes.find((t) => t.code === code);
      let entry = b.themes.find((e) => e.themeCode === code);
      const shown = entry || { themeCode: code, bookable: true };
      const mine = () => { own(); if (!entry) { entry = shown; b.themes.push(entry); } };
      const name = theme ? Q.name(theme) : '—';
      return Q.el('tr', { 'data-booking-theme': code },
        Q.el('td', { text: code }), Q.el('td', { text: name }),
        Q.el('td', { class: 'center' }, input(shown, 'bookable', { type: 'checkbox', label: `${Q.t('bookable')} ${code}`, then: mine })),
        Q.el('td', {}, percent(shown, 'share', { label: `${Q.t('themeShare')} ${code}`, placeholder: Q.t('shareDefault'), then: mine })),
        Q.el('td', {}, input(shown, 'capacity', { type: 'number', min: 0, optional: true, label: `${Q.t('capacity')} ${code}`, cls: 'num', placeholder: Q.t('capacityAuto'), then: mine })),
        Q.el('td', {}, entry ? Q.el('button', { type: 'button', class: 'remove', text: Q.t('remove'),
          onclick: () => { b.themes.splice(b.themes.indexOf(entry), 1); own(); renderBooking(); changed(); } }) : null));
    }));
  };

  // 最多跑一次 (in the configuration) and the cases' deadlines (the cases' own settings, saved by the same button).
  const renderCases = () => {
    Q.fill(Q.$('onetrip-fields'), labelled('oneTripDays', input(cfg, 'oneTripDays', { type: 'number', min: 1, label: Q.t('oneTripDays') })));
    if (!deadlines) { Q.fill(Q.$('deadline-fields')); return; }
    const day = (key, label) => {
      const node = Q.el('input', { type: 'number', min: 1, step: '1', 'aria-label': Q.t(label), 'data-field': key, value: String(deadlines[key]) });
      node.addEventListener('input', () => { deadlines[key] = node.value === '' ? null : Number(node.value); deadlinesDirty = true; say('unsaved'); check(); });
      return labelled(label, node);
    };
    Q.fill(Q.$('deadline-fields'), day('followUpWorkingDays', 'followUpDays'), day('notDoneWorkingDays', 'notDoneDays'));
  };
  const deadlinesError = (error) => {
    Q.$('deadlines-error').textContent = error ? Q.errorText(error) : '';
    Q.show(Q.$('deadlines-error'), !!error);
    Q.$('cases-card').classList.toggle('has-error', !!error);
  };
  const renderThemeParts = () => { renderNotice(); renderBooking(); };

  const profileThemes = (w) => {
    const node = Q.el('input', { type: 'text', 'aria-label': Q.t('profileThemes'), 'data-field': 'profileThemes', value: (w.profile.themes || []).join(','), disabled: w.profile.kind === 'Comprehensive' });
    node.addEventListener('input', () => { w.profile.themes = node.value.split(/[,，\s]+/).map((s) => s.trim()).filter(Boolean); changed(); });
    return node;
  };
  const renderWindows = () => Q.fill(Q.$('windows'), cfg.windows.map((w) => {
    w.profile = w.profile || { kind: 'Comprehensive', themes: [] };
    const themes = profileThemes(w);
    return Q.el('tr', { 'data-window': w.windowNo },
      Q.el('td', {}, input(w, 'windowNo', { type: 'number', min: 1, label: Q.t('windowNo'), cls: 'num' })),
      Q.el('td', {}, select(w, 'zoneId', zoneIds(), zoneName, Q.t('zone'))),
      Q.el('td', {}, select(w.profile, 'kind', KINDS, (k) => Q.t(k), Q.t('profileKind'), () => {
        if (w.profile.kind === 'Comprehensive') w.profile.themes = [];
        themes.value = (w.profile.themes || []).join(',');
        themes.disabled = w.profile.kind === 'Comprehensive';
      })),
      Q.el('td', {}, themes),
      Q.el('td', {}, input(w, 'label', { label: Q.t('label') })),
      Q.el('td', { class: 'center' }, input(w, 'tidal', { type: 'checkbox', label: Q.t('tidal') })),
      Q.el('td', {}, removeButton(cfg.windows, w, renderAll)));
  }));

  // A week's periods (the hall's, or a zone's own) as rows of day, opens, closes and a note.
  const weekTable = (week, caption, extra, scope) => Q.el('div', { class: 'week', 'data-week': scope },
    Q.el('h3', { text: caption }), extra || null,
    Q.el('table', { class: 'grid periods' },
      Q.el('thead', {}, Q.el('tr', {}, ...['day', 'opens', 'closes', 'label2'].map((k) => Q.el('th', { text: Q.t(k) })), Q.el('th'))),
      Q.el('tbody', {}, week.map((p) => Q.el('tr', {},
        Q.el('td', {}, select(p, 'day', DAYS, dayName, Q.t('day'))),
        Q.el('td', {}, input(p, 'opens', { type: 'time', label: Q.t('opens') })),
        Q.el('td', {}, input(p, 'closes', { type: 'time', label: Q.t('closes') })),
        Q.el('td', {}, input(p, 'label', { label: Q.t('label2') })),
        Q.el('td', {}, removeButton(week, p, renderCalendar)))))),
    Q.el('div', { class: 'row-buttons' },
      Q.el('button', { type: 'button', class: 'add', text: Q.t('addPeriod'), onclick: () => { week.push({ day: 'Monday', opens: '09:00:00', closes: '17:00:00' }); renderCalendar(); changed(); } }),
      Q.el('button', { type: 'button', class: 'add all-day', text: Q.t('allDay24'),
        onclick: () => { week.splice(0, week.length, ...DAYS.map((day) => ({ day, opens: '00:00:00', closes: '00:00:00', label: '24h' }))); renderCalendar(); changed(); } })));

  const dateTable = (list, kind) => Q.el('div', { class: 'dates' },
    Q.el('h3', { text: Q.t(kind === 'closed' ? 'closedDays' : 'workingDays') }),
    Q.el('div', { class: 'table-scroll dates-scroll', tabindex: '0', role: 'region', 'aria-label': Q.t(kind === 'closed' ? 'closedDays' : 'workingDays') },
      Q.el('table', { class: 'grid' },
        Q.el('thead', {}, Q.el('tr', {}, Q.el('th', { text: Q.t('date') }), kind === 'working' ? Q.el('th', { text: Q.t('follows') }) : null, Q.el('th', { text: Q.t('label2') }), Q.el('th'))),
        Q.el('tbody', { 'data-dates': kind }, list.map((d) => Q.el('tr', {},
          Q.el('td', {}, input(d, 'date', { type: 'date', label: Q.t('date') })),
          kind === 'working' ? Q.el('td', {}, select(d, 'follows', DAYS, dayName, Q.t('follows'))) : null,
          Q.el('td', {}, input(d, 'name', { label: Q.t('label2') })),
          Q.el('td', {}, removeButton(list, d, renderCalendar))))))),
    Q.el('button', { type: 'button', class: 'add', text: Q.t(kind === 'closed' ? 'addClosed' : 'addWorking'), onclick: () => {
      list.push(kind === 'closed' ? { date: '', name: '' } : { date: '', follows: 'Monday', name: '' });
      renderCalendar(); changed();
    } }));

  // The shipped default for this year and the next: copied into the hall's own lists, where the manager edits it.
  const loadShipped = () => {
    const year = new Date().getFullYear();
    const years = shipped.filter((y) => y.number === year || y.number === year + 1);
    const c = cfg.calendar;
    const have = new Set([...c.closed, ...c.workingDays].map((d) => d.date));
    for (const y of years) {
      for (const d of y.closed) if (!have.has(d.date)) c.closed.push({ date: d.date, name: d.name });
      for (const d of y.workingDays) if (!have.has(d.date)) c.workingDays.push({ date: d.date, follows: d.follows, name: d.name });
    }
    c.closed.sort((a, b) => String(a.date).localeCompare(String(b.date)));
    c.workingDays.sort((a, b) => String(a.date).localeCompare(String(b.date)));
    c.useDefaultHolidays = false;
    renderCalendar();
    changed();
  };

  const renderCalendar = () => {
    const box = Q.$('calendar');
    Q.$('use-calendar').checked = !!cfg.calendar;
    if (!cfg.calendar) { Q.fill(box); return; }
    const c = cfg.calendar;
    for (const key of ['week', 'zones', 'closed', 'workingDays']) c[key] = c[key] || [];
    const free = zoneIds().filter((id) => !c.zones.some((z) => z.zoneId === id));
    const pick = Q.el('select', { 'aria-label': Q.t('addZoneWeek'), id: 'zone-week-pick' }, free.map((id) => Q.el('option', { value: id, text: zoneName(id) })));
    const years = shipped.map((y) => Q.t('shippedYear', { year: y.number, prov: y.provisional ? Q.t('provisional') : '', closed: y.closed.length, working: y.workingDays.length }));
    Q.fill(box,
      weekTable(c.week, Q.t('hallWeek'), null, 'hall'),
      c.zones.map((z) => weekTable(z.week = z.week || [], Q.t('zoneWeek', { zone: zoneName(z.zoneId) }), Q.el('div', { class: 'zone-week-head' },
        Q.el('label', { class: 'check' }, input(z, 'ignoresHolidays', { type: 'checkbox', label: Q.t('ignoresHolidays') }), Q.el('span', { text: Q.t('ignoresHolidays') })),
        Q.el('button', { type: 'button', class: 'remove', text: Q.t('removeZoneWeek'), onclick: () => { c.zones.splice(c.zones.indexOf(z), 1); renderCalendar(); changed(); } })), z.zoneId)),
      free.length ? Q.el('div', { class: 'row-buttons' }, Q.el('label', {}, Q.el('span', { text: Q.t('addZoneWeek') + ' ' }), pick),
        Q.el('button', { type: 'button', id: 'add-zone-week', class: 'add', text: Q.t('addPeriod'), onclick: () => {
          c.zones.push({ zoneId: pick.value, week: [], ignoresHolidays: false }); renderCalendar(); changed();
        } })) : null,
      Q.el('div', { class: 'holidays' },
        Q.el('label', { class: 'check' }, input(c, 'useDefaultHolidays', { type: 'checkbox', label: Q.t('useDefaultHolidays') }), Q.el('span', { text: Q.t('useDefaultHolidays') })),
        Q.el('p', { class: 'hint', id: 'shipped', text: Q.t('shipped', { years: years.join('；') }) }),
        Q.el('button', { type: 'button', id: 'load-shipped', class: 'add', text: Q.t('loadShipped'), onclick: loadShipped })),
      Q.el('div', { class: 'date-lists' }, dateTable(c.closed, 'closed'), dateTable(c.workingDays, 'working')));
  };

  // Zone ids changed: the selects that list zones follow.
  const renderRefs = () => { renderThemes(); renderWindows(); renderCalendar(); };
  const renderAll = () => { renderHall(); renderPolicy(); renderZones(); renderRefs(); renderThemeParts(); renderCases(); };

  const showVersion = () => { Q.$('version').textContent = Q.t('version', { v: version }); };

  const load = async () => {
    const got = await call('GET', hallPath);
    [bookingShown, deadlines] = await Promise.all([
      call('GET', `${hallPath}/booking/settings`).then((r) => r.data),
      call('GET', `${hallPath}/cases/settings`).then((r) => r.data)]);
    deadlinesDirty = false;
    deadlinesError(null);
    cfg = got.data;
    version = got.version || 0;
    for (const key of ['zones', 'themes', 'windows']) cfg[key] = cfg[key] || [];
    dirty = false;
    showErrors(null);
    Q.$('hall-name').textContent = Q.name(cfg);
    document.title = `${Q.name(cfg)} · ${Q.t('title')}`;
    showVersion();
    renderAll();
    say('loaded', { v: version });
  };

  const save = async () => {
    Q.$('save').disabled = true;
    say('saving');
    try {
      const savedConfig = dirty || !deadlinesDirty;
      if (savedConfig) {
        const got = await call('PUT', hallPath, cfg, { 'if-match': `"v${version}"` });
        version = got.version || version + 1;
        dirty = false;
        showErrors(null);
        showVersion();
      }
      if (deadlinesDirty) {
        try {
          deadlines = (await call('PUT', `${hallPath}/cases/settings`, deadlines)).data;
          deadlinesDirty = false;
          deadlinesError(null);
          renderCases();
        } catch (error) {
          deadlinesError(error);
          say(savedConfig ? 'deadlinesRefused' : 'deadlinesOnlyRefused', null, { bad: true });
          return;
        }
      }
      say('saved', { v: version }, { good: true });
    } catch (error) {
      if (error.code === 'config-version') {
        said = { key: 'conflict', bad: true };
        sayNow();
        Q.$('error').textContent = `${Q.t('conflict')} (${Q.errorText(error)})`;
        Q.show(Q.$('error'), true);
      } else {
        showErrors(error);
        said = { error };
        sayNow();
      }
    } finally {
      Q.$('save').disabled = false;
    }
  };

  const main = async () => {
    Q.$('to-manager').href = `/manager/${encodeURIComponent(hallId)}`;
    try {
      if ((await Q.session(Q.$('session'))).kind === 'Anonymous') return; // on the way to /login
      shipped = await Q.api('GET', `${hallPath}/holidays`).catch(() => []);
      await load();
    } catch (error) {
      Q.$('hall-name').textContent = Q.errorText(error);
      return;
    }
    Q.show(Q.$('config-main'), true);
    Q.show(Q.$('save-bar'), true);
    Q.$('add-zone').addEventListener('click', () => { cfg.zones.push({ zoneId: '', name: '', nameEn: '' }); renderAll(); changed(); });
    Q.$('add-theme').addEventListener('click', () => {
      cfg.themes.push({ code: '', name: '', nameEn: '', prefix: '', zoneId: zoneIds()[0] || '', targetMinutes: 30, expectedServiceMinutes: 10 });
      renderThemes(); renderThemeParts(); changed();
    });
    Q.$('notice-theme').addEventListener('change', () => { noticeCode = Q.$('notice-theme').value; renderNotice(); });
    Q.$('notice-on').addEventListener('change', () => {
      const theme = cfg.themes.find((t) => t.code === noticeCode);
      if (!theme) return;
      theme.notice = Q.$('notice-on').checked ? { materials: [], materialsEn: [], notes: [], notesEn: [] } : null;
      renderNotice(); changed();
    });
    Q.$('add-window').addEventListener('click', () => {
      const next = Math.max(0, ...cfg.windows.map((w) => Number(w.windowNo) || 0)) + 1;
      cfg.windows.push({ windowNo: next, zoneId: zoneIds()[0] || '', profile: { kind: 'Comprehensive', themes: [] }, tidal: false });
      renderWindows(); changed();
    });
    Q.$('use-calendar').addEventListener('change', () => {
      if (Q.$('use-calendar').checked) {
        cfg.calendar = cfg.calendar || { week: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'].map((day) => ({ day, opens: cfg.opens, closes: cfg.closes })), zones: [], closed: [], workingDays: [], useDefaultHolidays: true };
      } else {
        cfg.calendar = null;
      }
      renderCalendar();
      changed();
    });
    Q.$('save').addEventListener('click', save);
    Q.$('reload').addEventListener('click', () => { Q.show(Q.$('error'), false); load().catch((error) => { said = { error }; sayNow(); }); });
    Q.onLang(() => { Q.$('hall-name').textContent = Q.name(cfg); showVersion(); renderAll(); sayNow(); validate(); });
  };
  main();
})();
