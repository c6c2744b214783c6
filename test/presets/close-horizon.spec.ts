import { compilePreset, grade, tierOf } from './preset-harness';

describe('close-horizon preset (grading-systems.md section 5)', () => {
  const compiled = compilePreset('close-horizon');

  it.each([
    ['明确需求', 0, 'A'],
    ['clear', 1, 'A'],
    ['明确需求', 1.5, 'B'],
    ['明确需求', 3, 'B'],
    ['明确需求', 3.01, 'C'],
    ['需求明确', 6, 'C'],
    ['明确需求', 7, 'D'],
    ['潜在需求', 1, 'D'],
    ['latent', null, 'D'],
    ['无需求', null, 'E'],
    ['死亡客户', 2, 'E'],
    ['No need', 12, 'E'],
  ])('given need %p and %p months to close then the tier is %p', (need, months, tier) => {
    expect(tierOf(compiled, { need, months_to_close: months })).toBe(tier);
  });

  it('given a clear need without a time to close then it is ungraded rather than guessed', () => {
    expect(grade(compiled, { need: '明确需求' })).toEqual({ ok: false, error: { kind: 'no-match' } });
  });

  it('given no need recorded then the row is a blank error', () => {
    expect(grade(compiled, { months_to_close: 2 })).toEqual({ ok: false, error: { kind: 'blank', input: 'need' } });
  });

  it('carries the follow-up log cadence on every tier, from daily to yearly', () => {
    expect(compiled.tiers.map((t) => [t.id, t.cadence?.zh])).toEqual([
      ['A', '每天（日志）'],
      ['B', '每周（周志）'],
      ['C', '每15天（半月志）'],
      ['D', '每30天（月志）'],
      ['E', '每年（年志）'],
    ]);
    expect(compiled.tiers.every((t) => t.cadence?.en)).toBe(true);
  });
});
