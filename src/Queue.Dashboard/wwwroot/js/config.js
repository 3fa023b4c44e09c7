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

  // Which section a refusal code belongs to (where its message is shown); the rules themselves stay in the API.
  const sectionOf = (code) => {
    if (!code) return null;
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
    Q.el('td', {}, input(t, 'code', { label: Q.t('code'), cls: 'short' })),
    Q.el('td', {}, input(t, 'name', { label: Q.t('nameZh') })),
    Q.el('td', {}, input(t, 'nameEn', { label: Q.t('nameEn') })),
    Q.el('td', {}, input(t, 'prefix', { label: Q.t('prefix'), cls: 'tiny' })),
    Q.el('td', {}, select(t, 'zoneId', zoneIds(), zoneName, Q.t('zone'))),
    Q.el('td', {}, input(t, 'targetMinutes', { type: 'number', min: 1, label: Q.t('target'), cls: 'num' })),
    Q.el('td', {}, input(t, 'expectedServiceMinutes', { type: 'number', step: '0.5', min: 0.5, label: Q.t('service'), cls: 'num' })),
    Q.el('td', {}, input(t, 'issueCutoffMinutes', { type: 'number', min: 0, optional: true, label: Q.t('cutoff'), cls: 'num', placeholder: Q.t('cutoffAuto') })),
    Q.el('td', {}, removeButton(cfg.themes, t, renderAll)))));

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
  const renderAll = () => { renderHall(); renderPolicy(); renderZones(); renderRefs(); };

  const showVersion = () => { Q.$('version').textContent = Q.t('version', { v: version }); };

  const load = async () => {
    const got = await call('GET', hallPath);
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
      const got = await call('PUT', hallPath, cfg, { 'if-match': `"v${version}"` });
      version = got.version || version + 1;
      dirty = false;
      showErrors(null);
      showVersion();
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
      renderThemes(); changed();
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
