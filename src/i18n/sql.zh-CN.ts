import type { SqlMessageKey } from './sql.en-US';

/** Simplified Chinese texts of `tierwise sql`; the same keys as sql.en-US.ts. */
export const sqlZhCN: Record<SqlMessageKey, string> = {
  'sql.summary': '把分级表输出为一条 SQL SELECT（DuckDB、PostgreSQL、Spark SQL）',
  'sql.usage':
    '用法：tierwise sql --table 预设或文件.json [--dialect duckdb|postgres|spark] [--source 表名或查询]\n' +
    '                   [--columns 输入id=列名 ...]\n\n' +
    '输出一条 SELECT，为数据源的每一行加上 score、tier 和 grade_error 三列，含义与引擎完全一致\n' +
    '（分档、ALL/ANY/NOT、空值、矩阵、表间引用、乘数、取整；RFM 表用窗口函数把整个数据源作为一个群体打分）。\n\n' +
    '选项：\n' +
    '  --dialect 名称        duckdb（默认）、postgres 或 spark\n' +
    '  --source 文本         表名或查询（默认：customers）\n' +
    '  --columns 输入id=列名  输入对应的数据源列（默认：与输入 id 同名的列）；\n' +
    '                        写成 id=（空）表示数据源没有这一列（按空值处理）；每个输入重复一次\n' +
    '单元格按严格规则读取：数字只认普通写法（1234.5、-3、1e5），类别和是/否按 lower(trim(文本)) 匹配；\n' +
    '“1.2万”“12,000”之类的文本会得到 not-a-number 错误，请先清洗（见 docs/sql.md）。\n',
  'sql.missing-table': '分级表（--table 预设或文件.json）',
  'sql.bad-dialect': '--dialect 只能是 duckdb、postgres 或 spark，实际为“{value}”',
  'sql.columns-syntax': '--columns 的格式应为 输入id=列名，实际为“{argument}”',
  'sql.unknown-input': '--columns {input}=...：分级表没有输入“{input}”；它的输入有：{inputs}',
  'sql.bad-identifier': '列名“{name}”无法写成 {dialect} 的标识符',
  'sql.bad-literal': '分级表 {table}：文本“{text}”含有 NUL 字符，无法写成 SQL 字面量',
  'sql.invalid-table': '{file}：分级表有 {count} 个问题：',
  'sql.unsupported.rfm-source': '分级表 {table}：在 SQL 中，RFM 表不能作为其他表输入的来源（其打分需要整个客户群体）',
  'sql.unsupported.rfm-breakpoints':
    '分级表 {table}：RFM 断点不是升序，引擎按 R rfm 的“最后匹配”规则打分，SQL 导出不重现该规则；请先排序',
  'sql.unsupported.text-input':
    '分级表 {table}：输入“{input}”是自由文本；引擎比较的是规范化后的文本（全角折叠、去掉空格和连字符），' +
    'SQL 无法精确重现，因此不输出 SQL',
  'sql.unsupported.date-input': '分级表 {table}：RFM 输入“{input}”是最近一次消费日期；导出 SQL 时请改为距今天数',
  'sql.unsupported.score-from-unscored': '分级表 {table}：输入“{input}”取自一个不给出分数的表的分数',
  'sql.unsupported.abc-source': '分级表 {table}：在 SQL 中，ABC 表不能作为其他表输入的来源（其等级需要整个客户群体）',
  'sql.unsupported.share-thresholds':
    '分级表 {table}：按客户占比的分数线暂不能导出为 SQL；请先校准为固定分数线（tierwise calibrate）',
  'sql.unsupported.decay': '分级表 {table}：按时长衰减的分数暂不能导出为 SQL，因此不输出 SQL',
  'sql.unsupported.point-caps': '分级表 {table}：分数封顶暂不能导出为 SQL，因此不输出 SQL',
  'sql.unsupported.days-since': '分级表 {table}：按日期计算距今天数的输入暂不能导出为 SQL；请以数字列给出天数',
};
