import type { XlsxMessageKey } from './xlsx.en-US';

/** Simplified Chinese texts of grading .xlsx files; the same keys as xlsx.en-US.ts. */
export const xlsxZhCN: Record<XlsxMessageKey, string> = {
  'xlsx.no-sheet': '{file} 中没有工作表“{sheet}”；现有工作表：{sheets}',
  'xlsx.missing-sheet-part': '{file}：工作表“{sheet}”在文件中没有对应的部件（缺少 {part}）',
  'xlsx.empty': '{file}：工作表是空的（没有表头行）',
  'xlsx.unreadable': '{file}：不是可读取的 .xlsx 文件（{reason}）',
  'xlsx.wrote': '已写入 {rows} 行到 {file}（工作表：{sheets}）',
  'xlsx.damaged': '{file} 已损坏或不完整（zip 目录缺失或损坏）；请在 Excel 中打开并重新保存',
  'xlsx.too-large': '{file}：部件 {entry} 解压后将达 {size} 字节，超过上限 {limit}；疑似压缩炸弹，已拒绝',
  'xlsx.entities':
    '{file}：部件 {entry} 声明了带实体的 DTD，已拒绝：XML 实体可读取本机文件（XXE）或把几个字节膨胀到数 GB（billion laughs 攻击），Excel 从不写入实体。请在 Excel 中打开并重新保存',
  'xlsx.inflates-too-large':
    '{file}：部件 {entry} 解压后超过 {limit} 字节（其目录声称 {declared} 字节）；判定为压缩炸弹，未写出任何内容',
  'xlsx.out-not-xlsx':
    '--out {file}：对工作簿分级会写出工作簿（.xlsx），Excel 无法以该文件名打开；请改用以 .xlsx 结尾的文件名，或先把工作表另存为 CSV 再对 CSV 分级',
  'xlsx.cell-in-the-way':
    '{file}：工作表“{sheet}”的单元格 {cell} 有值，而 Tierwise 要在该处（最后一个表头右侧）写入它的列；请移走该值或为该列加上表头后再分级。未写入任何文件',
  'xlsx.out-xlsm':
    '--out {file}：{input} 不含宏，分级后的副本是 .xlsx 工作簿，Excel 只能以 .xlsx 结尾的文件名打开；请改用这样的文件名',
  'xlsx.out-macros':
    '--out {file}：{input} 含有宏，分级后的副本会保留宏，是 .xlsm 工作簿，Excel 只能以 .xlsm 结尾的文件名打开；请改用这样的文件名',
  'xlsx.read-failed': '{file}：读取在损坏的部件处中断（{reason}）；未写出任何内容',
  'xlsx.too-many-rows': '{file}：第 {row} 行超出了 Excel 工作表的最后一行（{limit}）；未写出任何内容',
  'xlsx.sheet-renamed': '工作表“{from}”写为“{to}”：{reason}',
  'xlsx.sheet-name.empty': '工作表名称不能为空',
  'xlsx.sheet-name.too-long': 'Excel 的工作表名称最多 31 个字符（此名称有 {length} 个）',
  'xlsx.sheet-name.character': 'Excel 的工作表名称不能包含 {character}',
  'xlsx.sheet-name.apostrophe': '工作表名称不能以撇号开头或结尾',
  'xlsx.sheet-name.reserved': 'Excel 保留了名称“{name}”',
  'xlsx.sheet-name.taken': 'Tierwise 会在同一工作簿中写入自己的工作表“{name}”',
};
