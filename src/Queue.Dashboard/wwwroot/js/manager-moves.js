// Acting on advice from the manager page. An SLA alert that suggests a window move gets "应用 / Apply"
// (POST /alerts/{theme}/apply: the window takes the theme first by the window's own profile rule, journaled with who);
// each window with an applied move is listed with "撤销 / Undo" (POST /windows/{n}/undo-move). The advice's plan is
// edited window × interval in the what-if's grid (one grid, one apply path: PUT /advice/{date}/plan, then /apply).
(function () {
  'use strict';
  const [hallId] = Q.route();
  const hallPath = `/api/halls/${encodeURIComponent(hallId)}`;
  let config = null;
  let moved = [];
  let said = null;

  const themeName = (code) => Q.name(config && config.themes.find((t) => t.code === code)) || code;
  const profileText = (p) => (!p || p.kind === 'Comprehensive' ? Q.t('comprehensive') : (p.themes || []).map(themeName).join(' → '));
  const say = () => {
    const node = Q.$('moves-status');
    node.textContent = !said ? '' : said.error ? Q.errorText(said.error) : Q.t(said.key, said.params);
    node.classList.toggle('error', !!(said && said.error));
  };

  const renderMoved = () => Q.fill(Q.$('moves-list'), moved.length ? [Q.el('li', { class: 'moves-head', text: Q.t('movedList') }),
    ...moved.map((w) => Q.el('li', { class: 'moved', 'data-window': w.windowNo },
      Q.el('span', { text: Q.t('movedWindow', { no: w.windowNo, themes: profileText(w.profile), before: profileText(w.undoProfile) }) }), ' ',
      Q.el('button', { type: 'button', class: 'move-undo', 'data-window': w.windowNo, text: Q.t('moveUndo'), onclick: () => undo(w.windowNo) })))] : []);

  const loadMoved = async () => {
    const snapshot = await Q.api('GET', `${hallPath}/snapshot`);
    moved = snapshot.windows.filter((w) => w.undoProfile);
    renderMoved();
  };

  const act = async (request, key, params) => {
    try {
      await request();
      said = { key, params };
    } catch (error) {
      said = { error };
    }
    say();
    await Promise.all([loadMoved(), Q.managerAlerts ? Q.managerAlerts.load() : null]).catch(console.warn);
  };
  const apply = (a) => act(() => Q.api('POST', `${hallPath}/alerts/${encodeURIComponent(a.themeCode)}/apply`), 'moveApplied', { no: a.suggestedWindowNo, theme: themeName(a.themeCode) });
  const undo = (no) => act(() => Q.api('POST', `${hallPath}/windows/${no}/undo-move`), 'moveUndone', { no });

  // The alert list's button for an alert with a suggested move (manager.js asks for it when it draws an alert).
  Q.alertActions = (a) => (a.suggestedWindowNo == null ? null : Q.el('button', {
    type: 'button', class: 'move-apply', 'data-theme': a.themeCode, text: Q.t('moveApply'),
    title: Q.t('moveApplyTitle', { no: a.suggestedWindowNo, theme: themeName(a.themeCode) }), onclick: () => apply(a),
  }));

  // Profile changes from anyone (staff, the tidal plan, another manager) refresh the list of applied moves.
  (Q.managerEvents = Q.managerEvents || []).push((events) => {
    if (events.some((e) => e.kind === 'WindowProfileChanged' || e.kind === 'HallConfigured')) loadMoved().catch(console.warn);
  });

  // "Edit the plan": the advice's day, as the what-if's tidal grid, where each cell is chosen; applied from there.
  const editPlan = () => {
    const day = Q.$('advice-date').value;
    Q.$('whatif-plan').value = 'tidal';
    Q.$('whatif-date').value = day;
    Q.$('whatif-date').dispatchEvent(new Event('change'));
    Q.$('advice-status').textContent = Q.t('adviceEditing', { date: day });
    Q.$('whatif-card').scrollIntoView({ behavior: 'smooth', block: 'start' });
  };

  const main = async () => {
    config = await Q.api('GET', hallPath).catch(() => null);
    if (!config) return;
    Q.$('to-config').href = `/config/${encodeURIComponent(hallId)}`;
    Q.$('advice-edit').addEventListener('click', editPlan);
    Q.onLang(() => { renderMoved(); say(); });
    await loadMoved().catch(console.warn);
  };
  main();
})();
