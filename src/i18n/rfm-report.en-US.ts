/**
 * English texts of the RFM segment report (the report sheets the add-in and
 * `tierwise rfm --out x.xlsx` write). Every key here must exist in
 * rfm-report.zh-CN.ts (the compiler checks it). Placeholders are {name}.
 */
export const rfmReportEnUS = {
  'report.sheet.customers': 'Customers',
  'report.sheet.segments': 'Segments',
  'report.sheet.heatmap': 'R x F',
  'report.sheet.cuts': 'Cut points',
  'report.title': 'RFM segments: {table}',
  'report.as-of': 'As of',
  'report.segment': 'Segment',
  'report.customers': 'Customers',
  'report.orders': 'Orders',
  'report.revenue': 'Revenue',
  'report.aov': 'AOV',
  'report.customer-share': 'Share of customers',
  'report.revenue-share': 'Share of revenue',
  'report.total': 'Total',
  'report.ungraded': 'Ungraded',
  'report.chart-title': 'Share of customers vs share of revenue',
  'report.heatmap-title': 'Customers by R score (rows) and F score (columns)',
  'report.cuts-title': 'Cut points used ({binning})',
  'report.dimension': 'Dimension',
  'report.score': 'Score',
  'report.values': 'Values',
  'report.from': 'From',
  'report.to': 'To',
  'report.cap': 'Cap',
  'report.dimension.r': 'Recency (days)',
  'report.dimension.f': 'Frequency (orders)',
  'report.dimension.m': 'Monetary',
} as const;

export type RfmReportMessageKey = keyof typeof rfmReportEnUS;
