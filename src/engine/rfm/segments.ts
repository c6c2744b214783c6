import type { RfmScores, RfmSegmentDef, RfmSegmentRule, ScoreRange } from './types';

/** The FM score: the mean of F and M rounded half up (F 4, M 5 -> 5). */
export function fmScore(f: number, m: number): number {
  return (f + m + 1) >> 1;
}

function within(range: ScoreRange | undefined, score: number): boolean {
  return range === undefined || (score >= range[0] && score <= range[1]);
}

/** Whether a customer's scores satisfy every range of a rule (an unscored 0 satisfies only absent ranges). */
export function matchesRule(rule: RfmSegmentRule, r: number, f: number, m: number): boolean {
  return (
    within(rule.r, r) &&
    within(rule.f, f) &&
    within(rule.m, m) &&
    (rule.fm === undefined || (f > 0 && m > 0 && within(rule.fm, fmScore(f, m))))
  );
}

/** The index of the first matching rule, or -1 (the caller's "Others"). */
export function segmentOf(rules: readonly RfmSegmentRule[], r: number, f: number, m: number): number {
  for (let s = 0; s < rules.length; s++) if (matchesRule(rules[s]!, r, f, m)) return s;
  return -1;
}

/**
 * Assigns each customer the index of the first matching rule, -1 when none
 * matches. Scores are 0..10, so every (R, F, M) combination is looked up in a
 * table built once.
 */
export function assignSegments(
  scores: Pick<RfmScores, 'count' | 'r' | 'f' | 'm'>,
  rules: readonly RfmSegmentRule[],
): Int32Array {
  const lookup = new Int32Array(11 * 11 * 11);
  for (let r = 0; r <= 10; r++) {
    for (let f = 0; f <= 10; f++) {
      for (let m = 0; m <= 10; m++) lookup[(r * 11 + f) * 11 + m] = segmentOf(rules, r, f, m);
    }
  }
  const out = new Int32Array(scores.count);
  const { r, f, m } = scores;
  for (let i = 0; i < scores.count; i++) out[i] = lookup[(r[i]! * 11 + f[i]!) * 11 + m[i]!]!;
  return out;
}

const t = (en: string, zh: string): { en: string; zh: string } => ({ en, zh });

/** The segment shown for customers no rule matches. */
export const OTHERS_SEGMENT: Omit<RfmSegmentDef, 'tier'> & { tier: 'others' } = {
  tier: 'others',
  name: t('Others', '其他'),
  action: t('Review individually: no segment rule matched.', '逐个查看：没有分群规则匹配。'),
  fill: '#E0E0E0',
  font: '#000000',
};

const ACTIONS = {
  champions: t(
    'Reward them; invite them to try new products first; ask them to recommend you.',
    '奖励他们；邀请抢先试用新品；请他们推荐品牌。',
  ),
  loyal: t('Upsell higher-value products; ask for reviews; engage them.', '推荐更高价值的产品；邀请评价；保持互动。'),
  potential: t(
    'Offer membership or a loyalty programme; recommend related products.',
    '提供会员或积分计划；推荐相关产品。',
  ),
  new: t('Welcome and onboard them; help them to an early success.', '做好欢迎与入门引导；帮助他们尽快获得价值。'),
  promising: t('Build brand awareness; offer free trials.', '建立品牌认知；提供免费试用。'),
  attention: t(
    'Limited-time offers; recommend from their purchase history; reactivate.',
    '限时优惠；依据购买记录推荐；重新激活。',
  ),
  sleep: t(
    'Share useful content; recommend popular products at a discount; reconnect.',
    '分享有价值的内容；折扣推荐热门产品；重新联系。',
  ),
  risk: t(
    'Personal outreach to reconnect; renewal offers; helpful resources.',
    '个性化联系；续约或回购优惠；提供有用资源。',
  ),
  cantLose: t(
    'Win them back with renewals or new products; talk to them; do not lose them to competitors.',
    '以续约或新品赢回；主动沟通；别让竞争对手抢走。',
  ),
  hibernating: t(
    'Offer other relevant products and special discounts; rebuild brand value.',
    '推荐其他相关产品并给予专属折扣；重建品牌价值。',
  ),
  lost: t('Try one win-back campaign; otherwise stop spending on them.', '尝试一次唤回活动；无回应则不再投入。'),
};

