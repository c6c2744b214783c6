import type { RfmMessageKey } from './rfm.en-US';

/** Simplified Chinese texts of RFM analysis; the same keys as rfm.en-US.ts. */
export const rfmZhCN: Record<RfmMessageKey, string> = {
  'rfm.summary': '订单 CSV 的 RFM 分析：得分、客户分群、分档切点',
  'rfm.usage':
    '用法：tierwise rfm 订单.csv|订单.xlsx [--customer 列] [--date 列] [--amount 列] [选项]\n\n' +
    '输入每行一笔订单；输出每行一位客户（最近消费天数、消费次数、消费金额、R、F、M、RFM 代码、分群）。\n\n' +
    '选项：\n' +
    '  --customer 列, --date 列, --amount 列   所用的列（默认按列名识别，如 customer_id、order_date、revenue）\n' +
    '  --sheet 名称         .xlsx：订单所在的工作表（默认第一个）\n' +
    '  --as-of 日期        分析日期，如 2006-12-31（默认：最后一笔订单的次日）；之后的订单不计入\n' +
    '  --bins N            每个维度的分数档数，2..10（默认 5）；或 r=5,f=4,m=5\n' +
    '  --binning 方式      quantile（默认；相同数值得分必相同）、rfm-package（与 R rfm 包的\n' +
    '                      rfm_table_order 完全一致）、fixed（配合 --breakpoints）\n' +
    '  --breakpoints D=a,b,...  各维度固定切点，如 --breakpoints r=30,90,180,365（f、m 各写一次）\n' +
    '  --closed right|left 等于切点的数值归入较低档（right，默认）或较高档（left）\n' +
    '  --cap D=数值|P%     计算切点时排除极端值（仍然打分），如 --cap m=99%\n' +
    '  --segments 名称     rfm（十类，默认）、rfm-11（R × FM 网格）或分级表 JSON 文件\n' +
    '  --out 文件          客户 CSV（默认：输入文件旁的 订单.rfm.csv）；--force 覆盖已有文件；\n' +
    '                      以 .xlsx 结尾则写出工作簿：按分群着色的客户表、分群汇总、R × F 热力图与所用切点\n' +
    '  --delimiter 字符, --bom  输入输出的分隔符；输出加 UTF-8 BOM（便于 Excel 打开）\n' +
    "  --raw-csv           以 = + - @ 开头的文本原样写出（默认在前面加 '，防止 CSV 注入）\n",
  'rfm.missing-input': '订单 CSV 文件',
  'rfm.no-column': '{file}：找不到{what}列；请用 {option} 指定，可用的列：{headers}',
  'rfm.unknown-column': "{file}：没有 {option} 指定的列 '{column}'；现有列：{headers}",
  'rfm.what.customer': '客户编号',
  'rfm.what.date': '订单日期',
  'rfm.what.amount': '金额',
  'rfm.bad-as-of': "--as-of：'{value}' 不是日期（请写成 2006-12-31）",
  'rfm.bad-bins': "--bins：'{value}' 不是 2 到 10 的档数（或 r=5,f=4,m=5）",
  'rfm.bad-binning': "--binning 只能是 quantile、rfm-package 或 fixed，收到 '{value}'",
  'rfm.bad-breakpoints': "--breakpoints：'{value}' 应为 D=a,b,...，D 为 r、f、m 之一，数值递增",
  'rfm.missing-breakpoints': '--binning fixed 需要 r、f、m 三个维度的 --breakpoints（缺少：{dimensions}）',
  'rfm.bad-closed': "--closed 只能是 right 或 left，收到 '{value}'",
  'rfm.bad-cap': "--cap：'{value}' 应为 D=数值 或 D=P%，D 为 r、f、m 之一",
  'rfm.bad-segments': '--segments {value}：{problem}',
  'rfm.segments-not-rfm': '该分级表不是 RFM 表（method 的 kind 必须为 rfm）',
  'rfm.bad-row': '{file} 第 {line} 行：{message}；已跳过该行',
  'rfm.bad-rows-more': '……另有 {count} 行有问题',
  'rfm.bad-rows-total': '共跳过 {count} 行有问题的数据，见上方列表',
  'rfm.read': '从 {file} 读取 {orders} 笔订单，共 {customers} 位客户',
  'rfm.as-of': '分析日期 {date}{note}',
  'rfm.as-of-default': '（最后一笔订单的次日）',
  'rfm.after-as-of': '{count} 笔订单晚于 {date}，未计入',
  'rfm.cuts-title': '分档切点（{binning}）',
  'rfm.cuts-columns': '得分|数值范围|客户数',
  'rfm.dimension.r': '最近消费（天）',
  'rfm.dimension.f': '消费频次（订单数）',
  'rfm.dimension.m': '消费金额',
  'rfm.capped': '切点仅按不超过 {cap} 的数值计算；超出的有 {count} 位',
  'rfm.unused-scores': '得分 {scores} 无人落入：切点重复（大量相同数值）',
  'rfm.segments-title': '客户分群（{table}）',
  'rfm.segments-columns': '分群|客户数|占比|订单数|金额|金额占比|客单价',
  'rfm.total': '合计',
  'rfm.wrote': '已将 {count} 位客户写入 {file}',
  'rfm.timing': '耗时：读取 {read} 毫秒，计算 {grade} 毫秒，写出 {write} 毫秒',
  'rfm.out-exists': '{file} 已存在；用 --force 覆盖，或用 --out 指定其他文件',
  'rfm.out-is-input': '--out {file} 就是输入文件',
  'rfm.bins-mismatch':
    '--bins {bins} 与 {table} 的细分不匹配：有 {count} 个分数区间超出了这些分箱；请用为这些分箱设计的 --segments',
};
