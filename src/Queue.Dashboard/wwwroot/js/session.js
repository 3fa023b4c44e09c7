// Who is signed in (GET /api/auth/me), shown as a small bar on the staff and manager pages: the name and role,
// 修改密码 (change password) and 退出 (sign out). A person page opened by nobody goes to /login at once.
(function () {
  'use strict';
  const Q = (window.Q = window.Q || {});

  Q.words({
    'role.Anonymous': '未登录', 'role.Kiosk': '取号机', 'role.Board': '叫号屏', 'role.Staff': '工作人员', 'role.Manager': '大厅管理员',
    'role.Administrator': '系统管理员', 'session.signIn': '登录', 'session.signOut': '退出', 'session.changePassword': '修改密码',
    'session.current': '当前密码', 'session.new': '新密码（12–128 位）', 'session.again': '再次输入新密码', 'session.cancel': '取消',
    'session.save': '保存', 'session.mismatch': '两次输入的新密码不一致', 'session.tooShort': '新密码至少 12 位',
    'session.changed': '密码已修改', 'session.hint': '修改后，本账号在其他设备上的登录将失效。', 'session.admin': '账号与设备',
  }, {
    'role.Anonymous': 'Not signed in', 'role.Kiosk': 'Kiosk', 'role.Board': 'Board', 'role.Staff': 'Staff', 'role.Manager': 'Hall manager',
    'role.Administrator': 'Administrator', 'session.signIn': 'Sign in', 'session.signOut': 'Sign out', 'session.changePassword': 'Change password',
    'session.current': 'Current password', 'session.new': 'New password (12–128 characters)', 'session.again': 'New password again',
    'session.cancel': 'Cancel', 'session.save': 'Save', 'session.mismatch': 'The two new passwords differ',
    'session.tooShort': 'The new password needs at least 12 characters', 'session.changed': 'Password changed',
    'session.hint': 'Your sign-ins on other devices end with the change.', 'session.admin': 'Accounts and devices',
  });

  let me = null;
  Q.me = () => (me = me || Q.api('GET', '/api/auth/me').catch((error) => { me = null; throw error; }));
  Q.isPerson = (caller) => ['Staff', 'Manager', 'Administrator'].includes(caller && caller.kind);

  const signOut = async () => {
    try {
      await Q.api('POST', '/api/auth/logout');
    } finally {
      location.assign(Q.signInUrl());
    }
  };

  const changePassword = (flash) => {
    const field = (key, autocomplete) => {
      const input = Q.el('input', { type: 'password', autocomplete, required: true, maxlength: 128 });
      return { input, label: Q.el('label', {}, Q.el('span', { text: Q.t(key) }), input) };
    };
    const current = field('session.current', 'current-password');
    const next = field('session.new', 'new-password');
    const again = field('session.again', 'new-password');
    const error = Q.el('div', { class: 'error-bar', hidden: true });
    const dialog = Q.el('dialog', { class: 'session-dialog', id: 'password-dialog' });
    const close = () => { dialog.close(); dialog.remove(); };
    const form = Q.el('form', { method: 'dialog' },
      Q.el('h2', { text: Q.t('session.changePassword') }),
      current.label, next.label, again.label,
      Q.el('p', { class: 'hint', text: Q.t('session.hint') }),
      error,
      Q.el('div', { class: 'dialog-actions' },
        Q.el('button', { type: 'button', text: Q.t('session.cancel'), onclick: close }),
        Q.el('button', { type: 'submit', class: 'primary', text: Q.t('session.save') })));
    const fail = (text) => { error.textContent = text; error.hidden = false; };
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      if ([...next.input.value].length < 12) return fail(Q.t('session.tooShort'));
      if (next.input.value !== again.input.value) return fail(Q.t('session.mismatch'));
      try {
        await Q.api('POST', '/api/auth/password', { currentPassword: current.input.value, newPassword: next.input.value });
        close();
        flash(Q.t('session.changed'));
      } catch (err) {
        fail(Q.errorText(err));
      }
    });
    dialog.addEventListener('cancel', close);
    dialog.append(form);
    document.body.append(dialog);
    dialog.showModal();
    current.input.focus();
  };

  // Fills `node` with the bar and answers the caller. A person page seen by nobody signs in first.
  Q.session = async (node) => {
    const caller = await Q.me();
    if (caller.kind === 'Anonymous' && Q.refused({ code: 'unauthorized' })) return caller;
    let flashed = '';
    const render = () => {
      const name = Q.el('span', { class: 'session-name', text: caller.kind === 'Anonymous' ? '' : caller.displayName });
      const roleText = Q.t('role.' + caller.kind);
      const role = caller.displayName.includes(roleText) ? null : Q.el('span', { class: 'session-role', text: roleText });
      const manages = (caller.kind === 'Manager' || caller.kind === 'Administrator') && location.pathname !== '/admin';
      const actions = Q.isPerson(caller)
        ? [manages ? Q.el('a', { class: 'session-admin', href: '/admin' + (caller.hallId ? '?hall=' + encodeURIComponent(caller.hallId) : ''), text: Q.t('session.admin') }) : null,
          Q.el('button', { type: 'button', class: 'session-password', text: Q.t('session.changePassword'), onclick: () => changePassword(flash) }),
          Q.el('button', { type: 'button', class: 'session-sign-out', text: Q.t('session.signOut'), onclick: signOut })]
        : [Q.el('a', { class: 'session-sign-in', href: Q.signInUrl(), text: Q.t('session.signIn') })];
      Q.fill(node, name, role, flashed ? Q.el('span', { class: 'session-flash', text: flashed }) : null, actions);
      node.classList.add('session');
      node.dataset.kind = caller.kind;
    };
    const flash = (text) => {
      flashed = text;
      render();
      setTimeout(() => { flashed = ''; render(); }, 4000);
    };
    render();
    Q.onLang(render);
    return caller;
  };
})();
