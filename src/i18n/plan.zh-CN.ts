import type { PlanMessageKey } from './plan.en-US';

/** Simplified Chinese texts of the apply plan; the same keys as plan.en-US.ts. */
export const planZhCN: Record<PlanMessageKey, string> = {
  'header.score': '得分',
  'header.tier': '等级',
  'header.strategy': '策略',
  'header.follow-up': '跟进频率',
  'header.explanation': '说明',
  'header.error': '错误',
  'summary.title': 'Tierwise 汇总：{table}',
  'summary.tier': '等级',
  'summary.count': '客户数',
  'summary.share': '占比',
  'summary.target': '目标占比',
  'summary.value': '{column}合计',
  'summary.value-share': '{column}占比',
  'summary.ungraded': '未分级',
  'summary.total': '合计',
  'summary.heatmap': 'R × F：客户数（平均金额）',
  'summary.legend': '图例',
  'summary.label': '名称',
  'summary.colour': '颜色',
  // Issue 12: the ABC summary's Pareto chart.
  'summary.pareto': '帕累托：各等级价值及累计占比',
};
