/**
 * The browser check's table-building part (issue 13): at 350 px, by mouse and keyboard only, a
 * scorecard is built from an empty New table (two inputs, two criteria with two bands each, three
 * tiers), applied to the sample sheet, and every graded row's Tier cell is compared with the engine
 * grading the same rows in this process. Then each method's editor is shown (a preset of each):
 * no sideways scrolling, no truncated text box, a screenshot each, axe clean.
 */
import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { compileTable, mapColumns, type Cell } from '../../src/engine';
import { localize } from '../../src/i18n';

interface FakeWindow {
  __tierwiseFake: {
    sheet(name: string): unknown;
    cell(sheet: unknown, row: number, column: number): { value: unknown } | undefined;
  };
}

/** The sheet's cells, rows × columns, as the fake holds them. */
async function sheetValues(page: Page, rows: number, columns: number): Promise<Cell[][]> {
  return page.evaluate(
    ([rowCount, columnCount]) => {
      const fake = (window as unknown as FakeWindow).__tierwiseFake;
      const sheet = fake.sheet('Customers');
      return Array.from({ length: rowCount }, (_r, r) =>
        Array.from({ length: columnCount }, (_c, c) => (fake.cell(sheet, r, c)?.value ?? '') as Cell),
      );
    },
    [rows, columns] as const,
  );
}

/** A full-page screenshot, checked to be a PNG with something drawn (not one flat colour). */
export async function shotChecked(page: Page, path: string): Promise<void> {
  const png = await page.screenshot({ path, fullPage: true });
  assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG', path);
  // A flat image compresses to almost nothing: a pane with text and grids does not.
  assert.ok(statSync(path).size > 5000, `${path} is ${statSync(path).size} bytes`);
}

async function fill(page: Page, label: string, text: string): Promise<void> {
  const box = page.getByLabel(label, { exact: true });
  await box.click();
  await box.press('Control+a');
  await page.keyboard.type(text);
}

/** Builds the scorecard in the pane and applies it; returns the table as the pane holds it. */
export async function buildScorecard(page: Page, out: string): Promise<unknown> {
  await page.getByRole('tab', { name: 'Table' }).click();
  await page.getByRole('button', { name: 'New table' }).click();
  await fill(page, 'Name of the new table', 'Team score');
  // Empty, scorecard: the defaults; Create by keyboard.
  await page.getByRole('button', { name: 'Create' }).focus();
  await page.keyboard.press('Enter');

  await page.getByRole('button', { name: 'Add an input' }).click();
  await page.getByRole('button', { name: 'Add an input' }).click();
  await fill(page, 'Other column headers of Input 1 (a; b)', '月均销售额');
  await fill(page, 'Label of input input_1', 'Sales');
  await fill(page, 'Other column headers of Input 2 (a; b)', 'Payment days');
  await fill(page, 'Label of input input_2', 'Days');

  await page.getByRole('button', { name: 'Add a criterion' }).click();
  await page.getByRole('button', { name: 'Add a criterion' }).click();
  await page.getByLabel('Input of Criterion 2', { exact: true }).selectOption('input_2');
  await fill(page, 'Band 1 of Criterion 1', 'x >= 10000');
  await fill(page, 'Points of band 1 of Criterion 1', '60');
  await page.getByRole('button', { name: 'Add a band to Criterion 1' }).click();
  await fill(page, 'Band 2 of Criterion 1', 'x < 10000');
  await fill(page, 'Points of band 2 of Criterion 1', '20');
  await fill(page, 'Band 1 of Criterion 2', 'x <= 45');
  await fill(page, 'Points of band 1 of Criterion 2', '40');
  await page.getByRole('button', { name: 'Add a band to Criterion 2' }).click();
  await fill(page, 'Band 2 of Criterion 2', 'x > 45');
  await fill(page, 'Points of band 2 of Criterion 2', '0');
  await page.getByText('The table is valid.').waitFor();
  await shotChecked(page, join(out, 'scratch-scorecard.png'));
  const table: unknown = JSON.parse(await page.getByLabel('Table as JSON', { exact: true }).inputValue());

  await page.getByRole('tab', { name: 'Apply' }).click();
  await page.getByRole('button', { name: 'Apply', exact: true }).click();
  await page.getByText(/^Applied:/).waitFor();
  return table;
}

/** Every graded row's Tier cell against the engine on the same rows. */
export async function checkAgainstEngine(page: Page, table: unknown, rowCount: number): Promise<number> {
  const compiled = compileTable(table);
  assert.ok(compiled.ok, JSON.stringify(compiled));
  const sheet = await sheetValues(page, rowCount + 1, 8);
  const headers = sheet[0]!;
  const tierColumn = headers.findIndex((h) => h === 'Tier');
  assert.ok(tierColumn >= 4, `a Tier column right of the data: ${JSON.stringify(headers)}`);
  const data = sheet.slice(1).map((row) => row.slice(0, 4));
  const mapping = mapColumns(compiled.compiled.columns, headers.slice(0, 4));
  const batch = compiled.compiled.gradeRows(data, mapping.map);
  let graded = 0;
  data.forEach((_row, i) => {
    const k = batch.tiers[i]!;
    const written = sheet[i + 1]![tierColumn];
    if (k < 0) {
      assert.ok(!compiled.compiled.tiers.some((t) => t.id === written), `row ${i + 2} is not graded by the engine`);
      return;
    }
    assert.equal(written, compiled.compiled.tiers[k]!.id, `row ${i + 2}`);
    graded++;
  });
  return graded;
}

const EDITORS = [
  { method: 'scorecard', preset: 'payment-scorecard' },
  { method: 'rules', preset: 'business-class' },
  { method: 'matrix', preset: 'pharma-potential' },
  { method: 'rfm', preset: 'rfm' },
] as const;

/** Each method's editor at 350 px: nothing scrolls sideways, no text box cuts its text; screenshots. */
export async function showEditors(page: Page, out: string): Promise<void> {
  await page.getByRole('tab', { name: 'Table' }).click();
  for (const { method, preset } of EDITORS) {
    await page.getByLabel('Grading table', { exact: true }).selectOption(`preset:${preset}`);
    await page.getByLabel('Table as JSON', { exact: true }).waitFor();
    const json = JSON.parse(await page.getByLabel('Table as JSON', { exact: true }).inputValue()) as {
      method: { kind: string };
      name: { en: string };
    };
    assert.equal(json.method.kind, method, localize(json.name, 'en-US'));
    const layout = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      clipped: [...document.querySelectorAll('input')]
        .filter(
          (i) => i.type !== 'radio' && i.type !== 'checkbox' && i.offsetParent && i.scrollWidth > i.clientWidth + 1,
        )
        .map((i) => `${i.getAttribute('aria-label') ?? i.id}: ${i.value}`),
    }));
    assert.ok(layout.page <= 350, `${method}: the pane is ${layout.page} px wide at 350`);
    assert.deepEqual(layout.clipped, [], `${method}: text boxes that cut their text`);
    await shotChecked(page, join(out, `editor-${method}.png`));
  }
}
