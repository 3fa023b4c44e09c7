// The manager page's cases (GET/PATCH /api/halls/{hall}/cases): the follow-ups of real-name 差评 and the 没办成 cases,
// filtered and paged (reloaded on the live CaseOpened/CaseUpdated events and every minute), overdue ones in red with the days over; a dialog changes status (only the moves the API lists in
// `next`), assignee, department and adds a note; the exports are links (the page's cookie signs them in). Citizens'
// comments are only ever set as text.
(function () {
  'use strict';
  const [hallId] = Q.route();
  const base = `/api/halls/${encodeURIComponent(hallId)}/cases`;
  const pageSize = 50;
  const statuses = ['Pending', 'CalledBack', 'Rectifying', 'Open', 'DoneOnSpot', 'Referred', 'Answered', 'Closed'];
  const card = Q.$('cases-card');
  const td = (text, cls) => Q.el('td', { text, class: cls });
  const when = (at) => new Date(at).toLocaleString(Q.lang() === 'en' ? 'en-GB' : 'zh-CN', {
    timeZone: 'Asia/Shanghai', hour12: false, month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
  });
  const field = (key, control) => Q.el('label', {}, Q.el('span', { 'data-i18n': key, text: Q.t(key) }), ' ', control);
  const option = (value, key) => Q.el('option', { value, 'data-i18n': key, text: Q.t(key) });
  const kind = Q.el('select', { id: 'cases-kind' }, option('', 'casesAll'), option('FollowUp', 'caseKind.FollowUp'), option('NotDone', 'caseKind.NotDone'));
  const status = Q.el('select', { id: 'cases-status' }, option('', 'casesAll'), ...statuses.map((s) => option(s, 'caseStatus.' + s)));
  const overdue = Q.el('input', { id: 'cases-overdue', type: 'checkbox' });
  const staff = Q.el('input', { id: 'cases-staff', type: 'text', size: 10 });
  const from = Q.el('input', { id: 'cases-from', type: 'date' });
  const to = Q.el('input', { id: 'cases-to', type: 'date' });
  const csv = Q.el('a', { id: 'cases-csv', class: 'cases-export', 'data-i18n': 'casesExportCsv', text: Q.t('casesExportCsv') });
  const xlsx = Q.el('a', { id: 'cases-xlsx', class: 'cases-export', 'data-i18n': 'casesExportXlsx', text: Q.t('casesExportXlsx') });
  const summary = Q.el('span', { id: 'cases-summary', class: 'cases-summary', role: 'status' });
  const error = Q.el('p', { id: 'cases-error', class: 'cases-error', role: 'alert', hidden: true });
  const body = Q.el('tbody', { id: 'cases-list' });
  const prev = Q.el('button', { type: 'button', 'data-i18n': 'casesPrev', text: Q.t('casesPrev') });
  const next = Q.el('button', { type: 'button', 'data-i18n': 'casesNext', text: Q.t('casesNext') });
  const pageInfo = Q.el('span', { class: 'cases-page' });
  const heads = ['casesId', 'casesKind', 'casesStatus', 'casesOpened', 'casesDeadline', 'number', 'theme', 'window', 'casesStaff', 'casesAbout', 'casesWho', 'casesAssignee', ''];
  let offset = 0;
  let list = null;

  Q.fill(card,
    Q.el('h2', { 'data-i18n': 'cases', text: Q.t('cases') }),
    Q.el('div', { class: 'cases-controls' }, field('casesKind', kind), field('casesStatus', status),
      Q.el('label', {}, overdue, ' ', Q.el('span', { 'data-i18n': 'casesOverdueOnly', text: Q.t('casesOverdueOnly') })),
      field('casesStaff', staff), field('casesFrom', from), field('casesTo', to), csv, xlsx, summary),
    error,
    Q.el('div', { class: 'table-scroll cases-scroll', tabindex: 0, role: 'region', 'aria-label': '回访整改与没办成 / Cases' },
      Q.el('table', { class: 'grid cases-list' }, Q.el('thead', {}, Q.el('tr', {}, ...heads.map((k) => Q.el('th', k ? { 'data-i18n': k, text: Q.t(k) } : {})))), body)),
    Q.el('div', { class: 'cases-pager' }, prev, pageInfo, next));

  const query = () => {
    const q = {};
    if (kind.value) q.kind = kind.value;
    if (status.value) q.status = status.value;
    if (overdue.checked) q.overdue = 'true';
    if (staff.value.trim()) q.staff = staff.value.trim();
    if (from.value) q.from = from.value;
    if (to.value) q.to = to.value;
    const theme = Q.$('theme') && Q.$('theme').value;
    if (theme) q.theme = theme;
    return q;
  };

  const deadline = (c) => {
    if (c.status === 'Closed') return td(c.closedAt ? Q.t('casesClosedOn', { date: when(c.closedAt) }) : c.deadline, 'num');
    return c.overdue
      ? Q.el('td', { class: 'num overdue' }, Q.el('strong', { text: Q.t('casesOverdueDays', { n: c.daysOverdue }) }), ' ', c.deadline)
      : td(Q.t('casesDue', { date: c.deadline }), 'num');
  };

  const about = (c) => (c.kind === 'FollowUp' ? Q.t('level' + c.level) + (c.comment ? '：' + c.comment : '') : c.comment || Q.t('casesNoComment'));

  const render = () => {
    if (!list) return;
    summary.textContent = Q.t('casesSummary', { matching: list.matching, overdue: list.overdueMatching });
    const rows = list.items.map((c) => Q.el('tr', { 'data-case': c.caseId, 'data-overdue': c.overdue ? 'true' : 'false' },
      td(c.caseId, 'num'), td(Q.t('caseKind.' + c.kind)), td(Q.t('caseStatus.' + c.status), 'status'), td(when(c.openedAt), 'num'), deadline(c),
      td(c.displayNumber || '—', 'num'), td((Q.lang() === 'en' && c.themeNameEn ? c.themeNameEn : c.themeName) || c.themeCode),
      td(c.windowNo ? Q.t('windowNo', { no: c.windowNo }) : '—'), td(c.staffId || '—'), td(about(c), 'comment'), td(c.citizenName || '—'),
      td([c.assignee, c.department].filter(Boolean).join(' · ') || '—'),
      Q.el('td', {}, Q.el('button', { type: 'button', class: 'cases-edit', text: Q.t('casesEdit'), onclick: () => edit(c) }))));
    Q.fill(body, rows.length ? rows : [Q.el('tr', {}, Q.el('td', { colspan: heads.length, class: 'empty', text: Q.t('casesNone') }))]);
    pageInfo.textContent = list.matching ? Q.t('casesPage', { from: offset + 1, to: offset + list.items.length }) : '';
    prev.disabled = offset === 0;
    next.disabled = offset + list.items.length >= list.matching;
  };

  const load = async () => {
    const q = query();
    const params = new URLSearchParams(q);
    csv.href = `${base}/export.csv?${params}`;
    xlsx.href = `${base}/export.xlsx?${params}`;
    try {
      list = await Q.api('GET', `${base}?${new URLSearchParams(Object.assign({ offset, limit: pageSize }, q))}`);
      Q.show(error, false);
      render();
    } catch (e) {
      error.textContent = Q.errorText(e);
      Q.show(error, true);
    }
  };

  const edit = (c) => {
    const dialog = Q.el('dialog', { class: 'advice-dialog cases-dialog', id: 'cases-dialog' });
    const choice = Q.el('select', { id: 'cases-edit-status' }, ...[c.status, ...c.next].map((s) => Q.el('option', { value: s, text: Q.t('caseStatus.' + s) })));
    const assignee = Q.el('input', { id: 'cases-edit-assignee', type: 'text', maxlength: 50, value: c.assignee || '' });
    const department = Q.el('input', { id: 'cases-edit-department', type: 'text', maxlength: 50, value: c.department || '' });
    const note = Q.el('textarea', { id: 'cases-edit-note', rows: 3, maxlength: 500 });
    const problem = Q.el('p', { class: 'cases-error', role: 'alert', hidden: true });
    const history = Q.el('ol', { class: 'cases-history' }, ...c.history.map((h) => Q.el('li', {
      text: [when(h.at), h.by, h.status ? Q.t('caseStatus.' + h.status) : '', h.assignee, h.department, h.note].filter(Boolean).join(' · '),
    })));
    const close = () => { dialog.close(); dialog.remove(); };
    const save = async (event) => {
      event.preventDefault();
      const change = { assignee: assignee.value.trim(), note: note.value.trim() || undefined };
      if (choice.value !== c.status) change.status = choice.value;
      if (c.kind === 'NotDone') change.department = department.value.trim();
      try {
        await Q.api('PATCH', `${base}/${encodeURIComponent(c.caseId)}`, change);
        close();
        load();
      } catch (e) {
        problem.textContent = Q.errorText(e);
        Q.show(problem, true);
      }
    };
    dialog.append(Q.el('form', { method: 'dialog', onsubmit: save },
      Q.el('h2', { text: Q.t('casesEditTitle', { id: c.caseId }) }),
      Q.el('p', { class: 'hint', text: `${Q.t('caseKind.' + c.kind)} · ${c.displayNumber || '—'} · ${about(c)}` }),
      field('casesStatus', choice), field('casesAssignee', assignee), c.kind === 'NotDone' ? field('casesDepartment', department) : null,
      field('casesNote', note), problem, Q.el('h3', { text: Q.t('casesHistory') }), history,
      Q.el('div', { class: 'dialog-actions' },
        Q.el('button', { type: 'button', class: 'secondary', text: Q.t('casesCancel'), onclick: close }),
        Q.el('button', { type: 'submit', id: 'cases-edit-save', text: Q.t('casesSave') }))));
    dialog.addEventListener('cancel', () => dialog.remove());
    document.body.append(dialog);
    dialog.showModal();
  };

  const main = async () => {
    await Q.ready;
    for (const control of [kind, status, overdue, from, to, staff]) control.addEventListener('change', () => { offset = 0; load(); });
    if (Q.$('theme')) Q.$('theme').addEventListener('change', () => { offset = 0; load(); });
    prev.addEventListener('click', () => { offset = Math.max(0, offset - pageSize); load(); });
    next.addEventListener('click', () => { offset += pageSize; load(); });
    Q.onLang(render);
    // A case opened or changed (by this page or another manager) comes as a live event: the list reloads soon after.
    const soon = Q.debounce(load, 500);
    Q.caseEvents = (events) => { if (events.some((e) => e.kind === 'CaseOpened' || e.kind === 'CaseUpdated')) soon(); };
    setInterval(load, 60000); // a case opens within seconds of its rating or completion; overdue turns with the day
    load();
  };
  main();
})();
