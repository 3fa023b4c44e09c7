// The window terminal's small forms (a reason, a transfer target) in one <dialog>. Q.ask(...) resolves with
// the values, or null when cancelled.
(function () {
  'use strict';
  const Q = (window.Q = window.Q || {});

  // fields: [{ name, label, type: 'text' | 'select', options: [{ value, text }], required }]
  Q.ask = (title, fields, check) => new Promise((resolve) => {
    const dialog = Q.$('dialog');
    const inputs = {};
    Q.$('dialog-title').textContent = title;
    const error = Q.el('div', { class: 'error-bar', hidden: true });
    Q.fill(Q.$('dialog-body'), fields.map((f) => {
      const input = f.type === 'select'
        ? Q.el('select', { name: f.name }, f.options.map((o) => Q.el('option', { value: o.value, text: o.text })))
        : Q.el('input', { name: f.name, maxlength: 200, autocomplete: 'off' });
      inputs[f.name] = input;
      return Q.el('label', { class: 'field' }, Q.el('span', { text: f.label }), input);
    }), error);
    const form = Q.$('dialog-form');
    const close = (value) => {
      form.onsubmit = null;
      Q.$('dialog-cancel').onclick = null;
      dialog.close();
      resolve(value);
    };
    form.onsubmit = (e) => {
      e.preventDefault();
      const values = Object.fromEntries(Object.entries(inputs).map(([k, v]) => [k, v.value.trim()]));
      const problem = check ? check(values) : null;
      if (problem) {
        error.textContent = problem;
        error.hidden = false;
        return;
      }
      close(values);
    };
    Q.$('dialog-cancel').onclick = () => close(null);
    dialog.oncancel = () => close(null);
    dialog.showModal();
    const first = Object.values(inputs)[0];
    if (first) first.focus();
  });
})();
