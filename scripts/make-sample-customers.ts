/**
 * Writes data/sample-customers.csv: 300 made-up customers with Chinese
 * headers, the bundled sample that `tierwise demo` grades. Deterministic (a
 * seeded PRNG), so running it again gives the same bytes:
 *
 *   npx tsx scripts/make-sample-customers.ts
 *
 * It has the mess real sheets have: amounts written as "1.2万", "¥8,000" or
 * "12,000", the rulebook's boundary values (5,000 / 10,000 / 20,000 and
 * 30 / 45 / 60 days), and a handful of cells that cannot be read ("待定",
 * "3O", blanks), so the demo shows how such rows are reported.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { formatCsvRow } from '../src/cli/csv/writer';
import { seededRandom as prng } from '../test/support/seeded-random';

const ROWS = 300;
const SEED = 20240615;
const OUT = resolve(__dirname, '..', 'data', 'sample-customers.csv');

const random = prng(SEED);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const between = (low: number, high: number): number => low + random() * (high - low);
/** Roughly normal (sum of uniforms). */
const gauss = (): number => random() + random() + random() + random() - 2;

const REGIONS: Record<string, readonly string[]> = {
  华东: ['上海', '杭州', '苏州', '南京', '宁波', '合肥', '无锡', '温州'],
  华南: ['广州', '深圳', '东莞', '佛山', '厦门', '福州'],
  华北: ['北京', '天津', '石家庄', '太原', '济南', '青岛'],
  华中: ['武汉', '长沙', '郑州', '南昌'],
  西南: ['成都', '重庆', '昆明', '贵阳'],
  西北: ['西安', '兰州', '银川'],
  东北: ['沈阳', '大连', '哈尔滨', '长春'],
};
const REGION_WEIGHTS: Array<[string, number]> = [
  ['华东', 0.32],
  ['华南', 0.22],
  ['华北', 0.16],
  ['华中', 0.1],
  ['西南', 0.1],
  ['西北', 0.05],
  ['东北', 0.05],
];
const SYLLABLES = [...'恒达鑫盛华宏伟泰瑞祥隆富康信联诚安通源博嘉润德汇丰海天永力新正远晨明辉昌恒顺益邦'];
/** Trade word in the name -> the industry column. */
const TRADES: Array<[string, string]> = [
  ['机电', '机械设备'],
  ['精密机械', '机械设备'],
  ['包装', '包装印刷'],
  ['印务', '包装印刷'],
  ['食品', '食品饮料'],
  ['饮品', '食品饮料'],
  ['五金', '五金建材'],
  ['建材', '五金建材'],
  ['电子', '电子电器'],
  ['电器', '电子电器'],
  ['化工', '化工塑胶'],
  ['塑胶', '化工塑胶'],
  ['纺织', '纺织服装'],
  ['服饰', '纺织服装'],
  ['医疗器械', '医疗健康'],
  ['物流', '物流运输'],
  ['家居', '家居用品'],
  ['汽配', '汽车配件'],
];
const SUFFIXES: Array<[string, number]> = [
  ['有限公司', 0.62],
  ['科技有限公司', 0.14],
  ['贸易有限公司', 0.1],
  ['股份有限公司', 0.08],
  ['商行', 0.06],
];
const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高'];
const GIVEN = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '磊',
  '强',
  '洋',
  '艳',
  '杰',
  '军',
  '勇',
  '婷',
  '涛',
  '明',
  '超',
  '霞',
  '平',
  '刚',
  '丽',
];

function weighted<T>(choices: ReadonlyArray<[T, number]>): T {
  let r = random();
  for (const [value, weight] of choices) {
    if (r < weight) return value;
    r -= weight;
  }
  return (choices[choices.length - 1] as [T, number])[0];
}

