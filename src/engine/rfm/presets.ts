import {
  TABLE_FORMAT,
  TABLE_FORMAT_VERSION,
  type GradingTable,
  type InputDef,
  type RfmMethod,
  type Tier,
} from '../model';
import { OTHERS_SEGMENT, RFM_11_SEGMENTS, RFM_PACKAGE_SEGMENTS } from './segments';
import type { RfmMethodSpec, RfmSegmentDef } from './types';

/** The customer-level inputs every RFM table reads, by these ids. */
export const RFM_INPUT_IDS = { recency: 'recency', frequency: 'frequency', monetary: 'monetary' } as const;

export const RFM_INPUTS: InputDef[] = [
  {
    id: RFM_INPUT_IDS.recency,
    type: 'number',
    label: { en: 'Recency (days since last purchase)', zh: '最近一次消费距今天数' },
    aliases: ['recency_days', 'days_since_last_order', 'R', '最近消费天数', '未消费天数', '最近一次消费'],
  },
  {
    id: RFM_INPUT_IDS.frequency,
    type: 'number',
    label: { en: 'Frequency (number of orders)', zh: '消费频次（订单数）' },
    aliases: ['transaction_count', 'orders', 'order_count', 'F', '订单数', '消费次数', '购买次数'],
  },
  {
    id: RFM_INPUT_IDS.monetary,
    type: 'number',
    label: { en: 'Monetary (total spend)', zh: '消费金额（累计）' },
    aliases: ['amount', 'revenue', 'total', 'M', '消费金额', '累计金额', '总金额'],
  },
];

function tierOf(segment: Omit<RfmSegmentDef, 'tier'> & { tier: string }): Tier {
  return {
    id: segment.tier,
    label: segment.name,
    fill: segment.fill,
    font: segment.font,
    strategy: segment.action,
  };
}

function rfmTable(
  id: string,
  name: { en: string; zh: string },
  description: { en: string; zh: string },
  segments: readonly RfmSegmentDef[],
): GradingTable {
  const method: RfmMethodSpec = {
    kind: 'rfm',
    bins: { r: 5, f: 5, m: 5 },
    binning: 'quantile',
    segments: segments.map(({ tier, r, f, m, fm }) => ({
      tier,
      ...(r ? { r } : {}),
      ...(f ? { f } : {}),
      ...(m ? { m } : {}),
      ...(fm ? { fm } : {}),
    })),
    default: OTHERS_SEGMENT.tier,
  };
  return {
    format: TABLE_FORMAT,
    version: TABLE_FORMAT_VERSION,
    id,
    name,
    description,
    category: 'rfm',
    inputs: RFM_INPUTS.map((input) => ({ ...input })),
    // RfmMethodSpec is the proposed model shape (optional ranges, fm, default); see types.ts.
    method: method as RfmMethod,
    tiers: [...segments.map(tierOf), tierOf(OTHERS_SEGMENT)],
  };
}

/**
 * Built-in RFM grading tables: `rfm`, the R rfm package's ten segments, and
 * `rfm-11`, the R x FM grid with Hibernating and Lost. Quintile scores.
 */
export const RFM_PRESETS: readonly GradingTable[] = [
  rfmTable(
    'rfm',
    { en: 'RFM: 10 segments (R rfm package)', zh: 'RFM 十类客户分群（R rfm 包）' },
    {
      en: 'Recency, frequency and monetary quintile scores; segments as the R rfm package documents them, first match wins.',
      zh: '最近消费、消费频次、消费金额按五分位打分；分群规则同 R rfm 包文档，按顺序首个匹配生效。',
    },
    RFM_PACKAGE_SEGMENTS,
  ),
  rfmTable(
    'rfm-11',
    { en: 'RFM: 11 segments (R x FM grid)', zh: 'RFM 十一类客户分群（R × FM 网格）' },
    {
      en: 'Recency against the mean of frequency and monetary scores; every grid cell has a segment, including Hibernating and Lost.',
      zh: '以最近消费得分对照频次与金额得分的平均值；网格每格都有分群，含休眠客户与已流失客户。',
    },
    RFM_11_SEGMENTS,
  ),
];
