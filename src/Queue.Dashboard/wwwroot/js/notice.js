// 一次性告知 (what to bring): a theme's notice as the server keeps it (ThemeConfig.notice: materials, fees, time to
// complete and notes, each in zh and en, item for item), drawn in the page's language. Shared by the kiosk, the
// citizen's ticket page and the remote-ticket page; each page styles .notice-body with its own sizes.
(function () {
  'use strict';
  const Q = (window.Q = window.Q || {});
  Q.words({
    noticeTitle: '办事须知', noticeMaterials: '所需材料', noticeFees: '收费', noticeTime: '办理时限', noticeNotes: '注意事项', noticeOpen: '办事须知',
  }, {
    noticeTitle: 'What to bring', noticeMaterials: 'Required materials', noticeFees: 'Fees', noticeTime: 'Time to complete', noticeNotes: 'Notes', noticeOpen: 'What to bring',
  });

  const pick = (zh, en) => (Q.lang() === 'en' && en ? en : zh);
  const list = (zh, en) => pick(zh || [], en && en.length ? en : null) || [];

  // The notice's sections (headings h3) as one element; null when there is no notice.
  Q.noticeView = (notice) => {
    if (!notice) return null;
    const materials = list(notice.materials, notice.materialsEn);
    const notes = list(notice.notes, notice.notesEn);
    const fees = pick(notice.fees, notice.feesEn);
    const time = pick(notice.timeToComplete, notice.timeToCompleteEn);
    return Q.el('div', { class: 'notice-body' },
      materials.length ? Q.el('section', { class: 'notice-part notice-materials' },
        Q.el('h3', { text: Q.t('noticeMaterials') }), Q.el('ol', {}, materials.map((m) => Q.el('li', { text: m })))) : null,
      fees ? Q.el('section', { class: 'notice-part notice-fees' }, Q.el('h3', { text: Q.t('noticeFees') }), Q.el('p', { text: fees })) : null,
      time ? Q.el('section', { class: 'notice-part notice-time' }, Q.el('h3', { text: Q.t('noticeTime') }), Q.el('p', { text: time })) : null,
      notes.length ? Q.el('section', { class: 'notice-part notice-notes' },
        Q.el('h3', { text: Q.t('noticeNotes') }), Q.el('ul', {}, notes.map((n) => Q.el('li', { text: n })))) : null);
  };
})();
