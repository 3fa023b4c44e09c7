// Sign-in (/login?return=/window/binjiang/5): user name and password; on success back to the page that sent the
// browser here (a local path only), else the home page. Someone already signed in may continue or sign out.
(function () {
  'use strict';
  Q.words({
    brand: 'Queue 排队叫号', title: '工作人员登录', userName: '用户名', password: '密码', submit: '登录', signingIn: '正在登录…',
    continue: '继续', signOut: '退出登录', signedInAs: '当前已登录：{name}（{role}）',
    hint: '窗口工作人员、大厅管理员和系统管理员在此登录。取号机和叫号屏无需登录：用管理员登记设备时给出的链接打开即可。',
  }, {
    brand: 'Queue', title: 'Staff sign-in', userName: 'User name', password: 'Password', submit: 'Sign in', signingIn: 'Signing in…',
    continue: 'Continue', signOut: 'Sign out', signedInAs: 'Signed in as {name} ({role})',
    hint: 'Window staff, hall managers and administrators sign in here. Kiosks and boards need no sign-in: open them with the link given when a manager registered the device.',
  });

  const target = Q.safeReturn(Q.query('return'));
  let caller = null;
  let failure = null; // the last refusal, shown again in the other language on a switch

  const setError = (error) => {
    failure = error;
    Q.$('error').textContent = error ? Q.errorText(error) : '';
    Q.show(Q.$('error'), !!error);
  };

  const renderSignedIn = () => {
    const person = Q.isPerson(caller);
    Q.show(Q.$('signed-in'), person);
    if (person) Q.$('signed-in-text').textContent = Q.t('signedInAs', { name: caller.displayName, role: Q.t('role.' + caller.kind) });
    Q.$('continue').href = target;
  };

  Q.$('login-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    const submit = Q.$('submit');
    submit.disabled = true;
    submit.textContent = Q.t('signingIn');
    try {
      await Q.api('POST', '/api/auth/login', { userName: Q.$('user-name').value.trim(), password: Q.$('password').value });
      setError(null);
      location.replace(target);
    } catch (error) {
      setError(error);
      Q.$('password').select();
    } finally {
      submit.disabled = false;
      submit.textContent = Q.t('submit');
    }
  });

  Q.$('sign-out').addEventListener('click', async () => {
    await Q.api('POST', '/api/auth/logout').catch(() => null);
    caller = null;
    renderSignedIn();
    Q.$('user-name').focus();
  });

  Q.onLang(() => { renderSignedIn(); setError(failure); });
  Q.$('user-name').focus();
  Q.me().then((c) => { caller = c; renderSignedIn(); }).catch(() => { /* shown as not signed in */ });
})();
