import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkManifest, EMITTED_FILES } from '../../scripts/check-manifest';
import type { FunctionsMetadata } from '../../src/functions/localize-metadata';

const ROOT = join(__dirname, '..', '..');
const PROD_URL = 'https://cdn.example.org/tierwise/';

/** One production build into a temp folder, shared by the cases below. */
describe('the production build (npx webpack --mode production)', () => {
  let dist: string;
  beforeAll(() => {
    dist = mkdtempSync(join(tmpdir(), 'tierwise-dist-'));
    execFileSync(
      join(ROOT, 'node_modules', '.bin', 'webpack'),
      ['--mode', 'production', '--env', `outputPath=${dist}`],
      { cwd: ROOT, stdio: 'pipe', env: { ...process.env, TIERWISE_ADDIN_URL: PROD_URL }, timeout: 280_000 },
    );
  }, 300_000);
  afterAll(() => rmSync(dist, { recursive: true, force: true }));

  it('emits the pages, scripts, metadata, manifest and icons the manifest names', () => {
    const files = readdirSync(dist).filter((f) => !f.endsWith('.LICENSE.txt') && f !== 'assets' && f !== 'chunks');
    expect(files.sort()).toEqual([...EMITTED_FILES].sort());
    // The pane's lazily loaded steps (ADR 0024): chunks the pane script fetches by their hashed names.
    const chunks = readdirSync(join(dist, 'chunks')).filter((f) => f.endsWith('.js'));
    expect(chunks.length).toBeGreaterThan(0);
    const pane = readFileSync(join(dist, 'taskpane.js'), 'utf8');
    for (const chunk of chunks) expect(pane).toContain(chunk.replace(/^.*\.([0-9a-f]{8})\.js$/, '$1'));
    for (const size of [16, 32, 64, 80, 128]) expect(existsSync(join(dist, 'assets', `icon-${size}.png`))).toBe(true);
  });

  it('ships a manifest with no localhost that passes the offline check against the built files', () => {
    const manifest = readFileSync(join(dist, 'manifest.xml'), 'utf8');
    expect(manifest).not.toMatch(/localhost/i);
    expect(manifest).toContain(`${PROD_URL}functions.js`);
    expect(checkManifest(join(dist, 'manifest.xml'), { distDir: dist, production: true, xmllint: false })).toEqual([]);
  });

  it('generates functions.json and functions.zh-CN.json with the same ids, parameters and result shapes', () => {
    const en = JSON.parse(readFileSync(join(dist, 'functions.json'), 'utf8')) as FunctionsMetadata;
    const zh = JSON.parse(readFileSync(join(dist, 'functions.zh-CN.json'), 'utf8')) as FunctionsMetadata;
    expect(en.functions.map((f) => f.id)).toEqual(['TIER_SCORE', 'RFM', 'RFM_TABLE']);
    const shape = (m: FunctionsMetadata) =>
      m.functions.map((f) => [
        f.id,
        f.result,
        f.options,
        f.parameters.map((p) => [p.type, p.dimensionality, p.optional]),
      ]);
    expect(shape(zh)).toEqual(shape(en));
    for (const m of [en, zh]) {
      expect(m.allowErrorForDataTypeAny).toBe(true);
      expect(m.allowCustomDataForDataTypeAny).toBeUndefined();
    }
    expect(zh.functions[0]!.description).toMatch(/[\u4e00-\u9fff]/);
  });

  it('keeps functions.js to the engine and the functions: associated, no React, small', () => {
    const functions = readFileSync(join(dist, 'functions.js'), 'utf8');
    for (const id of ['TIER_SCORE', 'RFM', 'RFM_TABLE'])
      expect(functions).toContain(`CustomFunctions.associate("${id}"`);
    expect(functions).not.toMatch(/createRoot|react-dom|__SECRET_INTERNALS/);
    expect(statSync(join(dist, 'functions.js')).size).toBeLessThan(400_000);
    const page = readFileSync(join(dist, 'taskpane.html'), 'utf8');
    expect(page).toContain('https://appsforoffice.microsoft.com/lib/1/hosted/office.js');
    expect(page).toMatch(/src="?functions\.js"?.*src="?taskpane\.js"?/);
    expect(page).toContain('id=root');
  });
});
