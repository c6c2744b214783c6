/**
 * `tierwise rfm ... --out result.xlsx`: the customer table with each segment
 * cell in its segment's colours, then the segment summary, the R x F heatmap
 * and the cut points used, as the engine lays them out (report-layout.ts).
 */
import ExcelJS from 'exceljs';
import type { GradingTable, Locale } from '../../engine/model';
import {
  rfmCode,
  RFM_CUSTOMER_COLUMNS,
  RFM_SCORE_COLUMNS,
  rfmReportLayout,
  rfmReportText,
  segmentReport,
  type CustomerTable,
  type ReportBlock,
  type RfmAnalysis,
  type RfmMethodSpec,
} from '../../engine/rfm';
import { localize } from '../../i18n';

export interface RfmWorkbookInput {
  customers: CustomerTable;
  analysis: RfmAnalysis;
  table: GradingTable;
  method: RfmMethodSpec;
  locale: Locale;
  /** The orders file's customer header, heading the first column as in the CSV output. */
  customerHeader: string;
}

const DATE_FORMAT = 'yyyy-mm-dd';
const MONEY_FORMAT = '#,##0.00';

function argb(hex: string): string {
  return `FF${hex.replace('#', '').toUpperCase()}`;
}

/** An Excel serial day as the UTC midnight ExcelJS writes back as that serial. */
function dateOfSerial(serial: number): Date {
  return new Date(Math.round((serial - 25569) * 86_400_000));
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

/** Writes the workbook to `path` (a new file). */
export async function writeRfmWorkbook(path: string, input: RfmWorkbookInput): Promise<void> {
  const { customers, analysis, table, method, locale } = input;
  const t = (key: Parameters<typeof rfmReportText>[1]) => rfmReportText(locale, key);
  const report = segmentReport(
    customers,
    analysis,
    method,
    table.tiers.map((tier) => tier.id),
  );
  const layout = rfmReportLayout(report, table, locale);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: true });

  const sheet = workbook.addWorksheet(t('report.sheet.customers'), { views: [{ state: 'frozen', ySplit: 1 }] });
  const header = [input.customerHeader, ...RFM_CUSTOMER_COLUMNS];
  const headerRow = sheet.addRow([...header, ...RFM_SCORE_COLUMNS]);
  headerRow.font = { bold: true };
  headerRow.commit();
  const tiers = new Map(table.tiers.map((tier) => [tier.id, tier]));
  const ungraded = t('report.ungraded');
  const { r, f, m } = analysis.scores;
  for (let i = 0; i < customers.count; i++) {
    const rule = analysis.segments[i]!;
    const tierId = rule >= 0 ? method.segments[rule]!.tier : method.default;
    const tier = tierId === undefined ? undefined : tiers.get(tierId);
    const row = sheet.addRow([
      customers.ids[i],
      customers.recency[i],
      customers.frequency[i],
      round2(customers.monetary[i]!),
      dateOfSerial(customers.firstOrder[i]!),
      dateOfSerial(customers.lastOrder[i]!),
      round2(customers.aov[i]!),
      r[i] || null,
      f[i] || null,
      m[i] || null,
      rfmCode(r[i]!, f[i]!, m[i]!) || null,
      tier ? localize(tier.label, locale) : (tierId ?? ungraded),
    ]);
    row.getCell(4).numFmt = MONEY_FORMAT;
    row.getCell(5).numFmt = DATE_FORMAT;
    row.getCell(6).numFmt = DATE_FORMAT;
    row.getCell(7).numFmt = MONEY_FORMAT;
    if (tier) {
      const segment = row.getCell(12);
      segment.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(tier.fill) } };
      segment.font = { color: { argb: argb(tier.font) } };
    }
    row.commit();
  }
  sheet.commit();

  const segments = workbook.addWorksheet(t('report.sheet.segments'));
  writeTitle(segments, layout.segments.title);
  const asOf = segments.addRow([t('report.as-of'), dateOfSerial(customers.asOf)]);
  asOf.getCell(2).numFmt = DATE_FORMAT;
  asOf.commit();
  segments.addRow([]).commit();
  writeBlock(segments, layout.segments);
  segments.commit();

  const heatmap = workbook.addWorksheet(t('report.sheet.heatmap'));
  writeTitle(heatmap, layout.heatmap.title);
  heatmap.addRow([]).commit();
  writeBlock(heatmap, layout.heatmap);
  heatmap.commit();

  const cuts = workbook.addWorksheet(t('report.sheet.cuts'));
  writeTitle(cuts, layout.cuts.title);
  cuts.addRow([]).commit();
  writeBlock(cuts, layout.cuts);
  cuts.commit();

  await workbook.commit();
}

function writeTitle(sheet: ExcelJS.Worksheet, title: string): void {
  const row = sheet.addRow([title]);
  row.font = { bold: true };
  row.commit();
}

/** The block's cells from the next row: the header bold, number formats on the body, colours where it says. */
function writeBlock(sheet: ExcelJS.Worksheet, block: ReportBlock): void {
  block.cells.forEach((cells, k) => {
    const row = sheet.addRow(cells);
    if (k === 0) row.font = { bold: true };
    else
      for (const [column, format] of Object.entries(block.numberFormats))
        row.getCell(Number(column) + 1).numFmt = format;
    for (const colour of block.colours.filter((c) => c.row === k)) {
      for (let c = colour.column; c < colour.column + colour.columns; c++) {
        const cell = row.getCell(c + 1);
        cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(colour.fill) } };
        cell.font = { color: { argb: argb(colour.font) } };
      }
    }
    row.commit();
  });
}
