// The manager page's words for acting on advice (an SLA alert's move, its undo; editing the advice's plan), Chinese first.
Q.words({
  moveApply: '应用', moveApplyTitle: '把{no}号窗口调为优先办理{theme}', moveApplied: '已应用：{no}号窗口优先办理{theme}', moveUndo: '撤销',
  moveUndone: '已撤销：{no}号窗口恢复原受理范围', movedList: '已应用的调窗', movedWindow: '{no}号窗口：现按 {themes} 顺序办理（原为 {before}）',
  comprehensive: '综合', adviceEdit: '编辑方案（窗口 × 时段）', adviceEditing: '已在下方“推演”表格载入 {date} 的建议方案：点格子修改，再点“应用此方案”。',
  configure: '大厅配置',
}, {
  moveApply: 'Apply', moveApplyTitle: 'Make window {no} take {theme} first', moveApplied: 'Applied: window {no} takes {theme} first', moveUndo: 'Undo',
  moveUndone: 'Undone: window {no} is back on its profile', movedList: 'Applied moves', movedWindow: 'Window {no}: now serves {themes} in this order (before: {before})',
  comprehensive: 'comprehensive', adviceEdit: 'Edit the plan (window × interval)', adviceEditing: 'The advice for {date} is in the what-if grid below: click cells to change them, then "Apply this plan".',
  configure: 'Configuration',
});
