/**
 * The vocabulary of the sheet form: the marker, title keys, section names and
 * column headings, each in English and Chinese. print.ts writes the English /
 * Chinese pair; parse.ts accepts either half or the pair.
 */
import type { MethodKind } from '../model';
import { normalizeWord } from './text';

/** The newest sheet-form version this code reads and the version it writes. */
export const sheetTableVersion = 1;

export const MARKER = 'Tierwise grading table';
export const MARKER_ZH = 'Tierwise 分级表';

/** Bounds of a block before any parsing (after trailing blank rows / columns are dropped). */
export const SHEET_LIMITS = { rows: 5000, columns: 80 } as const;

export interface Word {
  en: string;
  zh: string;
}

export function heading(word: Word): string {
  return `${word.en} / ${word.zh}`;
}

export const VERSION_KEY: Word = { en: 'Version', zh: '版本' };

export const TITLE_KEYS = {
  id: { en: 'Id', zh: '编号' },
  name: { en: 'Name', zh: '名称' },
  description: { en: 'Description', zh: '说明' },
  category: { en: 'Category', zh: '类别' },
  method: { en: 'Method', zh: '方法' },
  round: { en: 'Round to decimals', zh: '总分小数位' },
  default: { en: 'Default tier', zh: '默认等级' },
  rowsInput: { en: 'Rows input', zh: '行输入项' },
  columnsInput: { en: 'Columns input', zh: '列输入项' },
  output: { en: 'Output', zh: '输出' },
  binning: { en: 'Binning', zh: '分箱方式' },
  bins: { en: 'Bins (R, F, M)', zh: '分档数 (R, F, M)' },
  closed: { en: 'Closed side', zh: '闭区间方向' },
  asOf: { en: 'As of', zh: '截止日期' },
  rankedInput: { en: 'Ranked input', zh: '排名输入项' },
  maxTotal: { en: 'Max total', zh: '总分上限' },
} as const satisfies Record<string, Word>;

export type TitleKey = keyof typeof TITLE_KEYS;

/** Title keys allowed per method (the common ones are allowed for all). */
export const METHOD_TITLE_KEYS: Record<MethodKind, TitleKey[]> = {
  // "As of" is the table's as-of date (daysSince inputs), except in RFM tables, where it is the method's.
  scorecard: ['round', 'maxTotal', 'asOf'],
  rules: ['default', 'asOf'],
  matrix: ['rowsInput', 'columnsInput', 'output', 'asOf'],
  rfm: ['binning', 'bins', 'closed', 'asOf', 'default'],
  abc: ['rankedInput'],
};

interface ColumnSpec extends Word {
  key: string;
}

function col(key: string, en: string, zh: string): ColumnSpec {
  return { key, en, zh };
}

const LABEL_COLUMNS = [col('labelEn', 'Label (en)', '名称（英）'), col('labelZh', 'Label (zh)', '名称（中）')];
const TREE_COLUMNS = [
  col('level', 'Level', '层级'),
  col('node', 'Condition', '条件'),
  col('op', 'Operator', '运算符'),
  col('value', 'Value', '值'),
];

