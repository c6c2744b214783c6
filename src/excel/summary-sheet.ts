/**
 * One summary sheet per graded sheet (ADR 0007). Apply replaces the graded
 * sheet's summary in place (same name, same tab position); the drawing it
 * replaced goes into the journal, so Revert draws the previous one again.
 * Which summary belongs to which graded sheet is kept in a custom XML part.
 */
import type { PlanCell, PlanFormula } from '../engine/plan';
import type { ExcelContext, ExcelWorksheet } from './excel-api';
import { keptAsText, type Journal } from './journal';
import type { WorkbookPlan } from './plan-types';
import type { WorkbookProblem } from './workbook';
import { safeText } from './rules-sheet';

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
}

/** A summary sheet as it is before Apply moves any column: its grid read back, where it is, its number formats. */
export interface SummaryAsItIs {
  sheet: string;
  rect: { row: number; column: number; rows: number; columns: number };
  numberFormat: unknown[][];
  drawing: SummaryDrawing;
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
  };
}

function draw(sheet: ExcelWorksheet, drawing: SummaryDrawing): void {
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
  sheet.charts.add('ColumnClustered', sheet.getRangeByIndexes(0, 0, chart.rows, chart.columns), 'Columns').title.text =
    chart.title;
  const pareto = drawing.pareto;
  if (pareto) {
    sheet.getRangeByIndexes(pareto.top - 1, 0, 1, 1).format.font.bold = true;
    sheet.getRangeByIndexes(pareto.top, pareto.left, 1, pareto.columns).format.font.bold = true;
    // Excel sorts the bars and draws the cumulative line; nothing of the chart is read or styled after.
    sheet.charts.add(
      'Pareto',
      sheet.getRangeByIndexes(pareto.top, pareto.left, pareto.rows, pareto.columns),
      'Columns',
    );
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
  let name: string | undefined;
  let position: number | undefined;
  if (earlier) {
    const old = wb.worksheets.getItemOrNullObject(earlier.sheet).load('name,position');
    await context.sync();
    if (!old.isNullObject) {
      name = old.name;
      position = old.position;
      old.delete();
      await context.sync();
      const drawing = same(asItIs?.sheet ?? '', name) ? asItIs!.drawing : earlier.drawing;
      journal.record({ kind: 'restore-summary', sheet: name, position, drawing });
    }
  }
  name ??= await freeSheetName(context, plan.summary!.sheet);
  const drawing = drawingOf(plan);
  const sheet = await addDrawn(context, name, position);
  journal.record({ kind: 'delete-sheet', sheet: name });
  draw(sheet, drawing);
  await context.sync();
  const next = [...entries.filter((e) => !same(e.source, source)), { source, sheet: name, drawing }];
  journal.record({ kind: 'restore-xml', namespace: SUMMARIES_NAMESPACE, xml: oldXml ? oldXml.value : null });
  if (part.isNullObject) wb.customXmlParts.add(summariesXml(next));
  else part.setXml(summariesXml(next));
  await context.sync();
  return unreadable === undefined
    ? { sheet: name }
    : { sheet: name, problem: { kind: 'summary-index-unreadable', reason: unreadable, sheet: name } };
}

/**
 * The graded sheet's summary as it is now, read before Apply moves any column: Excel has moved its
 * references since it was drawn if the user inserted or deleted columns of the graded sheet, and
 * Revert must draw it back as it was, not as it was first drawn.
 */
export async function summaryAsItIs(context: ExcelContext, source: string): Promise<SummaryAsItIs | undefined> {
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
  const rect = { row: 0, column: 0, rows: grid.length, columns: grid[0]?.length ?? 1 };
  const range = sheet.getRangeByIndexes(0, 0, rect.rows, rect.columns).load('formulas,values,numberFormat');
  await context.sync();
  const asItIs = keptAsText(range.formulas, range.values) as SummaryDrawing['grid'];
  return {
    sheet: earlier.sheet,
    rect,
    numberFormat: range.numberFormat,
    drawing: { ...earlier.drawing, grid: asItIs },
  };
}

/**
 * An Apply without a summary still takes out the columns the graded sheet's earlier summary counts (Excel
 * turns its references into #REF!): its cells are journalled, so Revert writes them back once the columns are.
 */
export function keepSummaryCells(journal: Journal, summary: SummaryAsItIs): void {
  const { sheet, rect, numberFormat, drawing } = summary;
  journal.record({ kind: 'restore-cells', sheet, rect, formulas: drawing.grid, numberFormat });
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
