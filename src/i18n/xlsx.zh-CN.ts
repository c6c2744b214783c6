import type { XlsxMessageKey } from './xlsx.en-US';

/** Simplified Chinese texts of grading .xlsx files; the same keys as xlsx.en-US.ts. */
export const xlsxZhCN: Record<XlsxMessageKey, string> = {
  'xlsx.no-sheet': '{file} 中没有工作表“{sheet}”；现有工作表：{sheets}',
  'xlsx.empty': '{file}：工作表是空的（没有表头行）',
  'xlsx.unreadable': '{file}：不是可读取的 .xlsx 文件（{reason}）',
  'xlsx.wrote': '已写入 {rows} 行到 {file}（工作表：{sheets}）',
};
