import type { CliMessageKey } from './cli.en-US';

/** Simplified Chinese texts of the command line; the same keys as cli.en-US.ts. */
export const cliZhCN: Record<CliMessageKey, string> = {
  'cli.usage':
    '用法：tierwise <命令> [选项]\n\n命令：\n{commands}\n\n所有命令通用的选项：\n  --lang zh-CN|en-US  提示信息的语言（默认取自 LANG）\n  -h, --help          命令的帮助：tierwise <命令> --help\n  --version           版本号\n',
  'cli.error': 'tierwise：{message}',
  'cli.warning': 'tierwise：提示：{message}',
  'cli.see-help': '运行 tierwise {command} --help 查看选项。',
  'cli.unknown-command': '未知命令“{command}”',
  'cli.unknown-option': '未知选项“{option}”',
  'cli.missing-value': '选项 {option} 需要一个值',
  'cli.flag-value': '选项 {option} 不接受值',
  'cli.missing-argument': '缺少{what}',
  'cli.extra-argument': '多余的参数“{argument}”',
  'cli.bad-lang': '--lang 只能是 zh-CN 或 en-US，实际为“{value}”',

  'csv.not-found': '{file}：文件不存在',
  'csv.is-directory': '{file} 是文件夹，不是文件',
  'csv.unreadable': '{file}：无法读取文件（{reason}）',
  'csv.empty': '{file} 是空文件；应有一行表头和若干数据行',
  'csv.unclosed-quote': '{file} 第 {line} 行：这里开始的带引号单元格没有结束（缺少配对的 "）',
  'csv.invalid-bytes': '{file} 第 {line} 行之后：内容不是有效的 {encoding} 文本；请另存为“CSV UTF-8”后重试',
  'csv.ragged-row': '{file} 第 {line} 行：有 {found} 个单元格，但表头有 {expected} 列',
  'csv.ragged-more': '……另有 {count} 行的单元格个数不对',
  'csv.gb18030': '{file} 不是 UTF-8 编码；按 GB18030/GBK（中文版 Excel 保存“CSV”时的编码）读取',

  'table.not-found': '{file}：文件不存在，也没有这个编号的预置分级表（见 tierwise presets）',
  'table.unreadable': '{file}：无法读取文件（{reason}）',
  'table.json-syntax': '{file} 第 {line} 行第 {column} 列：不是有效的 JSON（{reason}）',
  'table.invalid': '{file}：分级表有 {count} 个问题：',
  'table.valid': '{file}：有效。',
  'table.workbook-none': '{file} 中没有分级表（没有以 TW_ 开头的定义名称）',
  'table.workbook-several': '{file} 中有 {count} 张分级表（{names}）；请指明一张，例如 --table {file}#{example}',
  'table.workbook-no-name': '{file} 中没有名为 {name} 的分级表（现有：{names}）',
  'table.summary': '{id}“{name}”：{method}，{inputs} 个输入，等级 {tiers}',

  'method.scorecard': '评分卡',
  'method.rules': '规则',
  'method.matrix': '矩阵',
  'method.rfm': 'RFM',
  'method.abc': 'ABC（帕累托）',

  'presets.heading': '内置分级表（用编号作为 --table 的值）：',
  'presets.category': '{category}：',
  'presets.more-inputs': '……（共 {count} 个输入）',
  'category.scorecard': '评分卡',
  'category.pipeline': '销售漏斗',
  'category.matrix': '矩阵',
  'category.segment': '客户分群',
  'category.rfm': 'RFM',
  'presets.uncategorized': '其他',
  'presets.columns': '编号|名称|方法|输入',
  'presets.none': '没有可用的预置分级表。',

  'calibrate.summary': '按目标等级占比在文件数据上建议固定分数线',
  'calibrate.usage':
    '用法：tierwise calibrate 输入.csv|输入.xlsx --table 预设或文件.json [选项]\n\n' +
    '  --table ID|FILE      评分卡（或分数矩阵）预设编号或分级表 JSON 文件\n' +
    '  --shares 20,30,50    每个等级的目标客户占比，从最高等级起（默认取各等级的目标占比；最后一级可省略：承接其余）\n' +
    '  --out FILE.json      写出固定了建议分数线的分级表；覆盖已有文件需加 --force\n' +
    '  --map 输入项=列名     指定输入项所在的列（可重复）\n' +
    '  --sheet 名称          .xlsx：要读取的工作表（默认第一个）\n\n' +
    '对文件评分、按分数排名，为每个等级建议使其不超过目标占比的最低分（同分客户不拆开），并列出各等级实际达到的占比。\n',
  'calibrate.no-thresholds': '{table} 没有可校准的分数线（只有评分卡和分数矩阵有）',
  'calibrate.bad-shares':
    "目标占比 '{value}'：请为每个等级（或除最后一级外的每个等级）给出 0..100% 的占比，合计不超过 100%",
  'calibrate.title': '{table} 在 {rows} 行有分数的数据上的建议分数线：',
  'calibrate.columns': '等级|名称|分数线|实际占比|目标占比',
  'calibrate.rest': '其余',
  'calibrate.wrote': '已将使用这些分数线的分级表写入 {file}',

  'grade.summary': '用分级表为 .csv 或 .xlsx 文件的每一行打分定级',
  'grade.usage':
    "用法：tierwise grade 输入.csv|输入.xlsx --table 预置编号或分级表.json [选项]\n\n  --table 编号|文件     预置分级表编号（见 tierwise presets）、分级表 JSON 文件，或带分级表的工作簿\n                       （book.xlsx；有多张时写 book.xlsx#TW_名称）\n  --out 文件           输出位置（默认：输入文件旁的 输入.graded.csv 或 .xlsx；- 表示标准输出）\n  --sheet 名称          .xlsx：要分级的工作表（默认第一个）\n  --strategy           .xlsx：增加等级的策略列\n  --follow-up          .xlsx：增加等级的跟进频率列\n  --formulas           .xlsx：将得分、等级和错误写成 Excel 公式，无需加载项即可分级\n  --force              --out 已存在时覆盖\n  --map 输入=表头       指定某个输入从哪一列读取（可重复）\n  --explain            增加 Explanation（说明）列\n  --bom                输出文件以 UTF-8 BOM 开头（便于 Excel 打开）\n  --raw-csv            以 = + - @ 开头的文本原样写出（默认在前面加 '，使 Excel 不会把它当公式执行）\n  --delimiter 字符      输入文件的分隔符（默认逗号；制表符写 tab）\n  --as-of 日期          “距今天数”类输入计算到的日期，如 2024-12-31（不会自动取今天）\n  --lang zh-CN|en-US   提示信息和说明的语言\n\n输出：输入的所有列原样保留，其后是 Score（得分）、Tier（等级编号）和 Error\n（无法分级的原因），加 --explain 时还有 Explanation（说明）。输入为 .xlsx 时输出\n也是 .xlsx：按等级着色、带图例、汇总表，分级表以规则表形式保存，与 Excel 加载项一致。\n",
  'grade.missing-input': '输入的 .csv 或 .xlsx 文件',
  'grade.missing-table': '--table 选项（预置编号或 JSON 文件）',
  'grade.missing-columns': '{file}：有 {count} 个必填输入找不到对应的列：',
  'grade.missing-column': '  {input}（{label}）：表头应为 {expected} 之一',
  'grade.headers-found': '{file} 中的表头：{headers}',
  'grade.hint-map': '请修改列名，或用 --map 指定对应的列：--map {input}="实际列名"',
  'grade.optional-missing': '选填输入“{input}”没有对应的列；每一行都按空值处理',
  'grade.map-syntax': '--map 的格式应为 输入=表头，实际为“{argument}”',
  'grade.map-unknown-input': '--map {argument}：分级表没有输入“{input}”（可用的输入：{inputs}）',
  'grade.map-unknown-header': '--map {argument}：{file} 没有“{header}”这一列（表头：{headers}）',
  'grade.out-exists': '{file} 已存在；如要覆盖请加 --force，或用 --out 指定其他文件',
  'grade.out-is-input': '--out {file} 就是输入文件；Tierwise 不会覆盖输入文件',
  'grade.write-failed': '{file}：无法写入（{reason}）',
  'grade.bad-delimiter': '--delimiter 必须是一个字符（制表符写 tab），实际为“{value}”',
  'grade.bad-as-of': "--as-of：'{value}' 不是日期（请写成 2024-12-31）",
  'grade.wrote': '已写入 {rows} 行到 {file}',
  'grade.aborted': '未写入 {file}',

  'summary.title': '{table}：共 {rows} 行',
  'summary.columns': '等级|名称|数量|占比|目标占比',
  'summary.value-share': '价值占比',
  'summary.ungraded': '未分级',
  'summary.total': '合计',
  'summary.off-target': '* 占比与目标占比相差超过 5 个百分点',

  'validate.summary': '检查分级表 JSON 文件并列出问题',
  'validate.usage':
    '用法：tierwise validate 分级表.json|工作簿.xlsx[#TW_名称] [--lang zh-CN|en-US]\n\n列出每个问题及其在分级表中的位置（工作簿规则表中的单元格）；有问题时退出码为 1。\n',
  'validate.missing-table': '分级表 JSON 文件',

  'presets.summary': '列出内置分级表',
  'presets.usage': '用法：tierwise presets [--lang zh-CN|en-US]\n',

  'demo.summary': '用回款评分卡为自带的示例客户表分级',
  'demo.usage':
    '用法：tierwise demo [--out-dir 目录] [--lang zh-CN|en-US]\n\n用预置分级表 payment-scorecard 为 data/sample-customers.csv 分级，\n写入 目录/sample-customers.graded.csv（默认目录：./tierwise-demo）。\n',
  'demo.intro': '正在用预置分级表 {preset} 为 {input} 分级……',
  'demo.done': '分级结果文件：{file}',
  'demo.done-xlsx': '分级后的工作簿（按等级着色，含汇总表和规则表）：{file}',
  'output.out-is-input': '--out {file} 就是输入文件 {input}（或指向它的链接）；Tierwise 从不覆盖输入',
  'output.out-exists': '{file} 已存在；加 --force 覆盖，或用 --out 另选文件',
  'output.out-is-directory': '--out {file} 是文件夹，不是文件',
  'output.out-not-regular': '--out {file} 是设备、管道或套接字，不是普通文件；工作簿只能写入普通文件',
  'output.out-folder-missing': '--out {file}：文件夹 {folder} 不存在；请先创建它，或另选 --out',
  'output.write-failed': '{file}：无法写入（{reason}）；未写出任何内容',
  'cli.unfinished': '未完成就停止了：某个输入意外结束（文件损坏？）；未写出任何内容',
  'output.taken': '本次运行期间 {file} 已被另一个程序创建；该文件保持原样，本次未写出任何内容',
  'csv.field-too-long': '{file} 第 {line} 行：某个字段超过 {limit} 个字符（引号未闭合？）；其后内容未读取',
  'grade.duplicate-header': '{file}：列名“{header}”出现了不止一次（另见第 {others} 列）；读取的是第 {column} 列',
};
