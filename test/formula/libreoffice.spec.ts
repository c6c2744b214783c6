import ExcelJS from 'exceljs';
import { mkdtempSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileFormula } from '../../src/engine/formula';
import type { Cell } from '../../src/engine/values/cell';
import type { Outcome } from '../sql/sql-harness';
import { libreOfficeSession, SOFFICE } from '../xlsx/office';
import type { WorkbookPlan } from '../../src/excel/plan-types';
import type { DataRegion } from '../../src/excel/workbook';
import { value } from '../excel/support';
import { formulaCases, formulaDifferences, outcomeOf, type FormulaCase } from './formula-harness';
import { HELPER_PRESETS, openPreset, outputColumns, paneExpectation, presetPlan, sheetCells } from './pane-formulas';

/** The pane's formula-mode Apply of a preset on the fake: the graded sheet's cells as written, helpers included. */
interface PaneSheet {
  id: string;
  region: DataRegion;
  rows: Cell[][];
  plan: WorkbookPlan;
  cells: ReturnType<typeof sheetCells>;
}

async function paneSheet(id: string): Promise<PaneSheet> {
  const { fake, workbook, region, rows } = await openPreset(id, 120, 71);
  const plan = presetPlan(id, region, rows);
  value(await workbook.apply(region, plan));
  return { id, region, rows, plan, cells: sheetCells(fake, 'Data') };
}

if (!SOFFICE) {
  if (process.env.CI)
    throw new Error('LibreOffice missing: apt-get install -y --no-install-recommends libreoffice-calc-nogui');
  console.warn('\n*** LibreOffice not found: the formula recalculation tests are SKIPPED ***\n');
}
const describeLo = SOFFICE ? describe : describe.skip;

const lo = libreOfficeSession('tierwise-formula-lo-');

function valueOf(cell: Cell): ExcelJS.CellValue {
  if (cell === undefined) return null;
  if (cell !== null && typeof cell === 'object' && !(cell instanceof Date))
    return { error: '#N/A' } as ExcelJS.CellErrorValue;
  return cell;
}

/** One sheet per case: the input cells, then the formulas (cached results left empty, so only a recalculation fills them). */
async function writeWorkbook(path: string, cases: readonly FormulaCase[], panes: readonly PaneSheet[]): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  cases.forEach((c, k) => {
    const sheet = workbook.addWorksheet(`case${k}`);
    c.rows.forEach((row, r) => {
      const cells: ExcelJS.CellValue[] = [
        ...row.map(valueOf),
        ...c.columns.map((column) => ({ formula: fileFormula(column.formulaAt(r + 1, c.placement)).slice(1) })),
      ];
      sheet.addRow(cells);
    });
  });
  panes.forEach((pane, k) => {
    const sheet = workbook.addWorksheet(`pane${k}`);
    for (const row of pane.cells)
      sheet.addRow(
        row.map((cell) =>
          cell !== null && typeof cell === 'object' ? { formula: fileFormula(cell.formula).slice(1) } : cell,
        ),
      );
  });
  await workbook.xlsx.writeFile(path);
}

/** The workbook as LibreOffice saves it after recalculating every formula on load. */
function recalculated(profile: string, file: string, outDir: string): string {
  const result = spawnSync(
    SOFFICE!,
    [
      `-env:UserInstallation=file://${profile}`,
      '--headless',
      '--norestore',
      '--convert-to',
      'xlsx',
      '--outdir',
      outDir,
      file,
    ],
    { encoding: 'utf8', timeout: 240000 },
  );
  if (result.status !== 0) throw new Error(`soffice failed (${result.status}): ${result.stderr}`);
  return join(outDir, readdirSync(outDir)[0]!);
}

/** A formula cell's cached result (ExcelJS leaves a result of 0 out of `value`, not out of the model). */
function resultOf(cell: ExcelJS.Cell): unknown {
  const value = cell.value;
  if (value !== null && typeof value === 'object' && 'formula' in value) {
    const result = (cell.model as { result?: unknown }).result;
    if (result !== null && typeof result === 'object' && 'error' in result) return `#ERROR ${result.error}`;
    return result ?? null;
  }
  return value;
}

describeLo('native formulas recalculated by LibreOffice', () => {
  // Fewer rows than the HyperFormula spec: one soffice run must stay near a minute on a shared machine.
  const cases = formulaCases(20, 200);
  const outcomes = new Map<string, Outcome[]>();
  const panes: PaneSheet[] = [];

  beforeAll(async () => {
    for (const id of HELPER_PRESETS) panes.push(await paneSheet(id));
    const file = join(lo.dir, 'formulas.xlsx');
    await writeWorkbook(file, cases, panes);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(recalculated(lo.profile, file, mkdtempSync(join(lo.dir, 'out-'))));
    cases.forEach((c, k) => {
      const sheet = workbook.getWorksheet(`case${k}`)!;
      const at = (r: number, letters: string | undefined) =>
        letters === undefined ? null : resultOf(sheet.getCell(`${letters}${r + 1}`));
      outcomes.set(
        c.name,
        c.rows.map((_row, r) => outcomeOf(at(r, c.placement.error), at(r, c.placement.score), at(r, c.placement.tier))),
      );
    });
    panes.forEach((pane, k) => {
      const sheet = workbook.getWorksheet(`pane${k}`)!;
      const columns = outputColumns(pane.plan);
      const at = (r: number, c: number | undefined) =>
        c === undefined ? null : resultOf(sheet.getCell(pane.region.top + 2 + r, c + 1));
      outcomes.set(
        `pane ${pane.id}`,
        pane.rows.map((_row, r) => outcomeOf(at(r, columns.error), at(r, columns.score), at(r, columns.tier))),
      );
    });
  }, 300000);

  it.each(HELPER_PRESETS)(
    "given the pane's formula-mode Apply of %s (helper columns included) then every recalculated row shows the engine",
    (id) => {
      const pane = panes.find((p) => p.id === id)!;
      const expected = paneExpectation(id, pane.region, pane.rows, pane.plan);
      expect(formulaDifferences(expected, outcomes.get(`pane ${id}`)!, 15)).toEqual([]);
      expect(pane.plan.frame.columns.filter((c) => c.kind.startsWith('helper-')).length).toBeGreaterThan(0);
    },
  );

  describe.each(cases.map((c) => [c.name, c] as const))('table %s', (name, c) => {
    it('then every recalculated row shows the engine score, tier and error (an error where a cell is unreadable)', () => {
      // LibreOffice stores cached results with 15 significant digits.
      expect(formulaDifferences(c, outcomes.get(name)!, 15)).toEqual([]);
    });
  });
});
