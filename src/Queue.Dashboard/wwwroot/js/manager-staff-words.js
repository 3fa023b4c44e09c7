// The manager page's staff-performance and one-trip words, Chinese first.
Q.words({
  perf: '统一绩效考核：人员、窗口、业务', perfFrom: '从', perfTo: '到', perfView: '按', perfPeople: '人员', perfWindows: '窗口', perfThemes: '业务',
  perfKey: '对象', perfServed: '办件量', perfHandle: '平均办理', perfNotDone: '没办成', perfNotDoneShare: '没办成占比', perfRatings: '评价数',
  perfAvgRating: '平均评分', perfTransfers: '转办', perfPauses: '暂停', perfPauseTime: '暂停时长', perfPauseReasons: '暂停原因',
  perfOpen: '在岗时长', perfIdle: '有人等候时空闲', perfCsv: '导出 CSV', perfXlsx: '导出 Excel', perfNone: '该时段没有办件记录',
  perfNoStaff: '（未登记）', perfNoReason: '未说明', perfSort: '点击表头排序',
  perfSummary: '{from} 至 {to}：{count} 行', oneTrip: '最多跑一次实现率', oneTripBy: '按', oneTripDay: '日', oneTripMonth: '月',
  oneTripSummary: '{from} 至 {to}：来访 {visits} 次，有身份 {known} 次，一次办成 {one} 次，再次来访 {repeat} 次，无身份 {unknown} 次（不计入）；实现率 {rate}',
  oneTripChart: '最多跑一次实现率趋势（0–100%）',
}, {
  perf: 'Staff performance: people, windows, themes', perfFrom: 'From', perfTo: 'To', perfView: 'By', perfPeople: 'Person', perfWindows: 'Window', perfThemes: 'Theme',
  perfKey: 'Key', perfServed: 'Served', perfHandle: 'Avg handle', perfNotDone: 'Not done', perfNotDoneShare: 'Not-done share', perfRatings: 'Ratings',
  perfAvgRating: 'Avg rating', perfTransfers: 'Transfers', perfPauses: 'Pauses', perfPauseTime: 'Paused', perfPauseReasons: 'Pause reasons',
  perfOpen: 'Open', perfIdle: 'Idle while people waited', perfCsv: 'Export CSV', perfXlsx: 'Export Excel', perfNone: 'No services in this period',
  perfNoStaff: '(no account)', perfNoReason: 'none given', perfSort: 'Click a heading to sort',
  perfSummary: '{from} to {to}: {count} rows', oneTrip: 'One-trip rate', oneTripBy: 'By', oneTripDay: 'day', oneTripMonth: 'month',
  oneTripSummary: '{from} to {to}: {visits} visits, {known} by known citizens, {one} in one trip, {repeat} return trips, {unknown} unknown (not counted); rate {rate}',
  oneTripChart: 'One-trip rate over time (0–100%)',
});
