import { gridDifferences } from './recalculated';

describe('gridDifferences', () => {
  const expected = [
    ['Tier', 'Count', 'Share'],
    ['A', 2, 0.4],
    ['B', 3, 0.6],
  ];

  it('given the engine figures as CSV text (percentages included) then there is no difference', () => {
    expect(
      gridDifferences(
        [
          ['Tier', 'Count', 'Share'],
          ['A', '2', '40%'],
          ['B', '3', '0.6'],
        ],
        expected,
      ),
    ).toEqual([]);
  });

  it('given a recalculated grid that differs from the engine in one cell then that cell is named', () => {
    const got = [
      ['Tier', 'Count', 'Share'],
      ['A', '2', '40%'],
      ['B', '3', '0.61'],
    ];
    expect(gridDifferences(got, expected, 1)).toEqual(['C4: got "0.61", engine says 0.6']);
  });

  it('given an extra or a missing cell then it is a difference, not ignored', () => {
    expect(gridDifferences([['A', '1', 'x']], [['A', 1]])).toEqual(['C1: got "x", engine says null']);
    expect(gridDifferences([['A']], [['A', 1]])).toEqual(['B1: got undefined, engine says 1']);
  });
});