export const SECTIONS = {
  inputs: {
    en: 'Inputs',
    zh: '输入项',
    columns: [
      col('id', 'Input', '输入项'),
      col('type', 'Type', '类型'),
      ...LABEL_COLUMNS,
      col('aliases', 'Header aliases', '列名别名'),
      col('required', 'Required', '必填'),
      col('daysSince', 'Days since', '距今天数'),
      col('sourceTable', 'Source table', '来源表'),
      col('sourceOutput', 'Source output', '来源输出'),
      col('descriptionEn', 'Description (en)', '说明（英）'),
      col('descriptionZh', 'Description (zh)', '说明（中）'),
    ],
  },
  values: {
    en: 'Category values',
    zh: '类别取值',
    columns: [
      col('input', 'Input', '输入项'),
      col('id', 'Value', '取值'),
      ...LABEL_COLUMNS,
      col('aliases', 'Aliases', '别名'),
    ],
  },
  criteria: {
    en: 'Criteria',
    zh: '评分项',
    columns: [
      col('id', 'Criterion', '评分项'),
      col('input', 'Input', '输入项'),
      col('band', 'Band', '区间'),
      col('points', 'Points', '分值'),
      col('weight', 'Weight', '权重'),
      col('blankPoints', 'Blank points', '空值分'),
      col('group', 'Group', '分组'),
      col('decayAge', 'Decay by age', '按时长衰减'),
      col('halfLife', 'Half-life (days)', '半衰期（天）'),
      col('decaySteps', 'Decay steps', '衰减阶梯'),
      ...LABEL_COLUMNS,
    ],
  },
  pointCaps: {
    en: 'Point caps',
    zh: '分数封顶',
    columns: [col('group', 'Group', '分组'), col('max', 'Max points', '最高分')],
  },
  multipliers: {
    en: 'Multipliers',
    zh: '系数',
    columns: [col('id', 'Multiplier', '系数'), col('factor', 'Factor', '倍数'), ...TREE_COLUMNS, ...LABEL_COLUMNS],
  },
  thresholds: {
    en: 'Thresholds',
    zh: '分数线',
    columns: [col('tier', 'Tier', '等级'), col('op', 'Operator', '运算符'), col('score', 'Score', '分数')],
  },
  rules: {
    en: 'Rules',
    zh: '规则',
    columns: [col('tier', 'Tier', '等级'), ...TREE_COLUMNS, ...LABEL_COLUMNS],
  },
  matrixRows: {
    en: 'Matrix rows',
    zh: '矩阵行',
    columns: [col('id', 'Band id', '区间编号'), col('match', 'Band', '区间'), ...LABEL_COLUMNS],
  },
  matrixColumns: {
    en: 'Matrix columns',
    zh: '矩阵列',
    columns: [col('id', 'Band id', '区间编号'), col('match', 'Band', '区间'), ...LABEL_COLUMNS],
  },
  matrix: { en: 'Matrix', zh: '矩阵', columns: [] as ColumnSpec[] },
  breakpoints: {
    en: 'Breakpoints',
    zh: '分割点',
    columns: [col('dimension', 'Dimension', '维度'), col('points', 'Cut points', '分割点')],
  },
  caps: {
    en: 'Caps',
    zh: '封顶',
    columns: [col('dimension', 'Dimension', '维度'), col('kind', 'Cap by', '封顶方式'), col('value', 'Cap', '封顶值')],
  },
  segments: {
    en: 'Segments',
    zh: '分群',
    columns: [
      col('tier', 'Tier', '等级'),
      col('rFrom', 'R from', 'R 起'),
      col('rTo', 'R to', 'R 止'),
      col('fFrom', 'F from', 'F 起'),
      col('fTo', 'F to', 'F 止'),
      col('mFrom', 'M from', 'M 起'),
      col('mTo', 'M to', 'M 止'),
      col('fmFrom', 'FM from', 'FM 起'),
      col('fmTo', 'FM to', 'FM 止'),
    ],
  },
  cuts: {
    en: 'Cuts',
    zh: '分界',
    columns: [col('tier', 'Tier', '等级'), col('upTo', 'Up to share', '累计占比至')],
  },
  tiers: {
    en: 'Tiers',
    zh: '等级',
    columns: [
      col('id', 'Tier', '等级'),
      ...LABEL_COLUMNS,
      col('fill', 'Fill colour', '填充色'),
      col('font', 'Font colour', '字体色'),
      col('strategyEn', 'Strategy (en)', '策略（英）'),
      col('strategyZh', 'Strategy (zh)', '策略（中）'),
      col('cadenceEn', 'Cadence (en)', '跟进频率（英）'),
      col('cadenceZh', 'Cadence (zh)', '跟进频率（中）'),
      col('targetShare', 'Target share', '目标占比'),
      col('score', 'Score', '分数'),
    ],
  },
} satisfies Record<string, Word & { columns: ColumnSpec[] }>;

export type SectionKey = keyof typeof SECTIONS;

