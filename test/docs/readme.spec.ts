import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileTable } from '../../src/engine/compile';
import { PRESET_IDS, getPreset } from '../../src/engine/presets';

const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');

describe('README', () => {
  it('lists every built-in preset, and only those', () => {
    const listed = [...readme.matchAll(/^\| `([a-z0-9-]+)` \|/gm)].map((m) => m[1]);
    expect([...listed].sort()).toEqual([...PRESET_IDS].sort());
  });

  it('shows a table example that is itself a valid grading table', () => {
    const json = /```json\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(json).toBeDefined();
    const result = compileTable(JSON.parse(json!), { resolve: getPreset });
    expect(result.ok ? [] : result.problems).toEqual([]);
  });

  it('gives the two set-up commands that CI and new users run', () => {
    expect(readme).toContain('npm install && npm run demo');
    expect(readme).toContain('npm test');
  });
});
