import type { FunctionsMessageKey } from './functions.en-US';

/** Simplified Chinese texts of the custom functions' error messages; the same keys as functions.en-US.ts. */
export const functionsZhCN: Record<FunctionsMessageKey, string> = {
  'functions.columns-count':
    '分级表读取 {expected} 列（{inputs}），但数值有 {found} 列；请把表头行作为第 4 个参数，按列名对应',
  'functions.headers-width': '表头行有 {found} 个单元格，但数值有 {expected} 列',
  'functions.missing-columns': '表头 {headers} 中没有 {inputs} 对应的列',
  'functions.bad-output': '输出“{value}”不是 {allowed} 之一',
  'functions.no-score': '分级表“{table}”只给出等级，没有分数；请用输出 "tier"（等级）',
  'functions.payload': '结果约 {size} MB，超过 Excel 网页版可接受的 5 MB；请把区域拆分为每段不超过 {rows} 行',
  'functions.unknown-table': '“{value}”既不是预设编号，也不是表格形式的分级表；预设有：{presets}',
  'functions.unknown-source':
    '{cell}：预设和传入的分级表中都没有“{table}”；请把它与本表一起传入，例如 VSTACK({name}, {source})',
  'functions.not-rfm-table': '分级表“{table}”不是 RFM 表；请用 "rfm"、"rfm-11" 或方法为 rfm 的分级表',
  'functions.lengths': '{names} 的行数必须相同（{counts}）',
  'functions.one-column': '{name} 必须是一列；现在有 {found} 列',
  'functions.bad-bins': '分档数“{value}”不是 2 到 10 之间的数（或 r=5,f=4,m=5）',
  'functions.bad-as-of': '分析日期“{value}”不是日期（请用 DATE(2024,12,31) 或 2024-12-31）',
  'functions.bad-orders': '有 {count} 行订单无法读取；第一行是区域中的第 {row} 行：{message}',
  'functions.no-rows': '没有可分析的行',
  'functions.rfm-bins-segments':
    '分档数 {bins} 与“{table}”的细分不匹配：有 {count} 个分数区间超出这些分档（{first}）；请传入为这些分档设计的细分表，或改用 "code" 或 "scores" 输出',
  'functions.rfm-negative': '{input}：{value} 是负数；RFM 只接受 0 或以上的天数、订单数和金额',
  'functions.rfm-after-as-of':
    'recency：最近一次购买 {date} 晚于分析日期 {asOf}；请选择不早于每位客户最近一次购买的分析日期',
  'functions.rfm-sum-overflow': '客户 {customer} 的金额合计超出了 Excel 能保存的最大数（约 1.8E+308）',
  'functions.rfm-as-of-before-orders': '分析日期 {asOf} 早于所有订单（最早一笔在 {first}）：没有可分析的客户',
};