/** Columns a section must have; print drops the other columns when they are empty throughout. */
export const REQUIRED_COLUMNS: Record<SectionKey, string[]> = {
  inputs: ['id', 'type', 'labelEn'],
  values: ['input', 'id'],
  criteria: ['id', 'input', 'band', 'points'],
  multipliers: ['id', 'factor', 'level', 'node', 'op', 'value'],
  pointCaps: ['group', 'max'],
  thresholds: ['tier', 'op', 'score'],
  rules: ['tier', 'level', 'node', 'op', 'value'],
  matrixRows: ['id', 'match'],
  matrixColumns: ['id', 'match'],
  matrix: [],
  breakpoints: ['dimension'],
  caps: ['dimension', 'kind', 'value'],
  // A range pair left out (or blank) means any score, so only the tier is required.
  segments: ['tier'],
  cuts: ['tier', 'upTo'],
  tiers: ['id', 'labelEn', 'fill', 'font'],
};

/** Sections in print order, and which methods may have them. */
export const SECTION_ORDER: Array<{ key: SectionKey; methods: MethodKind[] | 'all' }> = [
  { key: 'inputs', methods: 'all' },
  { key: 'values', methods: 'all' },
  { key: 'criteria', methods: ['scorecard'] },
  { key: 'multipliers', methods: ['scorecard'] },
  { key: 'pointCaps', methods: ['scorecard'] },
  { key: 'rules', methods: ['rules'] },
  { key: 'matrixRows', methods: ['matrix'] },
  { key: 'matrixColumns', methods: ['matrix'] },
  { key: 'matrix', methods: ['matrix'] },
  { key: 'thresholds', methods: ['scorecard', 'matrix'] },
  { key: 'breakpoints', methods: ['rfm'] },
  { key: 'caps', methods: ['rfm'] },
  { key: 'segments', methods: ['rfm'] },
  { key: 'cuts', methods: ['abc'] },
  { key: 'tiers', methods: 'all' },
];

/** Condition-tree group keywords (Level/Condition columns), in either language. */
export const GROUP_WORDS: Record<'all' | 'any' | 'not', string[]> = {
  all: ['all', 'and', '全部', '并且', '且'],
  any: ['any', 'or', '任一', '或者', '或'],
  not: ['not', '非', '不'],
};

/** Condition operators as printed, and the other spellings parse accepts. */
export const OPERATOR_WORDS: Record<string, string[]> = {
  '=': ['=', '==', 'eq'],
  '<>': ['<>', '!=', '≠', 'ne'],
  '<': ['<'],
  '<=': ['<=', '≤', '≦', '=<'],
  '>': ['>'],
  '>=': ['>=', '≥', '≧', '=>'],
  between: ['between', '介于', '区间'],
  in: ['in', 'one of', '属于', '之一'],
  blank: ['is blank', 'blank', '为空', '空'],
  not_blank: ['not blank', 'not_blank', 'is not blank', '非空', '不为空'],
  contains: ['contains', '包含'],
};

/** Finds which word of a vocabulary a typed text is: "Points / 分值", "points", "分值" all give the same key. */
export function matchWord<K extends string>(text: string, words: Record<K, Word>): K | undefined {
  const norm = normalizeWord(text).replace(/\s*\/\s*/g, ' / ');
  for (const key of Object.keys(words) as K[]) {
    const w = words[key];
    if (norm === normalizeWord(heading(w)) || norm === normalizeWord(w.en) || norm === normalizeWord(w.zh)) return key;
  }
  return undefined;
}

/** RFM keywords as printed first, then the other spellings parse accepts. */
export const CLOSED_WORDS: Record<'right' | 'left', string[]> = {
  right: ['right', '右', '右闭', '(a, b]'],
  left: ['left', '左', '左闭', '[a, b)'],
};
export const DIMENSION_WORDS: Record<'r' | 'f' | 'm', string[]> = { r: ['R'], f: ['F'], m: ['M'] };
export const CAP_WORDS: Record<'percentile' | 'value', string[]> = {
  percentile: ['percentile', '百分位', '分位数'],
  value: ['value', '数值', '固定值'],
};

/** The last threshold's operator cell: no bound. */
export const OTHERWISE_WORDS = ['otherwise', 'else', 'other', '其余', '其他', '否则'];
export const OTHERWISE = 'otherwise / 其余';

/** A threshold by share of customers ("top 20%"): its operator cell as printed, and the spellings parse accepts. */
export const TOP_SHARE = 'top / 前';
export const TOP_SHARE_WORDS = ['top', 'top share', '前', '前占比', 'top / 前'];
