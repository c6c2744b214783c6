import { compilePreset, grade, tierOf } from './preset-harness';

describe('bank-segment preset (grading-systems.md section 11, bank value x behaviour)', () => {
  const segment = compilePreset('bank-segment');

  it.each([
    [{ deposits: 2_000_000, loans: 2_000_000, days_since_last_txn: 0 }, 'vip'],
    [{ deposits: 2_000_000, loans: 2_000_000, days_since_last_txn: 365 }, 'vip'],
    [{ deposits: 2_000_000, loans: 2_000_000, days_since_last_txn: 366 }, 'win_back'],
    [{ deposits: 300_000, wealth: 100_000, days_since_last_txn: 90 }, 'develop'],
    [{ deposits: 300_000, wealth: 100_000, days_since_last_txn: 400 }, 'dormant'],
    [{ deposits: 1_000, days_since_last_txn: 91 }, 'standard'],
    [{ days_since_last_txn: 1_000 }, 'dormant'],
  ])('given %p then the segment is %p', (cells, tier) => {
    expect(tierOf(segment, cells)).toBe(tier);
  });

  it('given no days since the last transaction then the segment row is a blank error', () => {
    expect(grade(segment, { deposits: 2_000_000 })).toEqual({
      ok: false,
      error: { kind: 'blank', input: 'days_since_last_txn' },
    });
  });
});
