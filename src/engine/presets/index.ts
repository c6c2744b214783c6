import type { GradingTable } from '../model';
import { ABC } from './abc';
import { BANK_SEGMENT } from './bank-segment';
import { BANK_VALUE } from './bank-value';
import { BUSINESS_CLASS } from './business-class';
import { CLOSE_HORIZON } from './close-horizon';
import { FIVE_DIMENSION } from './five-dimension';
import { IMPORTANCE_3 } from './importance-3';
import { LIFECYCLE } from './lifecycle';
import { MULTI_DIMENSION_VALUE } from './multi-dimension-value';
import { ORDER_VOLUME } from './order-volume';
import { PAYMENT_SCORECARD } from './payment-scorecard';
import { PHARMA_NINE_BOX } from './pharma-nine-box';
import { PHARMA_POTENTIAL } from './pharma-potential';
import { POTENTIAL_TIME_AMOUNT } from './potential-time-amount';
import { RFM_PRESETS } from '../rfm/presets';
import { REAL_ESTATE } from './real-estate';
import { SALES_PIPELINE } from './sales-pipeline';
import { SPEND_ABCD } from './spend-abcd';
import { STAR_LEVELS } from './star-levels';
import { VALUE_POTENTIAL } from './value-potential';
import { WEIGHTED_BONUS } from './weighted-bonus';

/**
 * The built-in grading tables, one per scheme of grading-systems.md (sections
 * 1-8, 10, 11), grouped by `category`: scorecards, pipelines, matrices (and
 * the tables they take results from), segments, and the RFM tables (section 9,
 * defined in engine/rfm); ABC / Pareto (ranked by share of value) is a segment table.
 */
export const PRESETS: readonly GradingTable[] = [
  // scorecard
  PAYMENT_SCORECARD,
  WEIGHTED_BONUS,
  FIVE_DIMENSION,
  MULTI_DIMENSION_VALUE,
  // pipeline
  SALES_PIPELINE,
  CLOSE_HORIZON,
  POTENTIAL_TIME_AMOUNT,
  REAL_ESTATE,
  // matrix
  PHARMA_POTENTIAL,
  PHARMA_NINE_BOX,
  VALUE_POTENTIAL,
  BANK_VALUE,
  BANK_SEGMENT,
  // segment
  ORDER_VOLUME,
  IMPORTANCE_3,
  SPEND_ABCD,
  BUSINESS_CLASS,
  LIFECYCLE,
  STAR_LEVELS,
  ABC,
  // rfm
  ...RFM_PRESETS,
];

/** The ids of the built-in tables, in PRESETS order. */
export const PRESET_IDS: readonly string[] = PRESETS.map((preset) => preset.id);

const BY_ID: ReadonlyMap<string, GradingTable> = new Map(PRESETS.map((preset) => [preset.id, preset]));

/** The built-in table with this id; also the `resolve` for tables that take results from presets. */
export function getPreset(id: string): GradingTable | undefined {
  return BY_ID.get(id);
}
