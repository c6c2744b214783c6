/**
 * What Tierwise adds besides its columns, as SpreadsheetML: the tier conditional formats of the graded
 * sheet, the summary sheet (title, counts and shares, the legend in tier colours) and the rules sheet (the
 * table in sheet form), styled through the workbook's extended styles.xml. The same content the add-in's
 * Apply writes (src/engine/plan).
 */
import type { ApplyFrame, PlanSummary } from '../../../engine/plan';
import { sheetRef } from '../../../engine/plan';
import { columnLetters } from '../../../engine/sheet-form/text';
import { escapeXml, rowCellsXml, worksheetXml } from './cell-xml';
import type { StylesPatch } from './styles-patch';

/** The tier formats over the frame's body, one rule per tier, each with its own differential format. */
export function tierConditionalFormats(frame: ApplyFrame, styles: StylesPatch): string {
  const { body } = frame;
  if (body.rows <= 0 || frame.tierRules.length === 0) return '';
  const ref = `${columnLetters(body.left)}${body.top + 1}:${columnLetters(body.left + body.columns - 1)}${body.top + body.rows}`;
  const rules = frame.tierRules
    .map(
      (rule, k) =>
        `<cfRule type="expression" dxfId="${styles.tierFormat(rule.fill, rule.font)}" priority="${k + 1}">` +
        `<formula>${escapeXml(rule.formula.replace(/^=/, ''))}</formula></cfRule>`,
    )
    .join('');
  return `<conditionalFormatting sqref="${ref}">${rules}</conditionalFormatting>`;
}

/** The summary sheet: the title above the plan's `top` row, the counts and shares, then the legend in tier colours. */
export function summarySheetXml(summary: PlanSummary, frame: ApplyFrame, styles: StylesPatch): string {
  const bold = styles.cell({ bold: true });
  const rows: Array<{ row: number; cells: string }> = [];
  if (summary.top > 0) rows.push({ row: 1, cells: rowCellsXml(0, 1, [summary.title], bold) });
  summary.cells.forEach((cells, r) => {
    const row = summary.top + r + 1;
    const tier = r > summary.legendTop ? frame.tierRules[r - summary.legendTop - 1] : undefined;
    let style: number | number[] = 0;
    if (r === 0 || r === summary.legendTop) style = bold;
    else if (tier) style = styles.cell({ fill: tier.fill, font: tier.font });
    else if (r < summary.legendTop) {
      style = cells.map((_, c) => {
        const format = summary.numberFormats[c];
        return format === undefined ? 0 : styles.cell({ numberFormat: format });
      });
    }
    rows.push({ row, cells: rowCellsXml(0, row, cells, style) });
  });
  return worksheetXml(rows, '<cols><col min="1" max="2" width="18" customWidth="1"/></cols>');
}

/** The rules sheet: the table in sheet form at A1; its defined name's reference. */
export function rulesSheetXml(frame: ApplyFrame): { xml: string; ref: string } {
  const { rules } = frame;
  let width = 1;
  const rows = rules.cells.map((cells, r) => {
    width = Math.max(width, cells.length);
    return { row: r + 1, cells: rowCellsXml(0, r + 1, cells) };
  });
  const ref = `${sheetRef(rules.sheet)}!$A$1:$${columnLetters(width - 1)}$${Math.max(1, rules.cells.length)}`;
  return { xml: worksheetXml(rows), ref };
}
