/**
 * English texts of the apply plan (headers, summary sheet, legend), shared by
 * the add-in and the CLI. Every key here must exist in plan.zh-CN.ts.
 */
export const planEnUS = {
  'header.score': 'Score',
  'header.tier': 'Tier',
  'header.strategy': 'Strategy',
  'header.follow-up': 'Follow-up',
  'header.explanation': 'Explanation',
  'header.error': 'Error',
  'summary.title': 'Tierwise summary: {table}',
  'summary.tier': 'Tier',
  'summary.count': 'Count',
  'summary.share': 'Share',
  'summary.target': 'Target share',
  'summary.value': 'Sum of {column}',
  'summary.value-share': 'Share of {column}',
  'summary.ungraded': 'Ungraded',
  'summary.total': 'Total',
  'summary.heatmap': 'R x F: customers (mean monetary)',
  'summary.legend': 'Legend',
  'summary.label': 'Label',
  'summary.colour': 'Colour',
  // Issue 12: the ABC summary's Pareto chart.
  'summary.pareto': 'Pareto: value per tier and cumulative share',
} as const;

export type PlanMessageKey = keyof typeof planEnUS;
