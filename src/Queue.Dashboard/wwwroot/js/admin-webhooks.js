// Webhook notifications on the admin page (Webhook 通知): a hall's receivers (register, edit, disable, remove, send a
// test) and the delivery log (status, attempts, last error, next retry). A secret is shown once, when it is set.
// admin.js calls Q.webhooks.show(hallId) when the hall changes and Q.webhooks.render() when the language does.
(function () {
  'use strict';
  const TYPES = ['ticket.issued', 'ticket.near_turn', 'ticket.called', 'ticket.recalled', 'ticket.no_show', 'ticket.completed',
    'booking.confirmed', 'booking.cancelled', 'booking.rescheduled', 'booking.reminder'];
  const enc = encodeURIComponent;
  let hallId = null;
  let endpoints = [];
  let log = [];
  let editing = null; // the endpoint being edited, or null
  let secret = null; // { url, value }: the one-time box
  const card = Q.$('webhooks-card');
  const td = (text, cls) => Q.el('td', { text, class: cls });
  const time = (at) => (at ? new Date(at).toLocaleString(Q.lang() === 'en' ? 'en-GB' : 'zh-CN', {
    timeZone: 'Asia/Shanghai', hour12: false, month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  }) : '—');
  const say = (text, error) => {
    const bar = Q.$(error ? 'error' : 'notice');
    bar.textContent = text;
    Q.show(bar, !!text);
  };
  const attempt = async (action) => {
    try {
      await action();
      say('', true);
    } catch (error) {
      say(Q.errorText(error), true);
    }
  };
  const typeName = (type) => Q.t('wh.type.' + type);

  const form = () => {
    const checked = editing ? editing.eventTypes : ['ticket.near_turn', 'ticket.called'];
    const url = Q.el('input', { id: 'wh-url', type: 'url', required: true, maxlength: 500, spellcheck: 'false', placeholder: 'https://sms.example.gov.cn/queue', value: editing ? editing.url : '' });
    const key = Q.el('input', { id: 'wh-secret', maxlength: 200, autocomplete: 'off', spellcheck: 'false', placeholder: Q.t('wh.secretPlaceholder') });
    const ahead = Q.el('input', { id: 'wh-near', type: 'number', min: 1, max: 20, value: editing ? editing.nearTurnAhead : 3 });
    const boxes = TYPES.map((type) => Q.el('label', { class: 'check' },
      Q.el('input', { type: 'checkbox', name: 'wh-type', value: type, checked: checked.includes(type) }), ' ', typeName(type)));
    const submit = (e) => {
      e.preventDefault();
      attempt(async () => {
        const body = {
          url: url.value.trim(), secret: key.value || undefined, nearTurnAhead: Number(ahead.value) || 3,
          eventTypes: [...card.querySelectorAll('input[name=wh-type]:checked')].map((b) => b.value), enabled: editing ? editing.enabled : true,
        };
        const saved = editing
          ? await Q.api('PUT', `/api/halls/${enc(hallId)}/webhooks/${enc(editing.endpointId)}`, body)
          : await Q.api('POST', `/api/halls/${enc(hallId)}/webhooks`, body);
        if (!editing || body.secret) secret = { url: saved.url, value: saved.secret };
        say(Q.t(editing ? 'wh.saved' : 'wh.added', { url: saved.url }));
        editing = null;
        await load();
      });
    };
    return Q.el('form', { id: 'wh-form', class: 'inline-form', autocomplete: 'off', onsubmit: submit },
      Q.el('label', {}, Q.el('span', { text: Q.t('wh.url') }), url),
      Q.el('label', {}, Q.el('span', { text: Q.t('wh.secret') }), key),
      Q.el('label', {}, Q.el('span', { text: Q.t('wh.nearTurn') }), ahead),
      Q.el('fieldset', { class: 'wh-types' }, Q.el('legend', { text: Q.t('wh.events') }), boxes),
      Q.el('button', { type: 'submit', class: 'primary', text: Q.t(editing ? 'wh.save' : 'wh.add') }),
      editing ? Q.el('button', { type: 'button', text: Q.t('wh.cancel'), onclick: () => { editing = null; render(); } }) : null);
  };

  const secretBox = () => {
    if (!secret) return null;
    const input = Q.el('input', { class: 'secret-value', readonly: true, value: secret.value, 'aria-label': Q.t('wh.secretFor', { url: secret.url }) });
    return Q.el('div', { class: 'secret' },
      Q.el('div', { class: 'secret-title', text: Q.t('wh.secretFor', { url: secret.url }) }),
      Q.el('div', { class: 'secret-row' }, input),
      Q.el('p', { class: 'secret-note', text: Q.t('wh.secretNote') }),
      Q.el('button', { type: 'button', class: 'secret-dismiss', text: Q.t('dismiss'), onclick: () => { secret = null; render(); } }));
  };

  const put = (e, changes) => Q.api('PUT', `/api/halls/${enc(hallId)}/webhooks/${enc(e.endpointId)}`,
    Object.assign({ url: e.url, eventTypes: e.eventTypes, enabled: e.enabled, nearTurnAhead: e.nearTurnAhead }, changes));

  const actions = (e) => [
    Q.el('button', { type: 'button', class: 'wh-edit', text: Q.t('wh.edit'), onclick: () => { editing = e; render(); Q.$('wh-url').focus(); } }),
    Q.el('button', { type: 'button', class: 'wh-toggle', text: Q.t(e.enabled ? 'wh.disable' : 'wh.enable'),
      onclick: () => attempt(async () => { await put(e, { enabled: !e.enabled }); await load(); }) }),
    Q.el('button', { type: 'button', class: 'wh-test', text: Q.t('wh.test'),
      onclick: () => attempt(async () => { await Q.api('POST', `/api/halls/${enc(hallId)}/webhooks/${enc(e.endpointId)}/test`); say(Q.t('wh.tested')); await load(); }) }),
    Q.el('button', { type: 'button', class: 'wh-remove danger', text: Q.t('wh.remove'),
      onclick: () => attempt(async () => {
        if (!confirm(Q.t('wh.confirmRemove', { url: e.url }))) return;
        await Q.api('DELETE', `/api/halls/${enc(hallId)}/webhooks/${enc(e.endpointId)}`);
        say(Q.t('wh.removed', { url: e.url }));
        await load();
      }) }),
  ];

  const urlOf = (id) => (endpoints.find((e) => e.endpointId === id) || { url: id }).url;

  const render = () => {
    if (!card) return;
    Q.fill(card,
      Q.el('div', { class: 'card-head' }, Q.el('h2', { text: Q.t('wh.title') })),
      form(),
      Q.el('p', { class: 'form-hint', text: Q.t('wh.hint') }),
      secretBox(),
      Q.el('h3', { class: 'wh-sub', text: Q.t('wh.endpoints') }),
      Q.el('table', { class: 'grid', id: 'wh-endpoints' },
        Q.el('thead', {}, Q.el('tr', {}, ['wh.url', 'wh.events', 'wh.nearTurn', 'wh.secret', 'wh.status', 'wh.actions'].map((k) => Q.el('th', { text: Q.t(k) })))),
        Q.el('tbody', {}, endpoints.length === 0
          ? Q.el('tr', {}, Q.el('td', { colspan: 6, class: 'empty', text: Q.t('wh.none') }))
          : endpoints.map((e) => Q.el('tr', { 'data-webhook': e.endpointId, class: e.enabled ? '' : 'off' },
            td(e.url, 'mono wh-url'), td(e.eventTypes.map(typeName).join('、')), td(String(e.nearTurnAhead)), td(e.secret, 'mono'),
            td(Q.t(e.enabled ? 'wh.on' : 'wh.off'), e.enabled ? 'state on' : 'state off'),
            Q.el('td', { class: 'row-actions' }, actions(e)))))),
      Q.el('div', { class: 'card-head' }, Q.el('h3', { class: 'wh-sub', text: Q.t('wh.log') }),
        Q.el('button', { type: 'button', id: 'wh-refresh', text: Q.t('wh.refresh'), onclick: () => attempt(load) })),
      Q.el('table', { class: 'grid', id: 'wh-log' },
        Q.el('thead', {}, Q.el('tr', {}, ['wh.time', 'wh.url', 'wh.type', 'wh.eventId', 'wh.status', 'wh.attempts', 'wh.lastError', 'wh.nextRetry']
          .map((k) => Q.el('th', { text: Q.t(k) })))),
        Q.el('tbody', {}, log.length === 0
          ? Q.el('tr', {}, Q.el('td', { colspan: 8, class: 'empty', text: Q.t('wh.noLog') }))
          : log.map((d) => Q.el('tr', { class: 'wh-' + d.status.toLowerCase() },
            td(time(d.createdAt), 'muted'), td(urlOf(d.endpointId), 'mono wh-url'), td(typeName(d.type)), td(d.eventId, 'mono'),
            td(Q.t('wh.state.' + d.status), 'wh-state'), td(String(d.attempts)), td(d.lastError || '—'),
            td(d.status === 'Pending' ? time(d.nextAttemptAt) : '—', 'muted'))))));
  };

  const load = async () => {
    [endpoints, log] = await Promise.all([
      Q.api('GET', `/api/halls/${enc(hallId)}/webhooks`), Q.api('GET', `/api/halls/${enc(hallId)}/webhooks/deliveries?max=50`)]);
    render();
  };

  Q.webhooks = {
    show: async (hall) => { hallId = hall; editing = null; secret = null; Q.show(card, true); await load(); },
    render,
  };
})();
