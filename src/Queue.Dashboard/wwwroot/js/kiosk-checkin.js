// The kiosk's 预约签到: a booking's 6-digit code (typed, or read from its QR by the kiosk's scanner as keystrokes) or
// the citizen's ID-card number; on time an appointment ticket, late an ordinary one, too early a refusal saying when.
(function () {
  'use strict';
  Q.words({
    checkinOpen: '预约签到', checkinTitle: '预约签到', checkinHint: '请输入 6 位预约码，或身份证号', checkinPlaceholder: '预约码 / 身份证号',
    checkinGo: '签到', checkinBack: '返回',
  }, {
    checkinOpen: 'Check in (appointment)', checkinTitle: 'Check in your appointment', checkinHint: 'Type your 6-digit booking code, or your ID-card number',
    checkinPlaceholder: 'Code / ID number', checkinGo: 'Check in', checkinBack: 'Back',
  });
  const hallId = Q.route()[0];
  const error = (e) => { Q.$('checkin-error').textContent = e ? Q.errorText(e) : ''; Q.show(Q.$('checkin-error'), !!e); };
  const open = (on) => {
    Q.show(Q.$('checkin'), on);
    Q.show(Q.$('choose'), !on);
    error(null);
    Q.$('checkin-code').value = '';
    if (on) Q.$('checkin-code').focus();
  };

  async function checkIn(event) {
    event.preventDefault();
    const value = Q.$('checkin-code').value.replace(/\s+/g, '').toUpperCase();
    Q.$('checkin-go').disabled = true;
    try {
      const body = /^\d{6}$/.test(value) ? { code: value } : { idNumber: value };
      const result = await Q.api('POST', `/api/halls/${encodeURIComponent(hallId)}/bookings/check-in`, body);
      Q.show(Q.$('checkin'), false);
      Q.kioskShowTicket(result.ticket);
    } catch (e) {
      error(e);
    } finally {
      Q.$('checkin-go').disabled = false;
    }
  }

  document.addEventListener('DOMContentLoaded', () => {
    Q.$('checkin-open').addEventListener('click', () => open(true));
    Q.$('checkin-back').addEventListener('click', () => open(false));
    Q.$('checkin-form').addEventListener('submit', checkIn);
  });
})();
