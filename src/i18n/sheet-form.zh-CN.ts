import type { SheetFormMessageKey } from './sheet-form.en-US';

/** Simplified Chinese texts of sheet-form syntax problems; the same keys as sheet-form.en-US.ts. */
export const sheetFormZhCN: Record<SheetFormMessageKey, string> = {
  'sheet.unknown-key': '标题区中有未知项“{text}”',
  'sheet.duplicate-key': '标题区中“{text}”出现了两次',
  'sheet.unknown-section': '未知的分区“{text}”',
  'sheet.duplicate-section': '分区“{text}”出现了两次',
  'sheet.section-not-for-method': '分区“{text}”不属于{method}类型的分级表',
  'sheet.missing-header': '分区“{text}”需要一行列标题',
  'sheet.unknown-heading': '未知的列标题“{text}”',
  'sheet.duplicate-heading': '列“{text}”出现了两次',
  'sheet.stray-cell': '此单元格不在本分区的任何列中',
  'sheet.orphan-row': '此行没有所属的上一项：请在第一行填写{column}',
  'sheet.bad-keyword': '“{text}”不是 {allowed} 之一',
  'sheet.bad-level': '层级 {level} 不能跟在层级 {previous} 之后：节点下的条件应深一层',
  'sheet.two-roots': '一个条件树只有一行层级 1；多个条件请放在 ALL 或 ANY 之下',
  'sheet.leaf-children': '带运算符的条件下面不能再有条件',
  'sheet.not-one-child': 'NOT 下面必须恰好有一个条件',
  'sheet.group-has-operator': 'ALL / ANY / NOT 行不填运算符和值',
  'sheet.unexpected-value': '运算符“{op}”不需要值',
  'sheet.cell-error': '单元格是错误值 {value}',
  'sheet.matrix-header': '“{text}”不是矩阵{axis}的区间编号',
  'sheet.bad-boolean': '“{value}”不是 TRUE 或 FALSE',
  'sheet.half-range': '请同时填写{from}和{to}，或两者都留空（表示任意得分）',
  'sheet.bad-date': '“{value}”不是日期；请按 2024-12-31 的格式填写',
  'sheet.bad-decay-steps': "'{text}' 不是阶梯列表，应写成 30: 0.8; 90: 0.5（起始天数: 系数）",
  'sheet.too-big': '此区域有 {found} {what}，最多读取 {limit}',
};
