/**
 * One summary sheet per graded sheet (ADR 0007). Apply redraws the graded
 * sheet's summary on that sheet, around what the user typed there (ADR 0035);
 * the drawing it replaced goes into the journal, so Revert draws the previous
 * one again. Which summary belongs to which graded sheet is kept in a custom XML part.
 */
import type { PlanCell, PlanFormula } from '../engine/plan';
import type { ExcelContext, ExcelWorksheet } from './excel-api';
import { keptAsText, type Journal } from './journal';
import type { WorkbookPlan } from './plan-types';
import type { WorkbookProblem } from './workbook';
import { safeText } from './rules-sheet';
import { redrawInPlace, userCellInTheWay } from './summary-redraw';

export const SUMMARIES_NAMESPACE = 'urn:tierwise:summaries';

/** Everything writeSummary puts on a summary sheet, as plain data (it travels in the journal). */
export interface SummaryDrawing {
  grid: Array<Array<string | number | boolean>>;
  numberFormats: Array<{ column: number; rows: number; format: string }>;
  legendTop: number;
  legendWidth: number;
  legendColours: Array<{ fill: string; font: string }>;
  chart: { rows: number; columns: number; title: string };
  heat?: { top: number; left: number; rows: number; columns: number; low: string; high: string };
  /** ABC: the block a native Pareto chart is drawn from (ADR 0023). */
  pareto?: { top: number; left: number; rows: number; columns: number };
  /** Its charts carry Tierwise's names, so a later Apply finds and replaces them in place (ADR 0035). */
  namedCharts?: true;
}

/** The names Tierwise gives the charts it draws on a summary sheet. */
export const SUMMARY_CHART = 'Tierwise summary';
export const PARETO_CHART = 'Tierwise Pareto';

/**
 * A summary sheet as it is before Apply moves any column: the cells of `rect` (its earlier drawing and the
 * place of the next one) read back with their number formats, and the drawing as it reads now.
 */
export interface SummaryAsItIs {
  sheet: string;
  rect: { row: number; column: number; rows: number; columns: number };
  formulas: unknown[][];
  numberFormat: unknown[][];
  drawing: SummaryDrawing;
  /** The drawing as Tierwise drew it: its non-empty cells are Tierwise's, every other one the user's. */
  drawn: SummaryDrawing;
}

export interface SummaryEntry {
  /** The graded sheet. */
  source: string;
  /** Its summary sheet. */
  sheet: string;
  drawing: SummaryDrawing;
}

function planCell(value: PlanCell): string | number | boolean {
  if (value === null) return '';
  if (typeof value === 'object') return (value as PlanFormula).formula;
  return typeof value === 'string' ? safeText(value) : value;
}

export function drawingOf(plan: WorkbookPlan): SummaryDrawing {
  const summary = plan.summary!;
  const width = Math.max(1, ...summary.cells.map((r) => r.length));
  const tiers = summary.chart.rows - 1;
  const heat = plan.heatmap;
  return {
    grid: summary.cells.map((r) => Array.from({ length: width }, (_x, j) => planCell(r[j] ?? null))),
    numberFormats: Object.entries(summary.numberFormats)
      .map(([column, format]) => ({ column: Number(column), rows: tiers, format }))
      .filter((f) => f.column < width),
    legendTop: summary.legendTop,
    legendWidth: plan.frame.legend[0]!.length,
    legendColours: plan.frame.tierRules.map((rule) => ({ fill: rule.fill, font: rule.font })),
    chart: { ...summary.chart, title: summary.title },
    ...(heat ? { heat: { ...heat } } : {}),
    ...(plan.pareto ? { pareto: { ...plan.pareto } } : {}),
    namedCharts: true,
  };
}

