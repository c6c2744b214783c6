/**
 * Simplified Chinese help for the custom functions: Excel shows it in
 * autocomplete and the Insert Function dialog when Office's language is
 * zh-CN (the manifest points zh-CN at functions.zh-CN.json, which the build
 * makes from functions.json and this table). Function names stay as in
 * English, like Excel's own functions in Chinese Excel; parameter names and
 * descriptions are translated. Every function and parameter must be here:
 * the build fails otherwise.
 */
export interface LocalizedFunctionHelp {
  description: string;
  parameters: Record<string, { name: string; description: string }>;
}

export const FUNCTIONS_METADATA_ZH_CN: Record<string, LocalizedFunctionHelp> = {
  TIER_SCORE: {
    description: '按分级表为客户分级：每行数值得到一个等级（或分数、说明），向下溢出。',
    parameters: {
      values: { name: '数值', description: '客户数据行，一行或多行：列的顺序同分级表的输入项，或按表头对应。' },
      table: {
        name: '分级表',
        description: '分级表：表格形式的区域（通常是定义的名称），或预设编号，如 "payment-scorecard"。',
      },
      output: {
        name: '输出',
        description: '"等级"（默认）、"分数"、"说明" 或 "分数,等级"（两列）；也可用 tier、score、explain。',
      },
      headers: { name: '表头', description: '数值上方的表头行（一行），按列名对应分级表的输入项。' },
    },
  },
  RFM: {
    description: 'RFM 客户分析：每位客户的 RFM 代码（如 "545"）、R/F/M 得分或客户分群，向下溢出。',
    parameters: {
      recency: { name: '最近消费', description: '每位客户最近一次消费距今的天数，或最近一次消费的日期。' },
      frequency: { name: '消费频次', description: '每位客户的订单数。' },
      monetary: { name: '消费金额', description: '每位客户的累计消费金额。' },
      output: {
        name: '输出',
        description: '"代码"（默认）、"得分"（R、F、M 三列）或 "分群"（中文分群名）；也可用 code、scores、segment。',
      },
      bins: { name: '分档数', description: '每个维度的分数档数，2 到 10（默认 5），或 "r=5,f=4,m=5"。' },
      segments: {
        name: '分群规则',
        description: '"rfm"（默认，十类分群）、"rfm-11"，或表格形式的 RFM 分级表。',
      },
      as_of: { name: '分析日期', description: '最近消费为日期时的分析日期；默认为最晚日期的次日。' },
    },
  },
  RFM_TABLE: {
    description: '由订单明细生成 RFM 表：每位客户一行，含最近消费天数、频次、金额、R、F、M、RFM 代码与分群。',
    parameters: {
      customer_ids: { name: '客户编号', description: '每笔订单的客户。' },
      dates: { name: '订单日期', description: '每笔订单的日期。' },
      amounts: { name: '订单金额', description: '每笔订单的金额。' },
      as_of: { name: '分析日期', description: '分析日期；之后的订单不计入。默认为最后一笔订单的次日。' },
      bins: { name: '分档数', description: '每个维度的分数档数，2 到 10（默认 5），或 "r=5,f=4,m=5"。' },
    },
  },
};
