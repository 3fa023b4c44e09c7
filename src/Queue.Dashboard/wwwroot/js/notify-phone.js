// 短信提醒 / Text me when it's my turn: the optional phone for notifications at the kiosk and on the remote-ticket page.
// Q.notifyPhone(root, { keypad }) fills root with the field, the consent box and its one-line privacy note (and, at a
// touch kiosk, a digit keypad); .read() gives { notifyPhone, notifyConsent } for the issue request, or throws the zh/en
// message of a bad number or a missing consent (the server checks the same: 400 invalid-phone, 422 notify-consent);
// .clear() empties it for the next citizen. The number is sealed by the server, kept for today only and used only for
// this ticket's notices (docs/webhooks.md).
(function () {
  'use strict';
  Q.words({
    notifyTitle: '短信提醒（可选）', notifyLabel: '手机号（叫号前短信提醒）', notifyConsent: '我同意用此号码接收本号的叫号提醒',
    notifyPrivacy: '号码加密保存，仅当天有效，只用于本号的提醒。', notifyBad: '手机号格式不对：请输入 11 位手机号码',
    notifyNeedConsent: '要短信提醒，请先勾选同意；不需要可留空', notifyErase: '删除一位', notifyClear: '清空',
    notifyToggle: '短信提醒（可选）', notifyGiven: '短信提醒：{phone}', notifyDone: '完成',
  }, {
    notifyTitle: "Text me when it's my turn (optional)", notifyLabel: 'Mobile number for a text before your call',
    notifyConsent: 'I agree to get notices for this ticket at this number', notifyPrivacy: "Kept encrypted for today only, used only for this ticket's notices.",
    notifyBad: 'That is not a mobile number: enter the 11 digits', notifyNeedConsent: 'Tick the box to get texts, or leave the number empty',
    notifyErase: 'Delete a digit', notifyClear: 'Clear',
    notifyToggle: 'Text me (optional)', notifyGiven: 'Text to {phone}', notifyDone: 'Done',
  });

  Q.notifyPhone = (root, options = {}) => {
    const input = Q.el('input', { id: 'notify-phone', type: 'tel', inputmode: 'numeric', autocomplete: 'tel', maxlength: '16', 'aria-describedby': 'notify-privacy' });
    const consent = Q.el('input', { id: 'notify-consent', type: 'checkbox' });
    const labels = {
      title: Q.el('div', { id: 'notify-title', class: 'notify-title' }), label: Q.el('label', { for: 'notify-phone' }),
      consent: Q.el('span'), privacy: Q.el('p', { id: 'notify-privacy', class: 'notify-privacy' }),
    };
    const key = (text, label, action) => Q.el('button', { type: 'button', class: 'notify-key', 'aria-label': label || text, onclick: () => { action(); input.dispatchEvent(new Event('input')); } }, text);
    const keypad = options.keypad ? Q.el('div', { class: 'notify-keypad' },
      ...'123456789'.split('').map((d) => key(d, null, () => { input.value = (input.value + d).slice(0, 16); })),
      key('⌫', '', () => { input.value = input.value.slice(0, -1); }),
      key('0', null, () => { input.value = (input.value + '0').slice(0, 16); }),
      key('', '', () => { input.value = ''; })) : null;
    // At the kiosk the field opens from a button beside 预约签到 (options.toggle), over the themes, and closes with 完成.
    const toggle = options.toggle || null;
    const masked = () => { const d = input.value.replace(/\D/g, ''); return d.length >= 7 ? d.slice(0, 3) + '****' + d.slice(-4) : d; };
    const done = toggle ? Q.el('button', { type: 'button', class: 'primary notify-done', onclick: () => open(false) }) : null;
    const open = (visible) => {
      if (!toggle) return;
      Q.show(root, visible);
      toggle.setAttribute('aria-expanded', String(visible));
      words();
      (visible ? input : toggle).focus();
    };
    if (toggle) toggle.addEventListener('click', () => open(root.hidden));
    const words = () => {
      labels.title.textContent = Q.t('notifyTitle');
      labels.label.textContent = Q.t('notifyLabel');
      labels.consent.textContent = Q.t('notifyConsent');
      labels.privacy.textContent = Q.t('notifyPrivacy');
      if (toggle) toggle.textContent = input.value.trim() ? Q.t('notifyGiven', { phone: masked() }) : Q.t('notifyToggle');
      if (done) done.textContent = Q.t('notifyDone');
      if (keypad) {
        const [erase, , clear] = [...keypad.children].slice(-3);
        erase.setAttribute('aria-label', Q.t('notifyErase'));
        clear.textContent = Q.t('notifyClear');
        clear.setAttribute('aria-label', Q.t('notifyClear'));
      }
    };
    Q.fill(root, [labels.title, labels.label, input, keypad,
      Q.el('label', { class: 'notify-consent', for: 'notify-consent' }, consent, labels.consent), labels.privacy, done]);
    words();
    Q.onLang(words);
    return {
      read: () => {
        const text = input.value.trim();
        if (!text) return { notifyPhone: null, notifyConsent: null };
        const digits = text.replace(/^\+86/, '').replace(/[\s-]/g, '');
        if (!/^1[3-9]\d{9}$/.test(digits)) throw new Error(Q.t('notifyBad'));
        if (!consent.checked) throw new Error(Q.t('notifyNeedConsent'));
        return { notifyPhone: digits, notifyConsent: true };
      },
      clear: () => { input.value = ''; consent.checked = false; if (toggle && !root.hidden) open(false); else words(); },
    };
  };
})();
