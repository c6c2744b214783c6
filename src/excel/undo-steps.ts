/**
 * Undoing an Apply (ADR 0009): the journal's steps, last first, each taken out of the journal once
 * done, so a retry after a failure half-way resumes with the steps left and never repeats one.
 */
import { absoluteNameFormula, parseAddress, rectAddress } from './a1';
import { chunkRows, payloadSize } from './chunks';
import { customRules, loadCustomRules } from './conditional-formats';
import type { ExcelContext } from './excel-api';
import type { Journal, UndoStep } from './journal';
import { STATE_NAMESPACE } from './state';
import { undoRedraw } from './summary-redraw';
import { restoreSummary } from './summary-sheet';

/** Undoes the journal, last step first; each step leaves the journal once done, so a retry resumes, not repeats. */
export async function undoJournal(context: ExcelContext, journal: Journal, budget: number): Promise<void> {
  const wb = context.workbook;
  for (const step of formulasAfterColumns(journal.undoOrder())) {
    await undoStep(context, wb, step, budget);
    journal.steps.splice(journal.steps.lastIndexOf(step), 1);
  }
}

const COLUMN_STEPS = new Set<UndoStep['kind']>([
  'delete-columns',
  'delete-table-column',
  'insert-column',
  'reinsert-column',
]);

/**
 * Excel moves (or turns into #REF!) the references that formulas on other sheets make to a sheet whose
 * columns are inserted or deleted (ADR 0022). Cells written on a sheet whose columns Revert does not
 * move (the summary, the RFM report) therefore wait until every column is back in place.
 */
export function formulasAfterColumns(order: UndoStep[]): UndoStep[] {
  const moved = new Set(
    order.flatMap((s) => (COLUMN_STEPS.has(s.kind) && 'sheet' in s && s.sheet ? [s.sheet.toLowerCase()] : [])),
  );
  const removed = new Set(order.flatMap((s) => (s.kind === 'delete-sheet' ? [s.sheet.toLowerCase()] : [])));
  const waits = (s: UndoStep) =>
    moved.size > 0 &&
    (s.kind === 'restore-summary' ||
      s.kind === 'redraw-summary' ||
      (s.kind === 'restore-cells' && !moved.has(s.sheet.toLowerCase()) && !removed.has(s.sheet.toLowerCase())));
  return [...order.filter((s) => !waits(s)), ...order.filter(waits)];
}

async function undoStep(
  context: ExcelContext,
  wb: ExcelContext['workbook'],
  step: UndoStep,
  budget: number,
): Promise<void> {
  const sheetOf = (name: string) => wb.worksheets.getItemOrNullObject(name);
  switch (step.kind) {
    case 'delete-columns':
      sheetOf(step.sheet).getRangeByIndexes(0, step.column, 1, step.count).getEntireColumn().delete('Left');
      break;
    case 'insert-column': {
      const sheet = sheetOf(step.sheet);
      if (step.table !== undefined) {
        sheet.tables.getItemOrNullObject(step.table).columns.add(step.index, undefined, step.header);
      } else {
        sheet.getRangeByIndexes(0, step.column, 1, 1).getEntireColumn().insert('Right');
        if (step.bold) sheet.getRangeByIndexes(step.headerRow, step.column, 1, 1).format.font.bold = true;
      }
      break;
    }
    case 'reinsert-column': {
      const { sheet, rect, table, index, bold } = step;
      const header = String(step.formulas[0]?.[0] ?? '');
      const place = table !== undefined ? { table, index } : { bold };
      await undoStep(
        context,
        wb,
        { kind: 'insert-column', sheet, column: rect.column, headerRow: rect.row, header, ...place },
        budget,
      );
      await undoStep(context, wb, { ...step, kind: 'restore-cells' }, budget);
      return;
    }
    case 'delete-table-column': {
      const columns = sheetOf(step.sheet).tables.getItemOrNullObject(step.table).columns;
      const column = columns.getItemOrNullObject(step.id ?? step.header).load('name');
      await context.sync();
      // An id Excel gave again to another column does not count: the header must match too.
      if (!column.isNullObject && (step.index === undefined || column.name === step.header)) column.delete();
      else if (step.index !== undefined) {
        // Put back by a Revert of a later Apply that had taken it out: a new id, the same place and header.
        const atIndex = columns.getItemAt(step.index).load('name');
        await context.sync();
        if (atIndex.name === step.header) atIndex.delete();
      }
      break;
    }
    case 'restore-cells': {
      const sheet = sheetOf(step.sheet);
      const chunks = chunkRows(
        step.rect.rows,
        (i) => payloadSize(step.formulas[i]) + payloadSize(step.numberFormat[i]),
        budget,
      );
      for (const [a, b] of chunks) {
        const range = sheet.getRangeByIndexes(step.rect.row + a, step.rect.column, b - a, step.rect.columns);
        range.numberFormat = step.numberFormat.slice(a, b);
        range.formulas = step.formulas.slice(a, b);
        context.application.suspendApiCalculationUntilNextSync();
        await context.sync();
      }
      return;
    }
    case 'delete-cfs': {
      const cfs = loadCustomRules(
        sheetOf(step.sheet).getRangeByIndexes(step.rect.row, step.rect.column, step.rect.rows, step.rect.columns)
          .conditionalFormats,
      );
      await context.sync();
      for (const rule of customRules(cfs, (formula) => step.formulas.includes(formula))) rule.format.delete();
      break;
    }
    case 'restore-cf': {
      const parsed = parseAddress(step.address);
      const cf = sheetOf(step.sheet)
        .getRange(parsed ? rectAddress(parsed.rect) : step.address)
        .conditionalFormats.add('Custom');
      cf.custom.rule.formula = step.formula;
      cf.custom.format.fill.color = step.fill;
      cf.custom.format.font.color = step.font;
      break;
    }
    case 'delete-sheet': {
      const sheet = sheetOf(step.sheet);
      await context.sync();
      if (!sheet.isNullObject) sheet.delete();
      break;
    }
    case 'delete-name': {
      const names = step.sheet ? sheetOf(step.sheet).names : wb.names;
      const item = names.getItemOrNullObject(step.name);
      await context.sync();
      if (!item.isNullObject) item.delete();
      break;
    }
    case 'restore-name':
      (step.sheet ? sheetOf(step.sheet).names : wb.names).add(step.name, absoluteNameFormula(step.formula));
      break;
    case 'restore-xml': {
      const part = wb.customXmlParts.getByNamespace(step.namespace ?? STATE_NAMESPACE).getOnlyItemOrNullObject();
      await context.sync();
      if (step.xml === null) {
        if (!part.isNullObject) part.delete();
      } else if (part.isNullObject) wb.customXmlParts.add(step.xml);
      else part.setXml(step.xml);
      break;
    }
    case 'restore-summary':
      await restoreSummary(context, step);
      return;
    case 'redraw-summary':
      await undoRedraw(context, step);
      return;
  }
  await context.sync();
}
