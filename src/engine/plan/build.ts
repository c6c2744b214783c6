import { TierwiseUsageError } from '../errors';
import type { CompiledTable, ColumnMap, GradeBatch } from '../grader';
import { formatGradeError } from '../messages';
import type { Locale } from '../model';
import { printSheetTable } from '../sheet-form';
import { columnLetters } from '../sheet-form/text';
import type { GradeSummary } from '../summary';
import type { Cell } from '../values/cell';
import { fill, localize } from '../../i18n';
import { planEnUS, type PlanMessageKey } from '../../i18n/plan.en-US';
import { planZhCN } from '../../i18n/plan.zh-CN';
import type { ApplyFrame, ApplyOptions, PlanCell, PlanColumn, PlanOutputKind, PlanSummary } from './types';

export const RULES_SHEET = 'Tierwise Rules';
export const SUMMARY_SHEET = 'Tierwise Summary';
/** Workbook names of stored tables start with this. */
export const TABLE_NAME_PREFIX = 'TW_';
const PERCENT = '0.0%';

/** A plan text in the given language with {placeholders} filled in. */
export function planText(locale: Locale, key: PlanMessageKey, params: Record<string, string | number> = {}): string {
  const table: Record<PlanMessageKey, string> = locale === 'zh-CN' ? planZhCN : planEnUS;
  return fill(table[key], params);
}

/** The defined name of a stored table: TW_ and the id with every other character as "_". */
export function tableDefinedName(id: string): string {
  return TABLE_NAME_PREFIX + id.replace(/[^A-Za-z0-9_]/g, '_');
}

/** A sheet name as a formula reference: always quoted, quotes doubled. */
export function sheetRef(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'`;
}