export function draw(sheet: ExcelWorksheet, drawing: SummaryDrawing): void {
  const { grid } = drawing;
  const width = grid[0]?.length ?? 1;
  sheet.getRangeByIndexes(0, 0, grid.length, width).formulas = grid;
  sheet.getRangeByIndexes(0, 0, 1, width).format.font.bold = true;
  for (const { column, rows, format } of drawing.numberFormats)
    if (rows > 0)
      sheet.getRangeByIndexes(1, column, rows, 1).numberFormat = Array.from({ length: rows }, () => [format]);
  sheet.getRangeByIndexes(drawing.legendTop, 0, 1, width).format.font.bold = true;
  drawing.legendColours.forEach((colour, k) => {
    const row = sheet.getRangeByIndexes(drawing.legendTop + 1 + k, 0, 1, drawing.legendWidth);
    row.format.fill.color = colour.fill;
    row.format.font.color = colour.font;
  });
  const { chart } = drawing;
  const columns = sheet.charts.add(
    'ColumnClustered',
    sheet.getRangeByIndexes(0, 0, chart.rows, chart.columns),
    'Columns',
  );
  columns.title.text = chart.title;
  if (drawing.namedCharts) columns.name = SUMMARY_CHART;
  const pareto = drawing.pareto;
  if (pareto) {
    sheet.getRangeByIndexes(pareto.top - 1, 0, 1, 1).format.font.bold = true;
    sheet.getRangeByIndexes(pareto.top, pareto.left, 1, pareto.columns).format.font.bold = true;
    // Excel sorts the bars and draws the cumulative line; nothing of the chart is read or styled after.
    const bars = sheet.charts.add(
      'Pareto',
      sheet.getRangeByIndexes(pareto.top, pareto.left, pareto.rows, pareto.columns),
      'Columns',
    );
    if (drawing.namedCharts) bars.name = PARETO_CHART;
  }
  const heat = drawing.heat;
  if (heat) {
    const scale = sheet
      .getRangeByIndexes(heat.top, heat.left, heat.rows, heat.columns)
      .conditionalFormats.add('ColorScale');
    scale.colorScale.criteria = {
      minimum: { formula: null, type: 'LowestValue', color: heat.low },
      maximum: { formula: null, type: 'HighestValue', color: heat.high },
    };
  }
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const unescapeXml = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

export function summariesXml(entries: readonly SummaryEntry[]): string {
  return `<summaries xmlns="${SUMMARIES_NAMESPACE}">${escapeXml(JSON.stringify(entries))}</summaries>`;
}

/** The entries of the part; none when it is missing or unreadable. */
export function parseSummariesXml(xml: string | null): { entries: SummaryEntry[]; unreadable?: string } {
  if (!xml) return { entries: [] };
  const body = /<summaries[^>]*>([\s\S]*)<\/summaries>/.exec(xml)?.[1];
  if (body === undefined) return { entries: [], unreadable: 'no <summaries> element' };
  try {
    const entries = JSON.parse(unescapeXml(body)) as unknown;
    return Array.isArray(entries) ? { entries: entries as SummaryEntry[] } : { entries: [], unreadable: 'not a list' };
  } catch (error) {
    return { entries: [], unreadable: (error as Error).message };
  }
}

export async function freeSheetName(context: ExcelContext, base: string): Promise<string> {
  for (let n = 1; n < 100; n++) {
    const name = n === 1 ? base : `${base} (${n})`;
    const sheet = context.workbook.worksheets.getItemOrNullObject(name);
    await context.sync();
    if (sheet.isNullObject) return name;
  }
  throw new Error(`${base}: too many sheets`);
}

/** Adds a sheet at `position` (the end when undefined). */
async function addDrawn(context: ExcelContext, name: string, position: number | undefined): Promise<ExcelWorksheet> {
  const sheet = context.workbook.worksheets.add(name);
  if (position !== undefined) sheet.position = position;
  await context.sync();
  return sheet;
}

/**
 * Writes the summary of `plan` for the graded sheet `source`: over the sheet's
 * earlier summary when there is one, else on a new sheet. Returns its name.
 */
export async function writeSummary(
  context: ExcelContext,
  plan: WorkbookPlan,
  source: string,
  journal: Journal,
  asItIs?: SummaryAsItIs,
): Promise<{ sheet: string; problem?: Extract<WorkbookProblem, { kind: 'summary-index-unreadable' }> }> {
  const wb = context.workbook;
  const part = wb.customXmlParts.getByNamespace(SUMMARIES_NAMESPACE).getOnlyItemOrNullObject();
  await context.sync();
  const oldXml = part.isNullObject ? null : part.getXml();
  await context.sync();
  // An unreadable index (edited by hand, or damaged) cannot say which sheet is this one's summary:
  // the summary goes on a new sheet, the old index is replaced, and the pane says so.
  const { entries, unreadable } = parseSummariesXml(oldXml ? oldXml.value : null);
  const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
  const earlier = entries.find((e) => same(e.source, source));
  const drawing = drawingOf(plan);
  let name: string | undefined;
  let redrawn = false;
  if (earlier) {
    const old = wb.worksheets.getItemOrNullObject(earlier.sheet).load('name,position');
    await context.sync();
    if (!old.isNullObject) {
      name = old.name;
      const before = asItIs && same(asItIs.sheet, name) ? asItIs : undefined;
      if (before && earlier.drawing.namedCharts) {
        await redrawInPlace(context, old, before, drawing, journal);
        redrawn = true;
      } else {
        // Drawn before its charts had names: replaced as a whole sheet (execute refused it if it held the user's cells).
        const position = old.position;
        old.delete();
        await context.sync();
        journal.record({ kind: 'restore-summary', sheet: name, position, drawing: before?.drawing ?? earlier.drawing });
        const sheet = await addDrawn(context, name, position);
        journal.record({ kind: 'delete-sheet', sheet: name });
        draw(sheet, drawing);
        redrawn = true;
      }
    }
  }
  if (!redrawn) {
    name = await freeSheetName(context, plan.summary!.sheet);
    const sheet = await addDrawn(context, name, undefined);
    journal.record({ kind: 'delete-sheet', sheet: name });
    draw(sheet, drawing);
  }
  await context.sync();
  const next = [...entries.filter((e) => !same(e.source, source)), { source, sheet: name!, drawing }];
  journal.record({ kind: 'restore-xml', namespace: SUMMARIES_NAMESPACE, xml: oldXml ? oldXml.value : null });
  if (part.isNullObject) wb.customXmlParts.add(summariesXml(next));
  else part.setXml(summariesXml(next));
  await context.sync();
  return unreadable === undefined
    ? { sheet: name! }
    : { sheet: name!, problem: { kind: 'summary-index-unreadable', reason: unreadable, sheet: name! } };
}

/**
 * The graded sheet's summary as it is now, read before Apply moves any column: Excel has moved its
 * references since it was drawn if the user inserted or deleted columns of the graded sheet, and
 * Revert must draw it back as it was, not as it was first drawn. With `next` (the summary this Apply
 * draws), the cells read cover its place too, and `inTheWay` names a cell of the user's it would lose.
 */
export async function summaryAsItIs(
  context: ExcelContext,
  source: string,
  next?: SummaryDrawing,
): Promise<(SummaryAsItIs & { inTheWay?: string }) | undefined> {
  const part = context.workbook.customXmlParts.getByNamespace(SUMMARIES_NAMESPACE).getOnlyItemOrNullObject();
  await context.sync();
  if (part.isNullObject) return undefined;
  const xml = part.getXml();
  await context.sync();
  const earlier = parseSummariesXml(xml.value).entries.find((e) => e.source.toLowerCase() === source.toLowerCase());
  if (!earlier) return undefined;
  const sheet = context.workbook.worksheets.getItemOrNullObject(earlier.sheet);
  await context.sync();
  if (sheet.isNullObject) return undefined;
  const { grid } = earlier.drawing;
  const drawnRows = grid.length;
  const drawnColumns = grid[0]?.length ?? 1;
  const rect = {
    row: 0,
    column: 0,
    rows: Math.max(drawnRows, next?.grid.length ?? 0),
    columns: Math.max(drawnColumns, next?.grid[0]?.length ?? 0),
  };
  const range = sheet.getRangeByIndexes(0, 0, rect.rows, rect.columns).load('formulas,values,numberFormat');
  // A summary drawn before its charts had names is replaced as a whole sheet: nothing else may be on it.
  const wholeSheet = next !== undefined && !earlier.drawing.namedCharts;
  const used = wholeSheet
    ? sheet.getUsedRangeOrNullObject(true).load('address,rowIndex,columnIndex,rowCount,columnCount')
    : undefined;
  await context.sync();
  const formulas = keptAsText(range.formulas, range.values);
  const asItIs: SummaryAsItIs = {
    sheet: earlier.sheet,
    rect,
    formulas,
    numberFormat: range.numberFormat,
    drawing: {
      ...earlier.drawing,
      grid: formulas.slice(0, drawnRows).map((row) => row.slice(0, drawnColumns)) as SummaryDrawing['grid'],
    },
    drawn: earlier.drawing,
  };
  if (!next) return asItIs;
  const beyond =
    used &&
    !used.isNullObject &&
    (used.rowIndex + used.rowCount > rect.rows || used.columnIndex + used.columnCount > rect.columns)
      ? used.address
      : undefined;
  const inTheWay = userCellInTheWay(asItIs, next, wholeSheet) ?? beyond;
  return inTheWay === undefined ? asItIs : { ...asItIs, inTheWay };
}

/**
 * An Apply without a summary still takes out the columns the graded sheet's earlier summary counts (Excel
 * turns its references into #REF!): its cells are journalled, so Revert writes them back once the columns are.
 */
export function keepSummaryCells(journal: Journal, summary: SummaryAsItIs): void {
  const { sheet, rect, formulas, numberFormat } = summary;
  journal.record({ kind: 'restore-cells', sheet, rect, formulas, numberFormat });
}

/** Revert: the summary sheet an Apply replaced, drawn again where it was. */
export async function restoreSummary(
  context: ExcelContext,
  step: { sheet: string; position: number; drawing: SummaryDrawing },
): Promise<void> {
  const sheet = await addDrawn(context, step.sheet, step.position);
  draw(sheet, step.drawing);
  await context.sync();
}
