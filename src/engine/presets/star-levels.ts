import type { GradingTable } from '../model';
import { SWATCHES } from './palette';

/** grading-systems.md section 11: star levels by loyalty points. */
export const STAR_LEVELS: GradingTable = {
  format: 'tierwise/grading-table',
  version: 1,
  id: 'star-levels',
  name: { en: 'Star levels by loyalty points', zh: '星级客户（按积分）' },
  description: {
    en:
      'Five stars >= 10,000 points, four >= 5,000, three >= 2,000, two >= 500, one >= 0 (editable examples). A ' +
      'negative balance is ungraded. The score is the number of stars.',
    zh: '五星 ≥ 10,000积分，四星 ≥ 5,000，三星 ≥ 2,000，二星 ≥ 500，一星 ≥ 0（可修改的示例）。积分为负的客户不评级。分值为星数。',
  },
  category: 'segment',
  inputs: [
    {
      id: 'loyalty_points',
      type: 'number',
      label: { en: 'Loyalty points', zh: '会员积分' },
      aliases: ['会员积分', '积分', '累计积分', '忠诚度积分', 'Loyalty points', 'Points', 'Reward points'],
    },
  ],
  method: {
    kind: 'rules',
    rules: [
      { tier: 'star5', when: { input: 'loyalty_points', op: '>=', value: 10_000 } },
      { tier: 'star4', when: { input: 'loyalty_points', op: '>=', value: 5_000 } },
      { tier: 'star3', when: { input: 'loyalty_points', op: '>=', value: 2_000 } },
      { tier: 'star2', when: { input: 'loyalty_points', op: '>=', value: 500 } },
      { tier: 'star1', when: { input: 'loyalty_points', op: '>=', value: 0 } },
    ],
  },
  tiers: [
    { id: 'star5', label: { en: '★★★★★ Five stars', zh: '★★★★★ 五星' }, score: 5, ...SWATCHES.green },
    { id: 'star4', label: { en: '★★★★ Four stars', zh: '★★★★ 四星' }, score: 4, ...SWATCHES.lightGreen },
    { id: 'star3', label: { en: '★★★ Three stars', zh: '★★★ 三星' }, score: 3, ...SWATCHES.yellow },
    { id: 'star2', label: { en: '★★ Two stars', zh: '★★ 二星' }, score: 2, ...SWATCHES.lightOrange },
    { id: 'star1', label: { en: '★ One star', zh: '★ 一星' }, score: 1, ...SWATCHES.grey },
  ],
};
