// The manager page's check of the booking capacities by simulation, Chinese and English.
Q.words({
  slotCheck: '仿真核验', slotCheckDate: '日期', slotCheckRun: '仿真核验', slotCheckRunning: '仿真中…', slotCheckSlot: '时段', slotCheckCapacity: '容量',
  slotCheckWalkIns: '现场号达标率', slotCheckAppointments: '预约号达标率', slotCheckVerdict: '结论', slotCheckSuggested: '建议容量',
  slotCheckMeets: '达标', slotCheckMisses: '未达标', slotCheckWalkInsOnly: '未达标（现场号本身）', slotCheckNone: '当天没有可预约时段',
  slotCheckSummary: '{date}：每个时段约满，仿真 {runs} 天（种子 {seed}），30 分钟内叫号达 {goal} 为达标；{misses} 个有预约的时段未达标',
  slotCheckAllMeet: '{date}：每个时段约满，仿真 {runs} 天（种子 {seed}），所有可预约时段 30 分钟内叫号均达 {goal}',
}, {
  slotCheck: 'Check by simulation', slotCheckDate: 'Date', slotCheckRun: 'Check by simulation', slotCheckRunning: 'Simulating…', slotCheckSlot: 'Slot',
  slotCheckCapacity: 'Capacity', slotCheckWalkIns: 'Walk-ins within target', slotCheckAppointments: 'Appointments within target', slotCheckVerdict: 'Verdict',
  slotCheckSuggested: 'Suggested capacity', slotCheckMeets: 'Meets', slotCheckMisses: 'Misses', slotCheckWalkInsOnly: 'Misses (walk-ins alone)',
  slotCheckNone: 'No bookable slots that day',
  slotCheckSummary: '{date}: every slot fully booked, {runs} simulated days (seed {seed}), goal {goal} called within target; {misses} slots with bookings miss',
  slotCheckAllMeet: '{date}: every slot fully booked, {runs} simulated days (seed {seed}); every bookable slot has {goal} called within target',
});
