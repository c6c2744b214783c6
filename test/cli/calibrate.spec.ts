import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CliIo } from '../../src/cli/command';
import { calibrateCommand } from '../../src/cli/commands/calibrate';
import { compileTable } from '../../src/engine/compile';
import type { GradingTable } from '../../src/engine/model';
import { pointsScorecard } from '../engine/population/points-table';

const dir = mkdtempSync(join(tmpdir(), 'tierwise-calibrate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function calibrate(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = { stdout: (t) => (out += t), stderr: (t) => (err += t), cwd: dir };
  const code = await calibrateCommand.run(argv, io);
  return { code, out, err };
}

/** Total = the points rounded down to tens; fixed thresholds A >= 95, B >= 90 to start with; target shares 10/40/50%. */
const base = pointsScorecard([{ tier: 'A', gte: 95 }, { tier: 'B', gte: 90 }, { tier: 'C' }]);
const TABLE: GradingTable = {
  ...base,
  tiers: base.tiers.map((tier, k) => ({ ...tier, targetShare: [0.1, 0.4, 0.5][k] })),
};

beforeAll(() => {
  writeFileSync(join(dir, 'points.json'), JSON.stringify(TABLE));
  const rows = ['customer,得分', ...Array.from({ length: 10 }, (_, i) => `c${i},${i * 10 + 5}`), 'bad,x'];
  writeFileSync(join(dir, 'customers.csv'), rows.join('\n') + '\n');
});

describe('tierwise calibrate', () => {
  it('given --shares 20,30, then it proposes A >= 80, B >= 50 and writes the frozen table with --out', async () => {
    const run = await calibrate('customers.csv', '--table', 'points.json', '--shares', '20,30', '--out', 'frozen.json');
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(run.out.split('\n')).toEqual([
      'Proposed thresholds for points on 10 scored row(s):',
      '  Tier  Label  Threshold  Share reached  Target',
      '  A     A      >= 80              20.0%   20.0%',
      '  B     B      >= 50              30.0%   30.0%',
      '  C     C      the rest           50.0%   50.0%',
      'Wrote the table with these thresholds to frozen.json',
      '',
    ]);
    const frozen = JSON.parse(readFileSync(join(dir, 'frozen.json'), 'utf8')) as GradingTable;
    expect(frozen).toEqual({
      ...TABLE,
      method: { ...TABLE.method, thresholds: [{ tier: 'A', gte: 80 }, { tier: 'B', gte: 50 }, { tier: 'C' }] },
    });
    expect(compileTable(frozen).ok).toBe(true);
  });

  it("given no --shares, then the tiers' target shares are used (in Chinese when asked)", async () => {
    const run = await calibrate('customers.csv', '--table', 'points.json', '--lang', 'zh-CN');
    expect(run.code).toBe(0);
    expect(run.out).toContain('points 在 10 行有分数的数据上的建议分数线：');
    expect(run.out).toMatch(/A\s+A类\s+>= 90\s+10\.0%\s+10\.0%/);
    expect(run.out).toMatch(/B\s+B类\s+>= 50\s+40\.0%\s+40\.0%/);
  });

  it('given shares over 100% or a table without thresholds, then it says why', async () => {
    const over = await calibrate('customers.csv', '--table', 'points.json', '--shares', '60,50,10');
    expect(over.code).toBe(2);
    expect(over.err).toContain(
      "target shares '60,50,10': give one share per tier (or all but the last), each 0..100%, adding up to at most 100%",
    );
    const rules = await calibrate('customers.csv', '--table', 'spend-abcd');
    expect(rules.code).toBe(1);
    expect(rules.err).toContain('spend-abcd has no score thresholds to calibrate');
  });
});
