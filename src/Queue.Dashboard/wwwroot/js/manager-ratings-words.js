// The manager page's 好差评 words, Chinese first.
Q.words({
  ratings: '好差评：满意率与等候时间、差评清单', ratingsFrom: '从', ratingsTo: '到', ratingsChart: '满意率与等候时间（按取号到首次叫号的等候分段）',
  ratingsSummary: '{from} 至 {to}：评价 {rated} 条，满意 {satisfied} 条（{share}），差评 {unsatisfied} 条',
  ratingsListed: '列出最新 {listed} 条（共 {matching} 条）', ratingsNone: '该时段没有差评',
  ratingsAt: '时间', ratingsLevel: '评价', ratingsComment: '留言', ratingsStaff: '人员', ratingsWait: '等候', ratingsCitizen: '群众',
  ratingsNoComment: '（未留言）', ratingsMinutes: '{n} 分钟', ratingsList: '差评清单',
  level1: '非常不满意', level2: '不满意', level3: '基本满意', level4: '满意', level5: '非常满意',
}, {
  ratings: 'Ratings: satisfaction against wait, and the unsatisfied ratings', ratingsFrom: 'From', ratingsTo: 'To',
  ratingsChart: 'Satisfaction against wait (by wait band, issue to first call)',
  ratingsSummary: '{from} to {to}: {rated} ratings, {satisfied} satisfied ({share}), {unsatisfied} unsatisfied',
  ratingsListed: 'the newest {listed} of {matching} listed', ratingsNone: 'No unsatisfied ratings in this period',
  ratingsAt: 'Time', ratingsLevel: 'Rating', ratingsComment: 'Comment', ratingsStaff: 'Staff', ratingsWait: 'Wait', ratingsCitizen: 'Citizen',
  ratingsNoComment: '(no comment)', ratingsMinutes: '{n} min', ratingsList: 'Unsatisfied ratings',
  level1: 'Very unsatisfied', level2: 'Unsatisfied', level3: 'Fair', level4: 'Satisfied', level5: 'Very satisfied',
});
