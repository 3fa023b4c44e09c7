// The manager page's words, Chinese first.
Q.words({
  title: '大厅运行分析', date: '日期', weeks: '近几周', theme: '业务', allThemes: '全部业务', alerts: '实时预警',
  arrivals: '取号热力：星期 × 半小时', waits: '等待时间：业务 × 小时', satisfaction: '满意率（近28天）',
  byWindow: '各窗口满意度与办结（近28天）', window: '窗口', completedCol: '办结', notDoneCol: '没办成', rated: '评价数', avgRating: '平均分',
  satisfiedCol: '满意率', outcomes: '办结情况与“跑一次没办成”清单', time: '时间', number: '号码', reason: '原因', staff: '窗口人员',
  staffName: '人员', state: '状态', served: '办件量', avgService: '平均办理时长', open: '在岗时长', idle: '有人等候时空闲',
  outcomeLine: '办结 {completed} 件，其中办成 {done} 件，没办成 {notDone} 件（{share}）', noNotDone: '当日没有“跑一次没办成”的记录',
  windowNo: '{no}号窗口', noReason: '（未填写）',
  advice: '潮汐窗口建议', adviceDate: '计划日期', adviceCompute: '按历史生成建议', adviceApply: '应用到该日', standby: '待命',
  adviceNone: '该日还没有建议，请先生成', adviceLine: '缺口 {shortfall} 个窗口·时段，切换 {switches} 次，依据近 {weeks} 周历史',
  adviceApplied: '已于 {at} 应用：潮汐窗口将按时段自动切换', adviceNotApplied: '尚未应用', adviceSep: '；',
}, {
  title: 'Hall analytics', date: 'Date', weeks: 'Weeks', theme: 'Theme', allThemes: 'All themes', alerts: 'Live alerts',
  arrivals: 'Arrivals: weekday × half-hour', waits: 'Waits: theme × hour', satisfaction: 'Satisfaction (28 days)',
  byWindow: 'Satisfaction and outcomes by window (28 days)', window: 'Window', completedCol: 'Completed', notDoneCol: 'Not done', rated: 'Ratings',
  avgRating: 'Average', satisfiedCol: 'Satisfied', outcomes: 'Outcomes and the not-done list', time: 'Time', number: 'Number', reason: 'Reason',
  staff: 'Staff', staffName: 'Staff', state: 'State', served: 'Served', avgService: 'Average service', open: 'Open', idle: 'Idle while people waited',
  outcomeLine: '{completed} completed: {done} done, {notDone} not done ({share})', noNotDone: 'No one left without the matter done that day',
  windowNo: 'Window {no}', noReason: '(none given)',
  advice: 'Tidal-window advice', adviceDate: 'Plan for', adviceCompute: 'Compute from history', adviceApply: 'Apply to that day', standby: 'standby',
  adviceNone: 'No advice for that day yet: compute it first', adviceLine: 'shortfall {shortfall} window-intervals, {switches} switches, from {weeks} weeks of history',
  adviceApplied: 'Applied at {at}: tidal windows switch by themselves at each interval', adviceNotApplied: 'not applied', adviceSep: '; ',
});
