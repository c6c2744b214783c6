/**
 * Turns a graded sheet into an apply plan (plan-types.ts): the output columns
 * with values or live formulas, one colour rule per tier, the table in sheet
 * form and the summary sheet. Host-neutral: plain data in, plain data out.
 */
import { formatGradeError, summarize, type Cell, type CompiledTable, type GradeBatch, type Locale } from '../engine';
import { rfGrid, RFM_INPUT_IDS, type RfmBatch } from '../engine/rfm';
import { printSheetTable } from '../engine/sheet-form';
import { parseNumber } from '../engine/values/coerce';
import { localize } from '../i18n';
import { columnLetters } from '../engine/sheet-form/text';
import { paneText } from '../taskpane/text';
import type { ApplyPlan, PlanColumn } from './plan-types';
import { tableName } from './state';
import type { DataRegion } from './workbook';

/** The custom function that live formulas call (manifest.xml: namespace TIERWISE). */
export const TIER_SCORE_FUNCTION = 'TIERWISE.TIER_SCORE';
const FORMULA_LIMIT = 8000;

export interface PlanOptions {
  mode: 'values' | 'formulas';
  locale: Locale;
  strategy: boolean;
  followUp: boolean;
  explanation: boolean;
  summary: boolean;
  /** Region column of a value to sum per tier in the summary (e.g. revenue). */
  valueColumn?: number;
}

const quote = (text: string): string => `"${text.replace(/"/g, '""')}"`;

