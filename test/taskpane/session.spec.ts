import { getPreset } from '../../src/engine/presets';
import type { GradingTable } from '../../src/engine';
import { compileDraft, mappingFor, migrationOf, tableChoices } from '../../src/taskpane/session';
import { themeOf } from '../../src/taskpane/theme';

const scorecard = getPreset('payment-scorecard')!;

describe('tableChoices', () => {
  it('happy path: workbook tables first, then presets grouped by category', () => {
    const groups = tableChoices([{ name: 'TW_mine', address: 'R!A1', table: { ...scorecard, id: 'mine' } }], '');
    expect(groups[0]).toEqual({
      group: 'workbook',
      choices: [{ key: 'workbook:TW_mine', table: expect.objectContaining({ id: 'mine' }) }],
    });
    expect(groups.map((g) => g.group)).toEqual(['workbook', 'scorecard', 'pipeline', 'matrix', 'segment', 'rfm']);
  });

  it('given a Chinese query with full-width letters, then names in either language match', () => {
    const groups = tableChoices([], '总分100');
    expect(groups.flatMap((g) => g.choices.map((c) => c.table.id))).toContain('payment-scorecard');
    expect(tableChoices([], 'ＲＦＭ').flatMap((g) => g.choices.map((c) => c.key))).toContain('preset:rfm');
  });

  it('given a query nothing matches, then there are no groups', () => {
    expect(tableChoices([], 'zzzz-nothing')).toEqual([]);
  });
});

describe('compileDraft', () => {
  it('given a table taking results from a preset, then it compiles with the preset resolved', () => {
    expect(compileDraft(getPreset('pharma-nine-box'), []).ok).toBe(true);
  });

  it('given a broken draft, then the problems carry their JSON paths', () => {
    const broken = JSON.parse(JSON.stringify(scorecard)) as GradingTable;
    broken.tiers[0]!.fill = 'green';
    const result = compileDraft(broken, []);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.problems).toEqual([expect.objectContaining({ code: 'bad-colour', path: 'tiers[0].fill' })]);
  });
});

describe('migrationOf', () => {
  const snap = (date: string, entries: Array<[string, string]>, id = date) => ({
    id,
    date,
    table: 'payment-scorecard',
    entries: entries.map(([key, tier]) => ({ key, tier, score: null })),
  });

  it('happy path: who moved up, who moved down, who is new or gone', () => {
    const view = migrationOf(
      [
        snap('2026-01-01', [
          ['c1', 'A'],
          ['c2', 'C'],
          ['c3', 'B'],
          ['gone', 'B'],
        ]),
        snap('2026-02-01', [
          ['c1', 'B'],
          ['c2', 'A'],
          ['c3', 'B'],
          ['new', 'C'],
        ]),
      ],
      scorecard,
    )!;
    expect(view.labels).toEqual(['A', 'B', 'C', 'absent']);
    expect(view.up).toEqual(['c2']);
    expect(view.down).toEqual(['c1']);
    expect(view.matrix).toEqual([
      [0, 1, 0, 0],
      [0, 1, 0, 1],
      [1, 0, 0, 0],
      [0, 0, 1, 0],
    ]);
  });

  it('given three snapshots on one day, then any two chosen are compared', () => {
    const day = [
      snap(
        '2026-03-01 09:00',
        [
          ['c1', 'A'],
          ['c2', 'B'],
        ],
        '#1',
      ),
      snap(
        '2026-03-01 12:00',
        [
          ['c1', 'B'],
          ['c2', 'B'],
        ],
        '#2',
      ),
      snap(
        '2026-03-01 17:00',
        [
          ['c1', 'C'],
          ['c2', 'A'],
        ],
        '#3',
      ),
    ];
    const firstToLast = migrationOf(day, scorecard, { from: '#1', to: '#3' })!;
    expect([firstToLast.from, firstToLast.to, firstToLast.up, firstToLast.down]).toEqual([
      '2026-03-01 09:00',
      '2026-03-01 17:00',
      ['c2'],
      ['c1'],
    ]);
    const lastTwo = migrationOf(day, scorecard)!;
    expect([lastTwo.from, lastTwo.up, lastTwo.down]).toEqual(['2026-03-01 12:00', ['c2'], ['c1']]);
    expect(migrationOf(day, scorecard, { from: '#2', to: '#2' })).toBeUndefined();
  });

  it('given one snapshot, then there is nothing to compare', () => {
    expect(migrationOf([snap('2026-01-01', [['c1', 'A']])], scorecard)).toBeUndefined();
  });
});

describe('themeOf', () => {
  it("follows Office's body background", () => {
    expect(themeOf('#1F1F1F')).toBe('dark');
    expect(themeOf('#FFFFFF')).toBe('light');
    expect(themeOf(undefined)).toBe('light');
  });
});

describe('mappingFor', () => {
  it('given a region with the columns of an earlier Apply, then inputs map only to data columns', () => {
    const compiled = compileDraft(scorecard, []);
    if (!compiled.ok) throw new Error('preset');
    const region = {
      sheet: 'S',
      address: 'S!A1:D3',
      top: 0,
      left: 0,
      rowCount: 2,
      columnCount: 4,
      headers: ['Monthly Sales', 'x', 'Payment days', 'Monthly sales'],
      filtered: false,
      outputs: [2, 3],
    };
    const mapping = mappingFor(compiled.compiled, region, {});
    expect(Array.from(mapping.map)).toEqual([0, -1]);
    expect(mapping.missingRequired).toEqual(['payment_days']);
  });
});