const NAMES = {
  champions: t('Champions', '冠军客户'),
  loyal: t('Loyal Customers', '忠诚客户'),
  potential: t('Potential Loyalist', '潜在忠诚客户'),
  new: t('New Customers', '新客户'),
  promising: t('Promising', '有潜力客户'),
  attention: t('Need Attention', '需要关注客户'),
  sleep: t('About To Sleep', '即将沉睡客户'),
  risk: t('At Risk', '有流失风险客户'),
  cantLose: t("Can't Lose Them", '不能失去的客户'),
  hibernating: t('Hibernating', '休眠客户'),
  lost: t('Lost', '已流失客户'),
};

type Key = keyof typeof NAMES;

const COLOURS: Record<Key, [fill: string, font: string]> = {
  champions: ['#1B5E20', '#FFFFFF'],
  loyal: ['#2E7D32', '#FFFFFF'],
  potential: ['#66BB6A', '#000000'],
  new: ['#29B6F6', '#000000'],
  promising: ['#81D4FA', '#000000'],
  attention: ['#FFEE58', '#000000'],
  sleep: ['#FFB74D', '#000000'],
  risk: ['#F4511E', '#FFFFFF'],
  cantLose: ['#B71C1C', '#FFFFFF'],
  hibernating: ['#90A4AE', '#000000'],
  lost: ['#546E7A', '#FFFFFF'],
};

const TIER_IDS: Record<Key, string> = {
  champions: 'champions',
  loyal: 'loyal_customers',
  potential: 'potential_loyalist',
  new: 'new_customers',
  promising: 'promising',
  attention: 'need_attention',
  sleep: 'about_to_sleep',
  risk: 'at_risk',
  cantLose: 'cant_lose_them',
  hibernating: 'hibernating',
  lost: 'lost',
};

function seg(key: Key, ranges: Omit<RfmSegmentRule, 'tier'>): RfmSegmentDef {
  const [fill, font] = COLOURS[key];
  return { tier: TIER_IDS[key], name: NAMES[key], action: ACTIONS[key], fill, font, ...ranges };
}

/**
 * The R rfm package's ten segments, in its documented order and with its
 * documented score ranges (vignette "RFM - Introduction", rfm_segment
 * examples, rfm 0.3): first match wins, "Others" otherwise.
 */
export const RFM_PACKAGE_SEGMENTS: readonly RfmSegmentDef[] = [
  seg('champions', { r: [5, 5], f: [5, 5], m: [5, 5] }),
  seg('potential', { r: [3, 5], f: [3, 5], m: [2, 5] }),
  seg('loyal', { r: [2, 4], f: [2, 4], m: [2, 4] }),
  seg('promising', { r: [3, 4], f: [1, 3], m: [3, 5] }),
  seg('new', { r: [4, 5], f: [1, 3], m: [1, 5] }),
  seg('cantLose', { r: [1, 2], f: [3, 4], m: [4, 5] }),
  seg('risk', { r: [1, 2], f: [2, 5], m: [4, 5] }),
  seg('attention', { r: [1, 3], f: [3, 5], m: [3, 5] }),
  seg('sleep', { r: [2, 3], f: [1, 3], m: [1, 4] }),
  seg('lost', { r: [1, 1], f: [1, 5], m: [1, 5] }),
];

/**
 * The common 11-segment grid of R against FM (the mean of F and M): every one
 * of the 25 cells belongs to exactly one segment, and Lost (R 1, FM 1) is
 * split off Hibernating.
 *
 *     FM:  1            2            3             4           5
 *     R5   New          Potential    Potential     Champions   Champions
 *     R4   Promising    Potential    Potential     Loyal       Loyal
 *     R3   About2Sleep  About2Sleep  NeedAttention Loyal       Loyal
 *     R2   Hibernating  Hibernating  At Risk       At Risk     Can't Lose
 *     R1   Lost         Hibernating  At Risk       At Risk     Can't Lose
 */
export const RFM_11_SEGMENTS: readonly RfmSegmentDef[] = [
  seg('champions', { r: [5, 5], fm: [4, 5] }),
  seg('loyal', { r: [3, 4], fm: [4, 5] }),
  seg('potential', { r: [4, 5], fm: [2, 3] }),
  seg('new', { r: [5, 5], fm: [1, 1] }),
  seg('promising', { r: [4, 4], fm: [1, 1] }),
  seg('attention', { r: [3, 3], fm: [3, 3] }),
  seg('sleep', { r: [3, 3], fm: [1, 2] }),
  seg('cantLose', { r: [1, 2], fm: [5, 5] }),
  seg('risk', { r: [1, 2], fm: [3, 4] }),
  seg('lost', { r: [1, 1], fm: [1, 1] }),
  seg('hibernating', { r: [1, 2], fm: [1, 2] }),
];