/** The row's inputs in the compiled table's column order, as one formula argument. */
function inputsArgument(region: DataRegion, map: ArrayLike<number>, count: number, row: number): string {
  const refs = Array.from({ length: count }, (_x, i) => {
    const column = map[i] ?? -1;
    if (column < 0) return '""';
    if (region.table) {
      const header = String(region.headers[column] ?? '').replace(/([[\]#'@])/g, "'$1");
      return `[@[${header}]]`;
    }
    return `$${columnLetters(region.left + column)}${row}`;
  });
  return refs.length === 1 ? refs[0]! : `CHOOSE({${refs.map((_r, i) => i + 1).join(',')}},${refs.join(',')})`;
}

/** A lookup from the tier cell to a text per tier, as one SWITCH; undefined when it would be too long. */
function switchFormula(tierRef: string, texts: Array<[string, string]>): string | undefined {
  const formula = `=SWITCH(${tierRef},${texts.map(([tier, text]) => `${quote(tier)},${quote(text)}`).join(',')},"")`;
  return formula.length > FORMULA_LIMIT ? undefined : formula;
}

/**
 * The plan for grading `rows` (the region's data rows) with `compiled`,
 * whose column inputs sit at `map` (region columns).
 */
export function buildPlan(
  compiled: CompiledTable,
  region: DataRegion,
  rows: readonly (readonly Cell[])[],
  map: ArrayLike<number>,
  batch: GradeBatch,
  options: PlanOptions,
): ApplyPlan {
  const { locale } = options;
  const t = (key: Parameters<typeof paneText>[1], params?: Record<string, string | number>) =>
    paneText(locale, key, params);
  const tiers = compiled.tiers;
  const name = tableName(compiled.table.id);
  const live = options.mode === 'formulas' && compiled.table.method.kind !== 'rfm';
  const count = batch.count;
  const columns: PlanColumn[] = [];
  // Sheet rows are 1-based; the header is region.top + 1.
  const sheetRow = (i: number) => region.top + 2 + i;
  const liveCell = (output: string) => (i: number) =>
    `=${TIER_SCORE_FUNCTION}(${inputsArgument(region, map, compiled.columns.length, sheetRow(i))},${name},${quote(output)})`;
  const column = (kind: PlanColumn['kind'], cell: (i: number) => string | number | null): PlanColumn => {
    const cells = new Array<string | number | null>(count);
    for (let i = 0; i < count; i++) cells[i] = cell(i);
    return { kind, header: t(`header.${kind}`), cells };
  };

  if (compiled.hasScore) {
    columns.push(
      column('score', live ? liveCell('score') : (i) => (Number.isNaN(batch.scores[i]!) ? null : batch.scores[i]!)),
    );
  }
  const tierOf = (i: number) => {
    const k = batch.tiers[i]!;
    return k < 0 ? null : tiers[k]!.id;
  };
  columns.push(column('tier', live ? liveCell('tier') : tierOf));

  const tierColumnRef = (i: number) =>
    region.table
      ? `[@[${t('header.tier')}]]`
      : `$${columnLetters(region.left + region.columnCount + (compiled.hasScore ? 1 : 0))}${sheetRow(i)}`;
  const textColumn = (kind: 'strategy' | 'follow-up', text: (k: number) => string) => {
    const texts: Array<[string, string]> = tiers.map((tier, k) => [tier.id, text(k)]);
    const formula = live ? switchFormula('{tier}', texts) : undefined;
    columns.push(
      column(kind, (i) => {
        if (formula) return formula.replace('{tier}', tierColumnRef(i));
        const k = batch.tiers[i]!;
        return k < 0 ? null : text(k);
      }),
    );
  };
  if (options.strategy) textColumn('strategy', (k) => localize(tiers[k]!.strategy, locale));
  if (options.followUp) textColumn('follow-up', (k) => localize(tiers[k]!.cadence, locale));
  if (options.explanation) {
    const word = locale === 'zh-CN' ? '说明' : 'explain';
    columns.push(
      column(
        'explanation',
        live
          ? liveCell(word)
          : (i) => {
              const explained = compiled.explainRow(rows[i]!, map);
              return explained.ok
                ? explained.explanation.text[locale === 'zh-CN' ? 'zh' : 'en']
                : formatGradeError(explained.error, locale);
            },
      ),
    );
  }
  const plan: ApplyPlan = {
    tableId: compiled.table.id,
    columns,
    tierRules: tiers.map((tier) => ({
      tier: tier.id,
      label: localize(tier.label, locale),
      fill: tier.fill,
      font: tier.font,
    })),
    rules: { name, cells: printSheetTable(compiled.table) },
  };
  if (options.summary) plan.summary = summaryOf(compiled, region, rows, map, batch, options);
  return plan;
}

function summaryOf(
  compiled: CompiledTable,
  region: DataRegion,
  rows: readonly (readonly Cell[])[],
  map: ArrayLike<number>,
  batch: GradeBatch,
  options: PlanOptions,
): NonNullable<ApplyPlan['summary']> {
  const { locale } = options;
  const t = (key: Parameters<typeof paneText>[1], params?: Record<string, string | number>) =>
    paneText(locale, key, params);
  const valueColumn = options.valueColumn;
  const values =
    valueColumn === undefined
      ? undefined
      : Float64Array.from(rows, (row) => {
          const v = row[valueColumn];
          return typeof v === 'number' ? v : NaN;
        });
  const summary = summarize(compiled, batch, values);
  const valueName = valueColumn === undefined ? '' : String(region.headers[valueColumn] ?? '');
  const header: Cell[] = [t('summary.tier'), t('summary.count'), t('summary.share'), t('summary.target')];
  if (values) header.push(t('summary.value', { column: valueName }), t('summary.value-share', { column: valueName }));
  const cells: Cell[][] = [header];
  summary.tiers.forEach((tier) => {
    const row: Cell[] = [tier.id, tier.count, tier.share, tier.targetShare ?? null];
    if (values) row.push(tier.valueSum, Number.isNaN(tier.valueShare) ? null : tier.valueShare);
    cells.push(row);
  });
  const chartRows = cells.length;
  cells.push([t('summary.ungraded'), summary.ungraded]);
  cells.push([]);
  cells.push([
    t('summary.legend'),
    t('summary.label'),
    t('summary.colour'),
    t('header.strategy'),
    t('header.follow-up'),
  ]);
  for (const tier of compiled.tiers) {
    cells.push([
      tier.id,
      localize(tier.label, locale),
      tier.fill,
      localize(tier.strategy, locale),
      localize(tier.cadence, locale),
    ]);
  }
  const title = t('summary.title', { table: localize(compiled.table.name, locale) });
  const heatmap = rfmHeatmap(compiled, rows, map, batch, cells, t('summary.heatmap'));
  return { cells, chart: { rows: chartRows, columns: 2, title }, ...(heatmap ? { heatmap } : {}) };
}

/**
 * For RFM tables: an R x F grid of customer counts (a colour scale) with the
 * mean monetary value of each cell beside it, appended to `cells`.
 */
function rfmHeatmap(
  compiled: CompiledTable,
  rows: readonly (readonly Cell[])[],
  map: ArrayLike<number>,
  batch: GradeBatch,
  cells: Cell[][],
  title: string,
): NonNullable<ApplyPlan['summary']>['heatmap'] {
  const scores = batch as Partial<RfmBatch>;
  if (compiled.table.method.kind !== 'rfm' || !scores.r || !scores.f || !scores.m || !scores.cuts) return undefined;
  const at = compiled.columns.findIndex((c) => c.id === RFM_INPUT_IDS.monetary);
  const column = at >= 0 ? (map[at] ?? -1) : -1;
  const monetary = Float64Array.from(rows, (row) => (column >= 0 ? parseNumber(row[column]) : NaN));
  const grid = rfGrid(scores as RfmBatch, monetary);
  cells.push([], [title]);
  const top = cells.length;
  const fs = Array.from({ length: grid.fBins }, (_x, f) => `F${f + 1}`);
  cells.push(['R \\ F', ...fs, '', ...fs]);
  for (let r = grid.rBins - 1; r >= 0; r--) {
    const mean = grid.meanMonetary[r]!.map((v) => (Number.isNaN(v) ? null : Math.round(v * 100) / 100));
    cells.push([`R${r + 1}`, ...grid.count[r]!, null, ...mean]);
  }
  return { row: top + 1, column: 1, rows: grid.rBins, columns: grid.fBins, low: '#FFFFFF', high: '#63BE7B' };
}
