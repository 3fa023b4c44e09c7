// The manager page's case words (回访整改 and 没办成), Chinese first.
Q.words({
  cases: '回访整改与没办成', casesKind: '类型', casesStatus: '状态', casesAll: '全部', casesOverdueOnly: '只看逾期',
  casesStaff: '人员', casesFrom: '从', casesTo: '到', casesExportCsv: '导出 CSV', casesExportXlsx: '导出 Excel',
  casesSummary: '共 {matching} 件，其中逾期 {overdue} 件', casesPage: '第 {from}–{to} 件', casesPrev: '上一页', casesNext: '下一页',
  casesNone: '没有符合条件的案件', casesId: '案件号', casesOpened: '开立', casesDeadline: '办理期限', casesWho: '群众',
  casesAbout: '评价/原因', casesAssignee: '负责人', casesDepartment: '部门', casesEdit: '处理', casesOverdueDays: '逾期 {n} 天',
  casesDue: '{date} 前', casesClosedOn: '{date} 办结', casesSave: '保存', casesCancel: '取消', casesNote: '处理记录（备注）',
  casesEditTitle: '处理案件 {id}', casesHistory: '处理记录', casesNoComment: '（未填写）', casesSaved: '已保存',
  'caseKind.FollowUp': '回访整改', 'caseKind.NotDone': '没办成',
  'caseStatus.Pending': '待回访', 'caseStatus.CalledBack': '已回访', 'caseStatus.Rectifying': '整改中', 'caseStatus.Open': '待处理',
  'caseStatus.DoneOnSpot': '当场补办', 'caseStatus.Referred': '移交', 'caseStatus.Answered': '已答复', 'caseStatus.Closed': '已办结',
}, {
  cases: 'Follow-ups and not-done cases', casesKind: 'Kind', casesStatus: 'Status', casesAll: 'All', casesOverdueOnly: 'Overdue only',
  casesStaff: 'Staff', casesFrom: 'From', casesTo: 'To', casesExportCsv: 'Export CSV', casesExportXlsx: 'Export Excel',
  casesSummary: '{matching} cases, {overdue} overdue', casesPage: 'cases {from}–{to}', casesPrev: 'Previous', casesNext: 'Next',
  casesNone: 'No cases match', casesId: 'Case', casesOpened: 'Opened', casesDeadline: 'Deadline', casesWho: 'Citizen',
  casesAbout: 'Rating / reason', casesAssignee: 'Assignee', casesDepartment: 'Department', casesEdit: 'Handle', casesOverdueDays: '{n} days overdue',
  casesDue: 'by {date}', casesClosedOn: 'closed {date}', casesSave: 'Save', casesCancel: 'Cancel', casesNote: 'Note',
  casesEditTitle: 'Handle case {id}', casesHistory: 'History', casesNoComment: '(none given)', casesSaved: 'Saved',
  'caseKind.FollowUp': 'Follow-up', 'caseKind.NotDone': 'Not done',
  'caseStatus.Pending': 'Awaiting call-back', 'caseStatus.CalledBack': 'Called back', 'caseStatus.Rectifying': 'Rectifying', 'caseStatus.Open': 'Open',
  'caseStatus.DoneOnSpot': 'Done on the spot', 'caseStatus.Referred': 'Referred', 'caseStatus.Answered': 'Answered', 'caseStatus.Closed': 'Closed',
});
