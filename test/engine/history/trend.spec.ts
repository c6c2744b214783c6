import { trendOf, type TrendSnapshot } from '../../../src/engine/history/trend';

const snap = (date: string, pairs: Array<[string, string]>): TrendSnapshot => ({
  date,
  entries: pairs.map(([key, tier]) => ({ key, tier })),
});

describe('trendOf', () => {
  const tiers = ['A', 'B', 'C'];

  it('happy path: previous tier, up / same / down by tier order, and since when the tier is held', () => {
    const trend = trendOf(
      [
        snap('2026-01-01 09:00', [
          ['up', 'C'],
          ['down', 'A'],
          ['steady', 'B'],
          ['back', 'B'],
        ]),
        snap('2026-01-01 17:00', [
          ['up', 'C'],
          ['down', 'A'],
          ['steady', 'B'],
          ['back', 'A'],
        ]),
        snap('2026-02-01 09:00', [
          ['up', 'B'],
          ['down', 'C'],
          ['steady', 'B'],
          ['back', 'B'],
          ['fresh', 'A'],
        ]),
      ],
      tiers,
    );
    expect(Object.fromEntries(trend)).toEqual({
      up: { previous: 'C', change: 'up', since: '2026-02-01 09:00' },
      down: { previous: 'A', change: 'down', since: '2026-02-01 09:00' },
      steady: { previous: 'B', change: 'same', since: '2026-01-01 09:00' },
      back: { previous: 'A', change: 'down', since: '2026-02-01 09:00' },
      fresh: { previous: null, change: 'new', since: '2026-02-01 09:00' },
    });
  });

  it('given a customer missing from the snapshot between, then the one before it is the previous', () => {
    const trend = trendOf([snap('d1', [['c', 'B']]), snap('d2', []), snap('d3', [['c', 'B']])], tiers);
    expect(trend.get('c')).toEqual({ previous: 'B', change: 'same', since: 'd1' });
  });

  it('given a move to or from ungraded, then it is a change without a direction', () => {
    const trend = trendOf(
      [
        snap('d1', [
          ['c', ''],
          ['d', 'A'],
        ]),
        snap('d2', [
          ['c', 'A'],
          ['d', ''],
        ]),
      ],
      tiers,
    );
    expect(Object.fromEntries(trend)).toEqual({
      c: { previous: '', change: 'changed', since: 'd2' },
      d: { previous: 'A', change: 'changed', since: 'd2' },
    });
  });

  it('given no snapshots, then no trends', () => {
    expect(trendOf([], tiers).size).toBe(0);
  });
});