/** How a clerk typed the amount: mostly a plain number, sometimes with 万, ¥ or thousands separators. */
function writeAmount(value: number): string {
  const style = random();
  if (style < 0.07 && value >= 10000)
    return `${(value / 10000).toFixed(value % 1000 === 0 ? 1 : 2).replace(/\.?0+$/, '')}万`;
  if (style < 0.13) return `¥${Math.round(value).toLocaleString('en-US')}`;
  if (style < 0.22) return Math.round(value).toLocaleString('en-US');
  if (style < 0.25) return value.toFixed(2);
  return String(Math.round(value));
}

function date(daysAgo: number): string {
  const asOf = Date.UTC(2024, 11, 31);
  const d = new Date(asOf - Math.round(daysAgo) * 86400000);
  const [y, m, day] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
  // Most dates ISO, some the way Chinese Excel shows them.
  return random() < 0.8 ? `${y}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}` : `${y}/${m}/${day}`;
}

const HEADER = [
  '客户编号',
  '客户名称',
  '所属区域',
  '城市',
  '行业',
  '销售负责人',
  '月均销售额',
  '回款天数',
  '年度订单数',
  '最近下单日期',
];

/** Row index -> what goes into a column instead of the generated value. */
const MESSY: Record<number, Partial<Record<'sales' | 'days', string>>> = {
  17: { sales: '待定' },
  58: { days: '3O' },
  121: { days: '' },
  203: { sales: '约2万' },
  266: { days: '#N/A' },
};
/** Boundary values of the payment scorecard, placed on fixed rows. */
const BOUNDARIES: Record<number, { sales?: number; days?: number }> = {
  3: { sales: 20000, days: 30 },
  9: { sales: 10000, days: 45 },
  24: { sales: 5000, days: 60 },
  40: { sales: 20000, days: 31 },
  77: { sales: 10001, days: 61 },
};

const names = new Set<string>();
const lines: string[] = [formatCsvRow(HEADER)];
for (let i = 0; i < ROWS; i++) {
  const region = weighted(REGION_WEIGHTS);
  const city = pick(REGIONS[region] as readonly string[]);
  const [trade, industry] = pick(TRADES);
  let name = '';
  do {
    name = `${city}${pick(SYLLABLES)}${pick(SYLLABLES)}${trade}${weighted(SUFFIXES)}`;
  } while (names.has(name));
  names.add(name);
  const given = pick(GIVEN);
  const second = pick(GIVEN.filter((g) => g !== given));
  const owner = pick(SURNAMES) + given + (random() < 0.4 ? second : '');

  // Monthly sales: log-normal around 12,000, a long tail of big accounts.
  let sales = Math.exp(Math.log(12000) + gauss() * 1.1);
  sales = Math.max(800, Math.min(260000, sales));
  sales = sales < 20000 ? Math.round(sales / 10) * 10 : Math.round(sales / 100) * 100;
  // Bigger accounts tend to pay on time, with plenty of exceptions.
  let days = Math.round(Math.max(0, 42 - Math.log10(sales / 12000) * 12 + gauss() * 22));
  if (random() < 0.06) days = Math.round(between(75, 150));
  const boundary = BOUNDARIES[i];
  if (boundary?.sales !== undefined) sales = boundary.sales;
  if (boundary?.days !== undefined) days = boundary.days;
  const orders = Math.max(1, Math.round((sales / 2500) * between(0.6, 1.5)));
  const lastOrder = date(Math.min(400, Math.abs(gauss()) * (365 / Math.sqrt(orders))));

  const messy = MESSY[i] ?? {};
  const salesText = messy.sales ?? (boundary?.sales !== undefined ? String(sales) : writeAmount(sales));
  const daysText = messy.days ?? String(days);
  const id = `KH${String(2024001 + i * 7).padStart(7, '0')}`;
  lines.push(formatCsvRow([id, name, region, city, industry, owner, salesText, daysText, String(orders), lastOrder]));
}

// A UTF-8 BOM, so that Excel shows the Chinese headers when the file is double-clicked.
writeFileSync(OUT, '\uFEFF' + lines.join('\r\n') + '\r\n', 'utf8');
process.stdout.write(`wrote ${ROWS} customers to ${OUT}\n`);
