// The manager page's appointments section, Chinese and English.
Q.words({
  bookings: '分时段预约：各时段预约、到场率、迟到率、预约与现场等候', bookingsShare: '预约占各时段接待能力', bookingsEarly: '提前签到（分钟）',
  bookingsLate: '迟到宽限（分钟）', bookingsSave: '保存预约设置', bookingsSaved: '已保存', bookingsCalls: '叫号数', bookingsMean: '平均等候', bookingsP90: '90% 等候',
  bookingsSlot: '时段', bookingsBooked: '预约', bookingsCheckedIn: '按时签到', bookingsLateCount: '迟到', bookingsAppointments: '预约号', bookingsWalkIns: '现场号',
  bookingsNone: '该期间没有预约', bookingsMinutes: '{n} 分钟', bookingsKind: '类别',
  bookingsSummary: '{from} 至 {to}：预约 {booked}，按时签到 {checkedIn}，迟到 {late}，未到 {missed}，取消 {cancelled}，改约 {rescheduled}；到场率 {show}，迟到率 {lateShare}',
}, {
  bookings: 'Appointments: bookings per slot, show rate, late share, appointment vs walk-in waits', bookingsShare: 'Share of each slot for appointments',
  bookingsEarly: 'Check-in from (min before)', bookingsLate: 'Late after (min)', bookingsSave: 'Save booking settings', bookingsSaved: 'Saved',
  bookingsCalls: 'Calls', bookingsMean: 'Mean wait', bookingsP90: '90th percentile', bookingsSlot: 'Slot', bookingsBooked: 'Booked',
  bookingsCheckedIn: 'On time', bookingsLateCount: 'Late', bookingsAppointments: 'Appointments', bookingsWalkIns: 'Walk-ins',
  bookingsNone: 'No bookings in this period', bookingsMinutes: '{n} min', bookingsKind: 'Tickets',
  bookingsSummary: '{from} to {to}: {booked} booked, {checkedIn} on time, {late} late, {missed} missed, {cancelled} cancelled, {rescheduled} moved; show rate {show}, late share {lateShare}',
});
