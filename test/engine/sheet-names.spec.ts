import { sheetNameProblem, usableSheetName } from '../../src/engine/plan/sheet-names';

const OWN = ['Tierwise Summary', 'Tierwise Rules'];

describe('sheet names as Excel takes them', () => {
  it.each([
    ['', { kind: 'empty' }],
    ['x'.repeat(32), { kind: 'too-long', length: 32 }],
    ['Q1/Q2', { kind: 'character', character: '/' }],
    ['a[b]', { kind: 'character', character: '[' }],
    ['what?', { kind: 'character', character: '?' }],
    ["'quoted", { kind: 'apostrophe' }],
    ['history', { kind: 'reserved', name: 'History' }],
    ['TIERWISE RULES', { kind: 'taken', name: 'Tierwise Rules' }],
  ])('given %j, then Excel refuses it: %j', (name, problem) => {
    expect(sheetNameProblem(name, OWN)).toEqual(problem);
  });

  it('given names Excel takes (31 characters, Chinese, an apostrophe inside), then there is no problem', () => {
    for (const name of ['x'.repeat(31), '客户 Customers', "Bob's list", 'Tierwise Summary 2']) {
      expect(sheetNameProblem(name, OWN)).toBeUndefined();
    }
  });

  it.each([
    ['Q1/Q2 [draft]*', 'Q1_Q2 _draft__'],
    ["'2024'", '2024'],
    ['x'.repeat(40), 'x'.repeat(31)],
    ['History', 'History (2)'],
    ['Tierwise Rules', 'Tierwise Rules (2)'],
    ['::', '__'],
    ['', 'Sheet'],
    ['y'.repeat(31).replace(/.$/, "'"), 'y'.repeat(30)],
  ])('given %j, then it is written as %j', (name, usable) => {
    expect(usableSheetName(name, OWN)).toBe(usable);
    expect(sheetNameProblem(usableSheetName(name, OWN), OWN)).toBeUndefined();
  });

  it('given a long taken name, then the number fits within 31 characters', () => {
    const long = 'z'.repeat(31);
    expect(usableSheetName(long, [long])).toBe(`${'z'.repeat(27)} (2)`);
    expect(usableSheetName(long, [long, `${'z'.repeat(27)} (2)`])).toBe(`${'z'.repeat(27)} (3)`);
  });
});
