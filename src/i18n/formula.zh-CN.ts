import type { FormulaMessageKey } from './formula.en-US';

/** 原生 Excel 公式的中文文本（错误列的原因，以及分级表无法写成公式的原因）。 */
export const formulaZhCN: Record<FormulaMessageKey, string> = {
  'formula.error.blank': '{input}：单元格为空',
  'formula.error.cell-error': '{input}：单元格是错误值',
  'formula.error.not-a-number': '{input}：单元格不是数字',
  'formula.error.unread-text': '{input}：以文本形式输入的数字或日期，Excel 公式无法像 Tierwise 一样读取；请输入为数字',
  'formula.error.not-a-date': '{input}：单元格不是日期（请用 Excel 日期）',
  'formula.error.not-a-boolean': '{input}：单元格不是“是/否”（可用 是/否、TRUE/FALSE、1/0）',
  'formula.error.unknown-category': '{input}：文本不在可选值 {allowed} 之中',
  'formula.error.out-of-range': '{input}：数值不在分级表的任何区间内',
  'formula.error.no-match': '未分级：没有匹配的规则，且分级表没有默认等级',
  'formula.unsupported.population':
    '分级表 {table}：按客户之间的排名或按时间计算（ABC、按占比分级、衰减、封顶、距今天数），逐行公式无法计算；请使用数值模式',
  'formula.unsupported.rfm': '分级表 {table}：RFM 得分取决于整体（分位数），逐行公式无法计算；请使用数值模式',
  'formula.unsupported.text-input':
    '分级表 {table}：输入“{input}”是自由文本；引擎比较规范化后的文本，Excel 公式无法完全一致地重现',
  'formula.unsupported.number': '分级表 {table}：数字 {value} 太小，Excel 无法保存',
  'formula.unsupported.score-from-unscored': '分级表 {table}：输入“{input}”取自一个不给出得分的分级表的得分',
  'formula.too-long': '{output} 公式将有 {length} 个字符、{nesting} 层嵌套，超出 Excel 的限制（8,192 与 64）',
  'formula.bad-column': '输入“{input}”没有公式可读取的列',
  'formula.invalid-table': '分级表有 {count} 个问题',
  'formula.unread-rows': '{count} 行含以文本形式输入的数字或日期：在这些单元格改为数字之前，其公式显示错误',
  'formula.needs-xlsx': '--formulas 写入 Excel 公式，输入必须是 .xlsx 工作簿',
  'formula.helper-header': 'Tierwise 辅助列 {n}',
};
