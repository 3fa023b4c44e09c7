// The phone booking page's words, Chinese and English.
Q.words({
  chooseTheme: '选择办理事项', back: '‹ 返回事项', idOrPhone: '身份证号或手机号', nameOptional: '姓名（选填）', book: '确认预约',
  privacy: '证件号和手机号只以加密摘要保存，仅用于识别本人。', codeLabel: '预约码（取号机签到）', reschedule: '改约', cancelBooking: '取消预约',
  keepLink: '请保存本页链接，凭它查看、改约或取消：', another: '再约一个事项', liveWait: '现场约 {n} 分钟 · {w} 人等候', liveNone: '现场暂无窗口受理',
  notBookable: '不接受预约', noSlots: '当天无可约时段', closedDay: '当天不办公', free: '余 {n}', full: '约满', today: '今天', tomorrow: '明天',
  chosen: '{day} {time} · {theme}', checkInWindow: '请于 {from}–{until} 到取号机签到，或用手机扫描大厅入口的签到码；迟到将改为普通取号。', confirmCancel: '确定取消这个预约吗？',
  moving: '请选择新的时段', ticketLink: '查看我的排队号 {n}', remoteTicket: '线上取号（今天）›',
  'status.Booked': '已预约', 'status.Cancelled': '已取消', 'status.Rescheduled': '已改约', 'status.CheckedIn': '已签到', 'status.Late': '迟到签到（普通号）',
}, {
  chooseTheme: 'Choose a service', back: '‹ All services', idOrPhone: 'ID-card or mobile number', nameOptional: 'Name (optional)', book: 'Book',
  privacy: 'ID and phone numbers are kept only as a keyed hash, to recognize you.', codeLabel: 'Booking code (check in at the kiosk)', reschedule: 'Change',
  cancelBooking: 'Cancel', keepLink: 'Keep this link to see, change or cancel the booking:', another: 'Book another service',
  liveWait: 'Now ≈ {n} min · {w} waiting', liveNone: 'No window serving now', notBookable: 'No appointments', noSlots: 'No slots that day',
  closedDay: 'Closed that day', free: '{n} left', full: 'Full', today: 'Today', tomorrow: 'Tomorrow', chosen: '{day} {time} · {theme}',
  checkInWindow: "Check in between {from} and {until} at the kiosk, or scan the entrance's check-in code with this phone; later you get an ordinary ticket.", confirmCancel: 'Cancel this booking?',
  moving: 'Choose the new slot', ticketLink: 'My ticket {n}', remoteTicket: "Take today's ticket remotely ›",
  'status.Booked': 'Booked', 'status.Cancelled': 'Cancelled', 'status.Rescheduled': 'Moved', 'status.CheckedIn': 'Checked in', 'status.Late': 'Checked in late (ordinary ticket)',
});
