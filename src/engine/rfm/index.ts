export * from './types';
export { aggregateOrders, internKeys, type AggregateOptions, type Aggregated, type OrderColumns } from './aggregate';
export { OrderCollector, readOrders, type OrderReadOptions, type OrdersRead } from './orders';
export {
  binsOf,
  computeCuts,
  scoreColumn,
  scoreCustomers,
  scoreValue,
  DEFAULT_BINS,
  MAX_BINS,
  MIN_BINS,
} from './score';
export { cutProbabilities, quantilesInPlace } from './quantile';
export {
  assignSegments,
  fmScore,
  matchesRule,
  segmentOf,
  OTHERS_SEGMENT,
  RFM_11_SEGMENTS,
  RFM_PACKAGE_SEGMENTS,
} from './segments';
export {
  rfGrid,
  scoreDistribution,
  summarizeSegments,
  type RfGrid,
  type ScoreDistribution,
  type SegmentSummaryRow,
} from './summary';
export { segmentMigration, type Migration, type Mover, type SegmentAssignment } from './migration';
export { analyzeRfm, rfmCode, type RfmAnalysis } from './analyze';
export { RFM_INPUTS, RFM_INPUT_IDS, RFM_PRESETS } from './presets';
export { DATE_LIKE_RECENCY, isDateLikeRecency, recencyDateError } from './recency';
export { compileRfmTable, validateRfmMethod, NEEDS_BATCH, type RfmBatch, type RfmCompiledTable } from './compile-table';
export {
  dimensionReports,
  scoreBins,
  scoreBinText,
  segmentReport,
  RFM_DIMENSIONS,
  type DimensionReport,
  type ScoreBin,
  type SegmentReport,
  type SegmentReportRow,
} from './segment-report';
export { findOrderColumn, ORDER_COLUMN_GUESSES, ORDER_COLUMN_ROLES, type OrderColumnRole } from './order-columns';
export {
  blendColour,
  cutPointBlock,
  rfmReportLayout,
  rfmReportText,
  type ReportBlock,
  type ReportColour,
  type ReportValue,
  type RfmReportLayout,
} from './report-layout';
export {
  rfmFromOrders,
  RFM_CUSTOMER_COLUMNS,
  RFM_SCORE_COLUMNS,
  type OrderCellProblem,
  type OrdersGrid,
  type RfmFromOrders,
  type RfmFromOrdersOptions,
} from './from-orders';