/** Formula text literal. */
function formulaText(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/**
 * The frame of an Apply: which columns are added where, the colour rule per
 * tier bound to the Tier column, the rules-sheet block and the legend.
 */
export function planApply(compiled: CompiledTable, options: ApplyOptions): ApplyFrame {
  const { locale, layout } = options;
  const kinds: PlanOutputKind[] = [];
  if (compiled.hasScore) kinds.push('score');
  kinds.push('tier');
  if (options.strategy) kinds.push('strategy');
  if (options.followUp) kinds.push('follow-up');
  if (options.explanation) kinds.push('explanation');
  if (options.error !== false) kinds.push('error');
  const first = layout.left + layout.columnCount;
  const columns: PlanColumn[] = kinds.map((kind, k) => ({
    kind,
    header: planText(locale, `header.${kind}`),
    sheetColumn: first + k,
  }));
  const tierColumn = columns.find((c) => c.kind === 'tier')!.sheetColumn;
  const bodyTop = layout.top + 1;
  const tierRef = `$${columnLetters(tierColumn)}${bodyTop + 1}`;
  const tiers = compiled.tiers;
  return {
    tableId: compiled.table.id,
    tableName: tableDefinedName(compiled.table.id),
    layout,
    columns,
    body: { top: bodyTop, left: layout.left, rows: layout.rowCount, columns: layout.columnCount + columns.length },
    tierRules: tiers.map((tier) => ({
      tier: tier.id,
      label: localize(tier.label, locale),
      fill: tier.fill,
      font: tier.font,
      formula: `=${tierRef}=${formulaText(tier.id)}`,
    })),
    rules: { sheet: RULES_SHEET, name: tableDefinedName(compiled.table.id), cells: printSheetTable(compiled.table) },
    legend: [
      [
        planText(locale, 'summary.legend'),
        planText(locale, 'summary.label'),
        planText(locale, 'summary.colour'),
        planText(locale, 'header.strategy'),
        planText(locale, 'header.follow-up'),
      ],
      ...tiers.map((tier): PlanCell[] => [
        tier.id,
        localize(tier.label, locale),
        tier.fill,
        localize(tier.strategy, locale),
        localize(tier.cadence, locale),
      ]),
    ],
    summarySheet: SUMMARY_SHEET,
    ...(options.inputHeaders ? { inputHeaders: options.inputHeaders } : {}),
  };
}

/**
 * The output cells of a chunk of graded rows, one array per row in the
 * frame's column order. `rows` and `map` are only read for explanations.
 */
export function planRows(
  frame: ApplyFrame,
  compiled: CompiledTable,
  batch: GradeBatch,
  locale: Locale,
  rows?: ArrayLike<ArrayLike<Cell>>,
  map?: ColumnMap,
): PlanCell[][] {
  const tiers = compiled.tiers;
  const strategy = tiers.map((t) => localize(t.strategy, locale) || null);
  const cadence = tiers.map((t) => localize(t.cadence, locale) || null);
  const out: PlanCell[][] = new Array<PlanCell[]>(batch.count);
  const kinds = frame.columns.map((c) => c.kind);
  const key = locale === 'zh-CN' ? 'zh' : 'en';
  const headers = frame.inputHeaders;
  const nameOf = (id: string): string => headers?.get(id) ?? id;
  for (let i = 0; i < batch.count; i++) {
    const k = batch.tiers[i]!;
    const error = batch.errors.get(i);
    const score = batch.scores[i]!;
    const row = new Array<PlanCell>(kinds.length);
    for (let c = 0; c < kinds.length; c++) {
      switch (kinds[c]!) {
        case 'score':
          row[c] = error || Number.isNaN(score) ? null : score;
          break;
        case 'tier':
          row[c] = k < 0 ? null : tiers[k]!.id;
          break;
        case 'strategy':
          row[c] = k < 0 ? null : strategy[k]!;
          break;
        case 'follow-up':
          row[c] = k < 0 ? null : cadence[k]!;
          break;
        case 'explanation': {
          if (!rows) throw new TierwiseUsageError('planRows: explanations need the rows');
          const explained = compiled.explainRow(rows[i]!, map);
          row[c] = explained.ok ? explained.explanation.text[key] : null;
          break;
        }
        case 'error':
          row[c] = error ? formatGradeError(error, locale, nameOf) : null;
          break;
      }
    }
    out[i] = row;
  }
  return out;
}

/**
 * The summary sheet: per tier its count and share as formulas over the Tier
 * column (so they follow edits), each with the engine's own figure as the
 * expected result; ungraded and total rows; then the legend.
 */
export function planSummary(
  frame: ApplyFrame,
  compiled: CompiledTable,
  summary: GradeSummary,
  options: Pick<ApplyOptions, 'locale' | 'valueColumn' | 'valueHeader'> & { top?: number },
): PlanSummary {
  const { locale } = options;
  const t = (key: PlanMessageKey, params?: Record<string, string | number>) => planText(locale, key, params);
  const { layout } = frame;
  const tierColumn = columnLetters(frame.columns.find((c) => c.kind === 'tier')!.sheetColumn);
  const firstRow = layout.top + 2;
  const lastRow = layout.top + 1 + Math.max(1, layout.rowCount);
  const range = `${sheetRef(layout.sheet)}!$${tierColumn}$${firstRow}:$${tierColumn}$${lastRow}`;
  const withValues = options.valueColumn !== undefined;
  const valueRange = withValues
    ? `${sheetRef(layout.sheet)}!$${columnLetters(layout.left + options.valueColumn!)}$${firstRow}:$${columnLetters(layout.left + options.valueColumn!)}$${lastRow}`
    : '';
  const header: PlanCell[] = [t('summary.tier'), t('summary.count'), t('summary.share'), t('summary.target')];
  if (withValues) {
    const column = options.valueHeader ?? '';
    header.push(t('summary.value', { column }), t('summary.value-share', { column }));
  }
  const cells: PlanCell[][] = [header];
  const n = summary.tiers.length;
  const top = options.top ?? 0;
  // Formulas address sheet rows (1-based): the header is on row top + 1, the tiers on the n rows below it.
  const firstTierRow = top + 2;
  const lastTierRow = top + 1 + n;
  const countsRange = `$B$${firstTierRow}:$B$${lastTierRow}`;
  const valuesRange = `$E$${firstTierRow}:$E$${lastTierRow}`;
  summary.tiers.forEach((tier, k) => {
    const r = firstTierRow + k;
    const id = formulaText(tier.id);
    const row: PlanCell[] = [
      tier.id,
      { formula: `=SUMPRODUCT(--(${range}=${id}))`, result: tier.count },
      { formula: `=IF(SUM(${countsRange})=0,0,B${r}/SUM(${countsRange}))`, result: tier.share },
      tier.targetShare ?? null,
    ];
    if (withValues) {
      row.push(
        { formula: `=SUMPRODUCT((${range}=${id})*ISNUMBER(${valueRange}),${valueRange})`, result: tier.valueSum },
        {
          formula: `=IF(SUM(${valuesRange})=0,0,E${r}/SUM(${valuesRange}))`,
          result: Number.isNaN(tier.valueShare) ? 0 : tier.valueShare,
        },
      );
    }
    cells.push(row);
  });
  cells.push([t('summary.ungraded'), { formula: `=${layout.rowCount}-SUM(${countsRange})`, result: summary.ungraded }]);
  cells.push([t('summary.total'), summary.total]);
  cells.push([]);
  const legendTop = cells.length;
  cells.push(...frame.legend);
  const numberFormats: Record<number, string> = { 2: PERCENT, 3: PERCENT };
  if (withValues) numberFormats[5] = PERCENT;
  return {
    sheet: frame.summarySheet,
    top,
    title: t('summary.title', { table: localize(compiled.table.name, locale) }),
    cells,
    legendTop,
    chart: { rows: n + 1, columns: 2 },
    numberFormats,
  };
}
