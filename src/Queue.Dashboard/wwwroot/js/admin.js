// Accounts and devices (账号与设备): /admin[?hall={hallId}], for a hall's manager (the hall's staff accounts and its
// kiosks and boards) and for administrators (every hall, every account). A generated password and a device's link
// are shown once, in a box to copy from: the server keeps only their hashes and can never show them again. A device
// whose link is lost gets a new one (重新生成链接): the old token stops working at once.
(function () {
  'use strict';
  let me = null;
  let halls = []; // [{ hallId, name, nameEn }]
  let hallId = null;
  let accounts = [];
  let devices = [];
  const secrets = { account: null, device: null }; // what the one-time boxes show: { title, value, note }
  let noticeTimer = null;

  const enc = encodeURIComponent;
  const td = (text, cls) => Q.el('td', { text, class: cls });
  const hallName = (id) => Q.name(halls.find((h) => h.hallId === id)) || id;
  const time = (at) => (at ? new Date(at).toLocaleString(Q.lang() === 'en' ? 'en-GB' : 'zh-CN', {
    timeZone: 'Asia/Shanghai', hour12: false, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
  }) : '');

  const setError = (text) => { Q.$('error').textContent = text || ''; Q.show(Q.$('error'), !!text); };
  const notice = (text) => {
    Q.$('notice').textContent = text;
    Q.show(Q.$('notice'), true);
    clearTimeout(noticeTimer);
    noticeTimer = setTimeout(() => Q.show(Q.$('notice'), false), 5000);
  };
  // Runs an action, showing its refusal in the page's language.
  const attempt = async (action) => {
    try {
      await action();
      setError('');
    } catch (error) {
      setError(Q.errorText(error));
    }
  };

  // The one-time box: a read-only field to copy from, a copy button and the note that it will not be shown again.
  const copy = async (input, button) => {
    input.focus();
    input.select();
    let done = false;
    try {
      if (navigator.clipboard && window.isSecureContext) {
        await navigator.clipboard.writeText(input.value);
        done = true;
      }
    } catch { /* no clipboard permission: try the selection */ }
    if (!done) {
      try { done = document.execCommand('copy'); } catch { done = false; }
    }
    button.textContent = Q.t(done ? 'copied' : 'copyManually');
  };
  const renderSecret = (which) => {
    const box = Q.$(which + '-secret');
    const shown = secrets[which];
    Q.show(box, !!shown);
    if (!shown) {
      Q.fill(box);
      return;
    }
    const input = Q.el('input', { class: 'secret-value', readonly: true, value: shown.value, spellcheck: 'false', 'aria-label': shown.title() });
    input.addEventListener('focus', () => input.select());
    const button = Q.el('button', { type: 'button', class: 'secret-copy', text: Q.t('copy') });
    button.addEventListener('click', () => copy(input, button));
    Q.fill(box,
      Q.el('div', { class: 'secret-title', text: shown.title() }),
      Q.el('div', { class: 'secret-row' }, input, button),
      Q.el('p', { class: 'secret-note', text: Q.t(shown.note) }),
      Q.el('button', { type: 'button', class: 'secret-dismiss', text: Q.t('dismiss'), onclick: () => { secrets[which] = null; renderSecret(which); } }));
  };
  const showSecret = (which, title, value, note) => {
    secrets[which] = { title, value, note };
    renderSecret(which);
    Q.$(which + '-secret').querySelector('.secret-value').select();
  };

  // Accounts. Administrators manage everyone; a manager the staff of their own hall. Nobody disables themselves here.
  const mayManage = (a) => a.userName !== me.id &&
    (me.kind === 'Administrator' || (me.kind === 'Manager' && a.role === 'Staff' && a.hallId === me.hallId));

  const accountActions = (a) => {
    if (a.userName === me.id) return Q.t('self');
    if (!mayManage(a)) return null;
    const reset = () => attempt(async () => {
      if (!confirm(Q.t('confirmReset', { user: a.userName }))) return;
      const result = await Q.api('POST', `/api/accounts/${enc(a.userName)}/password`, {});
      showSecret('account', () => Q.t('resetFor', { user: a.userName }), result.password, 'passwordNote');
    });
    const toggle = () => attempt(async () => {
      if (!a.disabled && !confirm(Q.t('confirmDisable', { user: a.userName }))) return;
      await Q.api('POST', `/api/accounts/${enc(a.userName)}/${a.disabled ? 'enable' : 'disable'}`);
      notice(Q.t(a.disabled ? 'enabled_ok' : 'disabled_ok', { user: a.userName }));
      await loadAccounts();
    });
    return [
      Q.el('button', { type: 'button', class: 'reset', text: Q.t('resetPassword'), onclick: reset }),
      Q.el('button', { type: 'button', class: a.disabled ? 'enable' : 'disable', text: Q.t(a.disabled ? 'enable' : 'disable'), onclick: toggle }),
    ];
  };

  const renderAccounts = () => {
    Q.fill(Q.$('accounts'), accounts.length === 0
      ? Q.el('tr', {}, Q.el('td', { colspan: 7, class: 'empty', text: Q.t('noAccounts') }))
      : accounts.map((a) => Q.el('tr', { 'data-user': a.userName, class: a.disabled ? 'off' : '' },
        td(a.userName, 'mono'), td(a.displayName), td(Q.t('role.' + a.role)), td(a.hallId ? hallName(a.hallId) : '—'),
        td(Q.t(a.disabled ? 'disabled' : 'active'), a.disabled ? 'state off' : 'state on'),
        td(Q.t('by', { at: time(a.createdAt), by: a.createdBy }), 'muted'),
        Q.el('td', { class: 'row-actions' }, accountActions(a)))));
  };

  const loadAccounts = async () => {
    const all = me.kind === 'Administrator' && Q.$('all-accounts').checked;
    accounts = await Q.api('GET', all ? '/api/accounts' : `/api/accounts?hallId=${enc(hallId)}`);
    renderAccounts();
  };

  const renderRoles = () => {
    const roles = me.kind === 'Administrator' ? ['Staff', 'Manager', 'Administrator'] : ['Staff'];
    const current = Q.$('new-role').value || 'Staff';
    Q.fill(Q.$('new-role'), roles.map((r) => Q.el('option', { value: r, text: Q.t('role.' + r), selected: r === current })));
  };

  Q.$('account-form').addEventListener('submit', (e) => {
    e.preventDefault();
    attempt(async () => {
      const body = { userName: Q.$('new-user').value.trim(), displayName: Q.$('new-name').value.trim(), role: Q.$('new-role').value, hallId };
      const result = await Q.api('POST', '/api/accounts', body);
      Q.$('account-form').reset();
      renderRoles();
      showSecret('account', () => Q.t('passwordFor', { user: result.account.userName }), result.password, 'passwordNote');
      notice(Q.t('created_ok', { user: result.account.userName }));
      await loadAccounts();
    });
  });
  Q.$('all-accounts').addEventListener('change', () => attempt(loadAccounts));

  // Devices: a kiosk or a board of the hall, registered with a name; revoked ones stay listed, greyed.
  const renderDevices = () => {
    Q.fill(Q.$('devices'), devices.length === 0
      ? Q.el('tr', {}, Q.el('td', { colspan: 6, class: 'empty', text: Q.t('noDevices') }))
      : devices.map((d) => Q.el('tr', { 'data-device': d.deviceId, class: d.revoked ? 'revoked' : '' },
        td(d.name), td(Q.t('kind.' + d.kind)), td(d.deviceId, 'mono'),
        td(Q.t('by', { at: time(d.createdAt), by: d.createdBy }), 'muted'),
        td(d.revoked ? Q.t('revokedAt', { at: time(d.revokedAt), by: d.revokedBy || '' }) : Q.t('inUse'), d.revoked ? 'state off' : 'state on'),
        Q.el('td', { class: 'row-actions' }, d.revoked ? null : [Q.el('button', {
          type: 'button', class: 'rotate', text: Q.t('rotate'),
          onclick: () => attempt(async () => {
            if (!confirm(Q.t('confirmRotate', { name: d.name }))) return;
            const result = await Q.api('POST', `/api/halls/${enc(hallId)}/devices/${enc(d.deviceId)}/rotate`);
            showSecret('device', () => Q.t('linkFor', { kind: Q.t('kind.' + d.kind), name: d.name }), result.url || location.origin + result.link, 'linkNote');
            notice(Q.t('rotated_ok', { name: d.name }));
            await loadDevices();
          }),
        }), Q.el('button', {
          type: 'button', class: 'revoke danger', text: Q.t('revoke'),
          onclick: () => attempt(async () => {
            if (!confirm(Q.t('confirmRevoke', { name: d.name }))) return;
            await Q.api('POST', `/api/halls/${enc(hallId)}/devices/${enc(d.deviceId)}/revoke`);
            notice(Q.t('revoked_ok', { name: d.name }));
            await loadDevices();
          }),
        })]))));
  };

  const loadDevices = async () => {
    devices = await Q.api('GET', `/api/halls/${enc(hallId)}/devices`);
    renderDevices();
  };

  Q.$('device-form').addEventListener('submit', (e) => {
    e.preventDefault();
    attempt(async () => {
      const kind = Q.$('device-kind').value;
      const result = await Q.api('POST', `/api/halls/${enc(hallId)}/devices`, { kind, name: Q.$('device-name').value.trim() });
      Q.$('device-name').value = '';
      const name = result.device.name;
      showSecret('device', () => Q.t('linkFor', { kind: Q.t('kind.' + kind), name }), result.url || location.origin + result.link, 'linkNote');
      notice(Q.t('registered_ok', { name }));
      await loadDevices();
    });
  });

  // Halls: an administrator picks any; a manager has their own.
  const renderHalls = () => {
    Q.fill(Q.$('hall'), halls.map((h) => Q.el('option', { value: h.hallId, text: Q.name(h) || h.hallId, selected: h.hallId === hallId })));
    Q.$('hall').disabled = halls.length < 2;
    Q.$('hall-title').textContent = hallId ? hallName(hallId) : '';
  };

  const loadHalls = async () => {
    const listed = me.kind === 'Administrator' ? await Q.api('GET', '/api/halls') : [me.hallId];
    const ids = listed.map((h) => (typeof h === 'string' ? h : h.hallId));
    halls = await Promise.all(ids.map((id) => Q.api('GET', `/api/halls/${enc(id)}`)
      .then((c) => ({ hallId: id, name: c.name, nameEn: c.nameEn }))
      .catch(() => ({ hallId: id, name: id }))));
    const wanted = Q.query('hall');
    hallId = halls.some((h) => h.hallId === wanted) ? wanted : halls.length ? halls[0].hallId : null;
  };

  const showHall = async () => {
    secrets.account = secrets.device = null;
    renderSecret('account');
    renderSecret('device');
    renderHalls();
    await Promise.all([loadAccounts(), loadDevices(), Q.webhooks.show(hallId)]);
  };

  Q.$('hall').addEventListener('change', () => attempt(async () => {
    hallId = Q.$('hall').value;
    const url = new URL(location.href);
    url.searchParams.set('hall', hallId);
    history.replaceState(null, '', url);
    await showHall();
  }));

  const main = async () => {
    try {
      me = await Q.session(Q.$('session'));
    } catch (error) {
      setError(Q.errorText(error));
      return;
    }
    if (me.kind === 'Anonymous') return; // on the way to /login
    if (me.kind !== 'Manager' && me.kind !== 'Administrator') {
      setError(Q.t('needManager'));
      return;
    }
    Q.show(Q.$('all-accounts-pick'), me.kind === 'Administrator');
    renderRoles();
    Q.onLang(() => { renderRoles(); renderHalls(); renderAccounts(); renderDevices(); renderSecret('account'); renderSecret('device'); Q.webhooks.render(); });
    await attempt(async () => {
      await loadHalls();
      Q.show(Q.$('admin-main'), true);
      await showHall();
    });
  };
  main();
})();
