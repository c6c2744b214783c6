import { compilePreset, grade } from './preset-harness';

const best = {
  lifetime_value: '100万',
  purchase_frequency: 12,
  order_value: 10_000,
  repurchase_rate: '60%',
  profit: 200_000,
  interactions: 8,
  usage_depth: '深度',
  channel: '全渠道',
  nps: 9,
  satisfaction: 4.5,
  potential: '高',
};

const worst = {
  lifetime_value: 0,
  purchase_frequency: 0,
  order_value: 0,
  repurchase_rate: 0,
  profit: 0,
  interactions: 0,
  usage_depth: '浅',
  channel: '线下',
  nps: 0,
  satisfaction: 1,
  potential: '低',
};

describe('multi-dimension-value preset (grading-systems.md section 11, weighted value)', () => {
  const compiled = compilePreset('multi-dimension-value');

  it('given the top band everywhere then the score is 100: financial 40 + behavioural 30 + emotional 20 + potential 10', () => {
    expect(grade(compiled, best)).toMatchObject({ ok: true, score: 100, tier: 'A' });
  });

  it('given the bottom band everywhere then the score is 14 (grade D)', () => {
    // financial 5 x 1 x 0.8 = 4; behaviour 1 + 2 + 5; emotional 0 + 0; potential 2
    expect(grade(compiled, worst)).toMatchObject({ ok: true, score: 14, tier: 'D' });
  });

  it.each([
    [{ repurchase_rate: '59.9%' }, 97.6],
    [{ lifetime_value: 999_999, profit: 49_999 }, 92.8],
    [{ nps: 8.9, satisfaction: 4.49 }, 93],
    [{ channel: 'online', usage_depth: 'medium' }, 93],
  ])('given the best customer but %p then the score is %p', (change, score) => {
    expect(grade(compiled, { ...best, ...change })).toMatchObject({ ok: true, score });
  });

  it.each([
    [{ nps: 11 }, 'nps'],
    [{ satisfaction: 0 }, 'satisfaction'],
  ])('given %p outside its scale then the row is out of range', (change, input) => {
    expect(grade(compiled, { ...best, ...change })).toMatchObject({
      ok: false,
      error: { kind: 'out-of-range', input },
    });
  });
});
