/**
 * The task pane's weight and speed: initial JavaScript gzipped (budget
 * 400 KB) and first render in headless Chromium (budget 1 s), from the
 * production build (npx webpack --mode production).
 *   npx tsx bench/taskpane.ts
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, launch, openPane, ROOT, serve } from '../test/browser/harness';

const DIST = join(ROOT, 'test-results/bench-dist');
const GZIP_BUDGET = 400 * 1024;
const RENDER_BUDGET_MS = 1000;
const RUNS = 5;

async function main(): Promise<void> {
  build(DIST);
  // taskpane.html loads both: functions.js (the shared runtime's custom functions) and taskpane.js.
  const sizes = ['taskpane.js', 'functions.js'].map((file) => {
    const bytes = readFileSync(join(DIST, file));
    return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  });
  const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
  for (const s of sizes)
    console.log(`${s.file.padEnd(13)} ${kb(s.raw).padStart(7)} minified, ${kb(s.gzip).padStart(6)} gzipped`);
  const initial = sizes.reduce((sum, s) => sum + s.gzip, 0);
  console.log(`initial JS    ${kb(initial)} gzipped (budget ${kb(GZIP_BUDGET)})`);

  const server = await serve(DIST);
  const browser = await launch();
  const times: number[] = [];
  const marks: Array<Record<string, number>> = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      const page = await openPane(browser.context, server.url, DIST, '?lang=en-US');
      await page.getByRole('heading', { name: 'Tierwise' }).waitFor();
      // Time from navigation start to the first frame with the pane's heading.
      times.push(
        await page.evaluate(() => new Promise<number>((done) => requestAnimationFrame(() => done(performance.now())))),
      );
      marks.push(
        await page.evaluate(() =>
          Object.fromEntries(
            performance
              .getEntries()
              .filter((e) => e.entryType === 'mark' || (e.entryType === 'resource' && /\.js$/.test(e.name)))
              .map((e) => [
                e.name.replace(/^.*\//, ''),
                Math.round(e.entryType === 'mark' ? e.startTime : e.startTime + e.duration),
              ]),
          ),
        ),
      );
      await page.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  console.log(
    `first render  (upper bound: heading seen, next frame) median ${median.toFixed(0)} ms of ${RUNS} (min ${times[0]!.toFixed(0)}, max ${times[times.length - 1]!.toFixed(0)}; budget ${RENDER_BUDGET_MS} ms)`,
  );
  // Where the time goes, per run (ms from navigation start): scripts loaded, Office ready, pane shown.
  for (const m of marks) console.log('  ', JSON.stringify(m));
  if (initial > GZIP_BUDGET || median > RENDER_BUDGET_MS) process.exitCode = 1;
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
