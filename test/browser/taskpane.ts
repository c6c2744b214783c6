/**
 * The browser check of the task pane: build, serve taskpane.html on
 * localhost, drive it in headless Chromium against the scripted workbook —
 * map, preview, apply, revert — in en-US and zh-CN (and once in the dark
 * theme); screenshots go to test-results/; axe-core must find no serious
 * violations. Run: npx tsx test/browser/taskpane.ts   (exit code 1 on failure)
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { buildScorecard, checkAgainstEngine, showEditors } from './from-scratch';
import { build, launch, openPane, ROOT, serve, seriousViolations } from './harness';

const OUT = join(ROOT, 'test-results/taskpane');
const DIST = join(ROOT, 'test-results/browser-dist');

const WORDS = {
  'en-US': {
    region: '40 rows in Customers!A1:D41',
    sales: 'Column for Monthly average sales',
    data: 'Data',
    table: 'Table',
    json: 'Table as JSON',
    preview: 'Preview',
    distribution: 'Distribution',
    apply: 'Apply',
    applied: /^Applied: Customers!E1:E41/,
    revert: 'Revert',
    reverted: 'Reverted: the sheet is as it was before Apply.',
    select: 'Select these rows',
    selected: '1 row selected.',
  },
  'zh-CN': {
    region: 'Customers!A1:D41 中共 40 行',
    sales: '月均销售额 对应的列',
    data: '数据',
    table: '分级表',
    json: '分级表 JSON',
    preview: '预览',
    distribution: '分布',
    apply: '应用',
    applied: /^已写入：Customers!E1:E41/,
    revert: '撤销',
    reverted: '已撤销：工作表已恢复到应用之前。',
    select: '选中这些行',
    selected: '已选中 1 行。',
  },
} as const;

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(OUT, `${name}.png`), fullPage: true });
}

async function noSeriousViolations(page: Page, where: string): Promise<void> {
  const found = await seriousViolations(page);
  assert.deepEqual(found, [], `axe-core, ${where}: ${JSON.stringify(found, null, 2)}`);
}

async function workflow(page: Page, lang: keyof typeof WORDS): Promise<void> {
  const w = WORDS[lang];
  await page.getByText(w.region).waitFor();
  assert.equal(await page.getByLabel(w.sales).inputValue(), '月均销售额');
  await shot(page, `${lang}-1-data`);
  await noSeriousViolations(page, `${lang} data`);

  await page.getByRole('tab', { name: w.table }).click();
  await page.getByLabel(w.json).waitFor();
  await shot(page, `${lang}-1b-table`);
  await noSeriousViolations(page, `${lang} table editor`);

  // Keyboard: the step tabs move with the arrow keys and select on focus.
  await page.getByRole('tab', { name: w.data }).focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  assert.equal(await page.getByRole('tab', { name: w.preview }).getAttribute('aria-selected'), 'true');
  await page.getByRole('table', { name: w.distribution }).waitFor();
  await shot(page, `${lang}-2-preview`);
  await noSeriousViolations(page, `${lang} preview`);

  await page.getByRole('tab', { name: w.apply }).click();
  await page.getByRole('button', { name: w.apply, exact: true }).click();
  await page.getByText(w.applied).waitFor();
  const applied = await page.evaluate(() => {
    const fake = (window as unknown as { __tierwiseFake: { sheet(n: string): { cfs: unknown[] } } }).__tierwiseFake;
    return fake.sheet('Customers').cfs.length;
  });
  assert.equal(applied, 3, 'one conditional format per tier');
  await page.getByRole('button', { name: w.select }).click();
  await page.getByText(w.selected).waitFor();
  await shot(page, `${lang}-3-applied`);
  await noSeriousViolations(page, `${lang} applied`);

  await page.getByRole('button', { name: w.revert }).click();
  await page.getByText(w.reverted).waitFor();
  const same = await page.evaluate(() => {
    const win = window as unknown as { __tierwiseFake: { snapshot(): unknown }; __tierwiseBefore: string };
    return JSON.stringify(win.__tierwiseFake.snapshot()) === win.__tierwiseBefore;
  });
  assert.ok(same, 'Revert leaves the workbook as before');
  await shot(page, `${lang}-4-reverted`);
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  build(DIST);
  const server = await serve(DIST);
  const browser = await launch();
  const errors: string[] = [];
  try {
    for (const lang of ['en-US', 'zh-CN'] as const) {
      const page = await openPane(browser.context, server.url, DIST, `?lang=${lang}`);
      page.on('pageerror', (e) => errors.push(`${lang}: ${e.message}`));
      // The real Office.js is loaded, and outside Office it reports no host.
      const office = await page.evaluate(async () => {
        const o = (window as unknown as { Office?: { onReady(): Promise<{ host: unknown }> } }).Office;
        return o ? { loaded: true, host: (await o.onReady()).host ?? null } : { loaded: false, host: null };
      });
      assert.deepEqual(office, { loaded: true, host: null }, 'Office.js loads and reports no host outside Office');
      await workflow(page, lang);
      console.log(`ok  ${lang}: map, preview (by keyboard), apply, select ungraded, revert; axe clean`);
      await page.close();
    }
    for (const lang of ['en-US', 'zh-CN'] as const) {
      const dark = await openPane(browser.context, server.url, DIST, `?lang=${lang}&theme=dark`);
      dark.on('pageerror', (e) => errors.push(`${lang} dark: ${e.message}`));
      await dark.getByText(WORDS[lang].region).waitFor();
      await shot(dark, `${lang}-dark`);
      await noSeriousViolations(dark, `${lang} dark theme`);
      await dark.getByRole('tab', { name: WORDS[lang].table }).click();
      await dark.getByLabel(WORDS[lang].json).waitFor();
      await shot(dark, `${lang}-dark-table`);
      await noSeriousViolations(dark, `${lang} dark theme, table editor`);
      await dark.close();
    }
    console.log('ok  dark theme in en-US and zh-CN, data and table steps; axe clean');

    const scratch = await openPane(browser.context, server.url, DIST, '?lang=en-US');
    scratch.on('pageerror', (e) => errors.push(`from scratch: ${e.message}`));
    await scratch.getByText(WORDS['en-US'].region).waitFor();
    const table = await buildScorecard(scratch, OUT);
    await noSeriousViolations(scratch, 'a scorecard built from scratch, applied');
    const graded = await checkAgainstEngine(scratch, table, 40);
    console.log(
      `ok  a scorecard built from scratch by mouse and keyboard; ${graded} graded rows as the engine grades them`,
    );
    await showEditors(scratch, OUT);
    await noSeriousViolations(scratch, 'the RFM editor');
    console.log('ok  scorecard, rules, matrix and RFM editors at 350 px: no sideways scrolling, no cut text');
    await scratch.close();
    assert.deepEqual(errors, [], 'no uncaught errors in the page');
    console.log(`screenshots in ${OUT}`);
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
