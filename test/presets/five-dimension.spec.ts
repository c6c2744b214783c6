import { compilePreset, grade } from './preset-harness';

const all = (grade: string) => ({
  size_grade: grade,
  frequency_grade: grade,
  loyalty_grade: grade,
  potential_grade: grade,
  influence_grade: grade,
});

describe('five-dimension preset (grading-systems.md section 11, five dimensions A-E)', () => {
  const compiled = compilePreset('five-dimension');

  it.each([
    [all('A'), 25, 'A'],
    [{ ...all('A'), influence_grade: 'D' }, 22, 'A'],
    [{ ...all('B'), size_grade: 'C' }, 19, 'B'],
    [all('B'), 20, 'B'],
    [{ ...all('C'), size_grade: 'B', frequency_grade: 'B', loyalty_grade: 'B' }, 18, 'B'],
    [{ ...all('C'), influence_grade: 'D' }, 14, 'C'],
    [{ ...all('D'), size_grade: 'C', frequency_grade: 'C', loyalty_grade: 'C' }, 13, 'D'],
    [all('D'), 10, 'D'],
    [{ ...all('D'), size_grade: 'E' }, 9, 'E'],
    [all('E'), 5, 'E'],
    [all('B级'), 20, 'B'],
  ])('given %p then the total is %p and the overall grade %p', (cells, score, tier) => {
    expect(grade(compiled, cells)).toMatchObject({ ok: true, score, tier });
  });

  it('given a grade outside A-E then the row names the dimension', () => {
    expect(grade(compiled, { ...all('A'), loyalty_grade: 'F' })).toMatchObject({
      ok: false,
      error: { kind: 'unknown-category', input: 'loyalty_grade', value: 'F' },
    });
  });
});
