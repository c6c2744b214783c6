import type { GradingTable } from '../model';
import { SWATCHES } from './palette';

/**
 * grading-systems.md section 4, 客户分类等级划分表 (polymer battery cells):
 * cumulative orders and volume; no default tier, so a customer matching none
 * of A/B/C is ungraded with a reason instead of a silent C.
 */
export const ORDER_VOLUME: GradingTable = {
  format: 'tierwise/grading-table',
  version: 1,
  id: 'order-volume',
  name: { en: 'Order count and volume', zh: '客户分类等级划分表（订单数与数量）' },
  description: {
    en:
      'A (strategic): cumulative orders > 5 and cumulative volume > 100,000. B: orders > 3 and 10,000 <= volume <= ' +
      '100,000 (both ends inclusive). C: sporadic orders, read as 1 to 3 orders, and volume < 10,000. A customer ' +
      'matching none of these (e.g. 4-5 orders with volume over 100,000, or no orders yet) is ungraded, not C. The ' +
      'process class (past / current / upcoming) is carried along and does not change the grade.',
    zh:
      'A（战略性客户）：累计订单数 > 5 且累计数量 > 10万。B：累计订单数 > 3 且累计数量在1万–10万之间（含两端）。' +
      'C：零星订单（按1–3单计）且累计数量 < 1万。不满足以上任何一条的客户（如4–5单且数量超过10万，或尚无订单）' +
      '不评级，而不是默认为C。交易进程（曾经有过交易/正在进行交易/即将进行交易）随行记录，不影响等级。',
  },
  category: 'segment',
  inputs: [
    {
      id: 'order_count',
      type: 'number',
      label: { en: 'Cumulative orders', zh: '累计订单数' },
      aliases: [
        '累计订单数',
        '累计订单',
        '订单数',
        '订单次数',
        '下单次数',
        'Cumulative orders',
        'Order count',
        'Orders',
      ],
    },
    {
      id: 'volume',
      type: 'number',
      label: { en: 'Cumulative volume', zh: '累计数量' },
      aliases: ['累计数量', '累计量', '累计出货量', '累计采购量', '数量', 'Cumulative volume', 'Volume', 'Quantity'],
    },
    {
      id: 'process',
      type: 'category',
      label: { en: 'Process class', zh: '交易进程' },
      aliases: ['交易进程', '交易状态', 'Process class', 'Process', 'Deal status'],
      required: false,
      values: [
        {
          id: 'past',
          label: { en: 'Past', zh: '曾经有过交易' },
          aliases: ['曾经有过交易', '曾经交易', '过往客户', '过去', 'Past customer', 'Traded before'],
        },
        {
          id: 'current',
          label: { en: 'Current', zh: '正在进行交易' },
          aliases: ['正在进行交易', '正在交易', '现有客户', '当前', 'Current customer', 'Trading now'],
        },
        {
          id: 'upcoming',
          label: { en: 'Upcoming', zh: '即将进行交易' },
          aliases: ['即将进行交易', '即将交易', '准客户', '即将', 'Upcoming customer', 'About to trade'],
        },
      ],
    },
  ],
  method: {
    kind: 'rules',
    rules: [
      {
        tier: 'A',
        when: {
          all: [
            { input: 'order_count', op: '>', value: 5 },
            { input: 'volume', op: '>', value: 100_000 },
          ],
        },
      },
      {
        tier: 'B',
        when: {
          all: [
            { input: 'order_count', op: '>', value: 3 },
            { input: 'volume', op: 'between', range: { gte: 10_000, lte: 100_000 } },
          ],
        },
      },
      {
        tier: 'C',
        when: {
          all: [
            { input: 'order_count', op: 'between', range: { gte: 1, lte: 3 } },
            { input: 'volume', op: '<', value: 10_000 },
          ],
        },
      },
    ],
  },
  tiers: [
    { id: 'A', label: { en: 'A Strategic', zh: 'A 战略性客户' }, ...SWATCHES.green },
    { id: 'B', label: { en: 'B', zh: 'B级客户' }, ...SWATCHES.yellow },
    { id: 'C', label: { en: 'C', zh: 'C级客户' }, ...SWATCHES.red },
  ],
};
