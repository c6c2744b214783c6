/**
 * Builds the add-in (the production webpack config) and the scripted fake
 * workbook, serves them on localhost and opens taskpane.html in Debian's
 * Chromium through playwright-core. Used by the browser check and bench/taskpane.ts.
 */
import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const ROOT = resolve(__dirname, '../..');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** `npx webpack --mode production` into `out`, plus fake-workbook.js from the test-only config. */
export function build(out: string): void {
  const webpack = join(ROOT, 'node_modules/.bin/webpack');
  const run = (args: string[]) => execFileSync(webpack, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  run(['--mode', 'production', '--env', `outputPath=${out}`]);
  run(['--config', 'test/browser/webpack.test.config.js', '--env', `outputPath=${out}`]);
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.xml': 'application/xml',
};

export async function serve(dir: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^([/\\])+/, '');
    const file = join(dir, path);
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((done) => server.close(() => done())) };
}

export async function launch(): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'tierwise-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    // The default task pane width in Excel.
    viewport: { width: 350, height: 900 },
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Microsoft's own copy of the hosted Office.js files (npm @microsoft/office-js), served in place of the CDN. */
const OFFICE_JS_DIST = join(dirname(require.resolve('@microsoft/office-js/package.json')), 'dist');
const OFFICE_JS_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/';

/**
 * Opens the pane with the scripted workbook. The real Office.js loads (from
 * the npm copy, as there is no network here); outside Office its onReady
 * resolves with no host, and the pane boots with the workbook the test hands it.
 */
export async function openPane(context: BrowserContext, base: string, dist: string, query = ''): Promise<Page> {
  const page = await context.newPage();
  await page.route('https://appsforoffice.microsoft.com/**', async (route) => {
    const url = route.request().url().split('?')[0]!;
    const file = url.startsWith(OFFICE_JS_CDN) ? join(OFFICE_JS_DIST, url.slice(OFFICE_JS_CDN.length)) : '';
    if (file && !file.includes('..') && existsSync(file))
      await route.fulfill({ path: file, contentType: 'text/javascript' });
    else await route.abort();
  });
  await page.addInitScript({ path: join(dist, 'fake-workbook.js') });
  await page.goto(`${base}/taskpane.html${query}`);
  return page;
}

/**
 * axe-core's violations of impact serious or critical. One known false
 * positive is left out: aria-hidden-focus on Tabster's focus sentinels
 * (<i data-tabster-dummy>, used by Fluent's TabList for arrow keys), which
 * are focusable and aria-hidden by design (microsoft/tabster#288,
 * microsoft/fluentui#25133); any other node of that rule still fails.
 */
export async function seriousViolations(page: Page): Promise<Array<{ id: string; impact: string; targets: string[] }>> {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (d: Document) => Promise<{ violations: unknown[] }> } }).axe;
    const result = await axe.run(document);
    return result.violations as Array<{ id: string; impact: string; nodes: Array<{ target: string[]; html: string }> }>;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      id: v.id,
      impact: v.impact,
      targets: v.nodes
        .filter((n) => !(v.id === 'aria-hidden-focus' && /^<i [^>]*data-tabster-dummy=/.test(n.html)))
        .map((n) => n.target.join(' ')),
    }))
    .filter((v) => v.targets.length > 0);
}
