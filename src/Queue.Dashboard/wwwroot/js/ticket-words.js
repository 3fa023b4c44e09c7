// The citizen ticket page's words, Chinese and English.
Q.words({
  yourNumber: '您的号码', ahead: '前面等候', predicted: '预计等候', rateTitle: '请对本次服务进行评价', rejoin: '重新排队',
  cancel: '取消排队', hint: '请保持本页面打开，叫号时手机会提示音和振动。', people: '{n} 人', aboutMin: '约 {n} 分钟', rangeMin: '预计 {a}–{b} 分钟', noWindow: '暂无窗口受理',
  nextUp: '马上到您', callText: '请{number}号到{window}号窗口', callZone: '{zone} · 请携带材料前往办理', reminder: '还有{n}位就到您了，请到{zone}附近等候',
  confirmCancel: '确定要取消排队吗？取消后需重新取号。', thanks: '感谢您的评价！', outcomeNotDone: '没办成：{reason}', windowLine: '{no}号窗口',
  'status.Waiting': '排队中', 'status.Called': '请前往窗口', 'status.Serving': '正在办理', 'status.Completed': '已办结',
  'status.NoShow': '已过号', 'status.Transferred': '已转办', 'status.OnHold': '挂起：请补齐材料后回到窗口', 'status.Cancelled': '已取消',
  'status.Expired': '已过期（当日未办理）', 'rate.5': '非常满意', 'rate.4': '满意', 'rate.3': '基本满意', 'rate.2': '不满意', 'rate.1': '非常不满意',
  greenTag: '绿色通道', myTicket: '我的排队', refusedTitle: '无法查看该号票', refusedHint: '请扫描号票上的二维码，或打开取号时给出的完整链接。',
}, {
  yourNumber: 'Your number', ahead: 'Ahead of you', predicted: 'Estimated wait', rateTitle: 'How was the service?', rejoin: 'Rejoin the line',
  cancel: 'Leave the line', hint: 'Keep this page open: your phone beeps and vibrates when you are called.', people: '{n}', aboutMin: '≈ {n} min', rangeMin: 'about {a}–{b} min',
  noWindow: 'No window serving', nextUp: 'You are next', callText: 'No. {number}, please go to window {window}',
  callZone: '{zone} · bring your documents', reminder: 'Only {n} ahead of you: please wait near {zone}',
  confirmCancel: 'Leave the line? You would need a new ticket.', thanks: 'Thank you for your rating!', outcomeNotDone: 'Not done: {reason}', windowLine: 'Window {no}',
  'status.Waiting': 'Waiting', 'status.Called': 'Go to the window', 'status.Serving': 'Being served', 'status.Completed': 'Done',
  'status.NoShow': 'Missed', 'status.Transferred': 'Transferred', 'status.OnHold': 'On hold: bring the missing documents back to the window',
  'status.Cancelled': 'Cancelled', 'status.Expired': 'Expired (the day has closed)', 'rate.5': 'Very satisfied', 'rate.4': 'Satisfied',
  'rate.3': 'Acceptable', 'rate.2': 'Dissatisfied', 'rate.1': 'Very dissatisfied', greenTag: 'Green channel',
  myTicket: 'My place in line', refusedTitle: 'This ticket cannot be shown', refusedHint: 'Scan the QR code on your ticket, or open the whole link given with it.',
});
