import { formatSummary } from '../../src/cli/commands/grade';
import { compileTable } from '../../src/engine/compile';
import type { GradingTable } from '../../src/engine/model';
import { getPreset } from '../../src/engine/presets';
import { summarize } from '../../src/engine/summary';

describe('formatSummary', () => {
  const table = structuredClone(getPreset('payment-scorecard')) as GradingTable;
  table.tiers[0]!.targetShare = 0.2;
  table.tiers[1]!.targetShare = 0.3;
  const compiled = (() => {
    const result = compileTable(table);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    return result.compiled;
  })();

  it('given shares off target by more than 5 points then those tiers are marked and the legend shown', () => {
    // 2 A (50%, target 20% -> marked), 1 B (25%, target 30% -> within 5 points), 1 C, 1 ungraded.
    const rows = [
      [30000, 10],
      [25000, 20],
      [15000, 40],
      [3000, 90],
      ['待定', 10],
    ];
    const batch = compiled.gradeRows(rows);
    const lines = formatSummary(compiled, summarize(compiled, batch), 'en-US');
    expect(lines[0]).toBe('payment-scorecard Payment scorecard (100 points): 5 row(s)');
    expect(lines.find((l) => l.includes('Grade A'))).toMatch(/A\s+Grade A\s+2\s+50\.0%\s+20\.0%\s+\*$/);
    expect(lines.find((l) => l.includes('Grade B'))).toMatch(/B\s+Grade B\s+1\s+25\.0%\s+30\.0%$/);
    expect(lines.find((l) => l.startsWith('  Ungraded'))).toMatch(/Ungraded\s+1$/);
    expect(lines.at(-1)).toContain('more than 5 points');
  });

  it('given Chinese then labels and headings are Chinese and columns stay aligned', () => {
    const batch = compiled.gradeRows([[30000, 10]]);
    const lines = formatSummary(compiled, summarize(compiled, batch), 'zh-CN');
    expect(lines[1]).toMatch(/等级\s+名称\s+数量\s+占比\s+目标占比/);
    expect(lines.find((l) => l.includes('A级客户'))).toMatch(/A\s+A级客户\s+1\s+100\.0%\s+20\.0%\s+\*$/);
  });
});
