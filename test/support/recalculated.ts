/**
 * What a recalculated sheet must show, computed from the engine's batch alone
 * (never from the plan's own formula results), and a cell-by-cell comparison
 * that names every cell that differs.
 */
import type { CompiledTable, GradeBatch } from '../../src/engine/grader';
import { formatGradeError } from '../../src/engine/messages';
import type { Locale } from '../../src/engine/model';
import { planText } from '../../src/engine/plan';
import { columnLetters } from '../../src/engine/sheet-form/text';
import { localize } from '../../src/i18n';

/** An expected cell: text, a number (compared to 1e-9), or blank. */
export type ExpectedCell = string | number | null;

export interface SummaryExpectation {
  locale: Locale;
  /** The title row above the table (the CLI writes one; the add-in puts it in the chart). */
  title?: boolean;
  /** Per row of the batch, the value summed per tier (NaN where the cell is not a number), and its header. */
  values?: { column: string; perRow: ArrayLike<number> };
}

/** The summary sheet, row by row, as the engine's figures say it must recalculate. */
export function expectedSummaryGrid(
  compiled: CompiledTable,
  batch: GradeBatch,
  options: SummaryExpectation,
): ExpectedCell[][] {
  const { locale, values } = options;
  const t = (key: Parameters<typeof planText>[1], params?: Record<string, string>) => planText(locale, key, params);
  const counts = compiled.tiers.map(() => 0);
  const sums = compiled.tiers.map(() => 0);
  for (let i = 0; i < batch.count; i++) {
    const k = batch.tiers[i]!;
    if (k < 0) continue;
    counts[k]!++;
    const v = values?.perRow[i];
    if (v !== undefined && Number.isFinite(v)) sums[k]! += v;
  }
  const graded = counts.reduce((a, b) => a + b, 0);
  const valueTotal = sums.reduce((a, b) => a + b, 0);
  const grid: ExpectedCell[][] = [];
  if (options.title) grid.push([t('summary.title', { table: localize(compiled.table.name, locale) })]);
  const header: ExpectedCell[] = [t('summary.tier'), t('summary.count'), t('summary.share'), t('summary.target')];
  if (values)
    header.push(t('summary.value', { column: values.column }), t('summary.value-share', { column: values.column }));
  grid.push(header);
  compiled.tiers.forEach((tier, k) => {
    const row: ExpectedCell[] = [tier.id, counts[k]!, graded ? counts[k]! / graded : 0, tier.targetShare ?? null];
    if (values) row.push(sums[k]!, valueTotal ? sums[k]! / valueTotal : 0);
    grid.push(row);
  });
  grid.push([t('summary.ungraded'), batch.count - graded]);
  grid.push([t('summary.total'), batch.count]);
  grid.push([]);
  grid.push([
    t('summary.legend'),
    t('summary.label'),
    t('summary.colour'),
    t('header.strategy'),
    t('header.follow-up'),
  ]);
  for (const tier of compiled.tiers) {
    grid.push([
      tier.id,
      localize(tier.label, locale),
      tier.fill,
      localize(tier.strategy, locale) || null,
      localize(tier.cadence, locale) || null,
    ]);
  }
  return grid;
}

/**
 * Score (when the table gives one), Tier and Error of every row, as the engine grades it; the
 * Error names each input by its sheet header (`headers[i]` is the header of `compiled.columns[i]`).
 */
export function expectedGradedColumns(
  compiled: CompiledTable,
  batch: GradeBatch,
  locale: Locale,
  headers: readonly string[],
): ExpectedCell[][] {
  const headerOf = new Map(compiled.columns.map((input, i) => [input.id, headers[i] ?? input.id]));
  const nameOf = (id: string): string => headerOf.get(id) ?? id;
  return Array.from({ length: batch.count }, (_x, i) => {
    const error = batch.errors.get(i);
    const k = batch.tiers[i]!;
    const row: ExpectedCell[] = [];
    if (compiled.hasScore) row.push(error || Number.isNaN(batch.scores[i]!) ? null : batch.scores[i]!);
    row.push(k < 0 ? null : compiled.tiers[k]!.id);
    row.push(error ? formatGradeError(error, locale, nameOf) : null);
    return row;
  });
}

/** A number as a CSV export writes it; percentages ("15.07%") keep their sign even when not "as shown". */
function numberOf(text: string): number {
  return text.endsWith('%') ? Number(text.slice(0, -1)) / 100 : Number(text);
}

/** Whether a cell as read back (CSV text or a value) shows the expected value. */
export function sameCell(actual: unknown, expected: ExpectedCell): boolean {
  const blank = actual === null || actual === undefined || actual === '';
  if (expected === null || expected === '') return blank;
  if (typeof expected === 'number') {
    const n =
      typeof actual === 'number' ? actual : typeof actual === 'string' && actual !== '' ? numberOf(actual) : NaN;
    return Math.abs(n - expected) <= 1e-9 * Math.max(1, Math.abs(expected));
  }
  return actual === expected;
}

/**
 * Every cell of `actual` against `expected`, from (top, left) of the sheet
 * (0-based, for the addresses in the report): the list of differences, empty
 * when the two agree. Cells beyond a shorter row must be blank on the other side.
 */
export function gridDifferences(
  actual: readonly (readonly unknown[])[],
  expected: readonly (readonly ExpectedCell[])[],
  top = 0,
  left = 0,
): string[] {
  const out: string[] = [];
  const rows = Math.max(actual.length, expected.length);
  for (let r = 0; r < rows; r++) {
    const a = actual[r] ?? [];
    const e = expected[r] ?? [];
    const width = Math.max(a.length, e.length);
    for (let c = 0; c < width; c++) {
      if (!sameCell(a[c], e[c] ?? null)) {
        out.push(
          `${columnLetters(left + c)}${top + r + 1}: got ${JSON.stringify(a[c])}, engine says ${JSON.stringify(e[c] ?? null)}`,
        );
      }
    }
  }
  return out;
}
