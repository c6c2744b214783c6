import { compileTable, validateTable } from '../../src/engine/compile';
import type { GradingTable } from '../../src/engine/model';
import { formatProblem } from '../../src/engine/messages';
import { paymentScorecard, tiers } from './fixtures';

type Mutation = (t: any) => void; // eslint-disable-line @typescript-eslint/no-explicit-any

const rulesTable: GradingTable = {
  format: 'tierwise/grading-table',
  version: 1,
  id: 'rules-test',
  name: { en: 'Rules' },
  inputs: [
    { id: 'orders', type: 'number', label: { en: 'Orders' } },
    { id: 'need', type: 'category', label: { en: 'Need' }, values: [{ id: 'clear' }, { id: 'none', aliases: ['无'] }] },
    { id: 'signed', type: 'boolean', label: { en: 'Signed' }, required: false },
    { id: 'first', type: 'date', label: { en: 'First order' }, required: false },
  ],
  method: {
    kind: 'rules',
    rules: [
      {
        tier: 'A',
        when: {
          all: [
            { input: 'orders', op: '>', value: 5 },
            { input: 'signed', op: '=', value: true },
          ],
        },
      },
      { tier: 'B', when: { input: 'need', op: '=', value: 'clear' } },
    ],
    default: 'C',
  },
  tiers: tiers('A', 'B', 'C'),
};

const clone = (t: GradingTable) => JSON.parse(JSON.stringify(t));

/** Each malformed table: what is wrong, and the problem (code and JSON path) it must give. */
const CASES: Array<[string, GradingTable, Mutation, string, string]> = [
  ['not a table at all', paymentScorecard, (t) => Object.assign(t, { format: 'other' }), 'bad-format', 'format'],
  ['a newer format version', paymentScorecard, (t) => (t.version = 2), 'unsupported-version', 'version'],
  ['a missing name', paymentScorecard, (t) => delete t.name, 'missing-field', 'name'],
  ['an unknown field', paymentScorecard, (t) => (t.colour = 'red'), 'unknown-field', 'colour'],
  ['an id with spaces', paymentScorecard, (t) => (t.id = 'my table'), 'bad-id', 'id'],
  ['an input of unknown type', paymentScorecard, (t) => (t.inputs[0].type = 'money'), 'wrong-type', 'inputs[0].type'],
  [
    'a number given as text',
    paymentScorecard,
    (t) => (t.method.criteria[0].bands[0].points = '70'),
    'wrong-type',
    'method.criteria[0].bands[0].points',
  ],
  [
    'an infinite number',
    paymentScorecard,
    (t) => (t.method.criteria[0].bands[0].points = Infinity),
    'bad-number',
    'method.criteria[0].bands[0].points',
  ],
  ['a method of unknown kind', paymentScorecard, (t) => (t.method.kind = 'magic'), 'wrong-type', 'method'],
  ['no criteria', paymentScorecard, (t) => (t.method.criteria = []), 'empty', 'method.criteria'],
  [
    'two inputs with one id',
    paymentScorecard,
    (t) => (t.inputs[1].id = 'monthly_sales'),
    'duplicate-id',
    'inputs[1].id',
  ],
  ['two tiers with one id', paymentScorecard, (t) => (t.tiers[2].id = 'A'), 'duplicate-id', 'tiers[2].id'],
  [
    'two tiers with one label',
    paymentScorecard,
    (t) => (t.tiers[1].label.en = 'A'),
    'duplicate-id',
    'tiers[1].label.en',
  ],
  [
    'a criterion on an unknown input',
    paymentScorecard,
    (t) => (t.method.criteria[1].input = 'days'),
    'unknown-input',
    'method.criteria[1].input',
  ],
  [
    'a threshold for an unknown tier',
    paymentScorecard,
    (t) => (t.method.thresholds[0].tier = 'S'),
    'unknown-tier',
    'method.thresholds[0].tier',
  ],
  [
    'overlapping bands',
    paymentScorecard,
    (t) => (t.method.criteria[0].bands[1].match.range = { gte: 10000, lte: 20000 }),
    'band-overlap',
    'method.criteria[0].bands[1].match',
  ],
  [
    'a gap between bands',
    paymentScorecard,
    (t) => (t.method.criteria[0].bands[2].match.range = { gt: 5000, lt: 10000 }),
    'band-gap',
    'method.criteria[0].bands[1].match',
  ],
  [
    'a band with both gt and gte',
    paymentScorecard,
    (t) => (t.method.criteria[0].bands[3].match.range = { gt: 1, gte: 1, lte: 5000 }),
    'bad-range',
    'method.criteria[0].bands[3].match.range',
  ],
  [
    'an empty band',
    paymentScorecard,
    (t) => (t.method.criteria[0].bands[3].match.range = { gt: 5000, lt: 5000 }),
    'bad-range',
    'method.criteria[0].bands[3].match.range',
  ],
  [
    'category bands on a number input',
    paymentScorecard,
    (t) => (t.method.criteria[0].bands = [{ match: { values: ['a'] }, points: 1 }]),
    'wrong-input-type',
    'method.criteria[0].bands[0].match',
  ],
  [
    'thresholds going up',
    paymentScorecard,
    (t) => (t.method.thresholds = [{ tier: 'A', gte: 60 }, { tier: 'B', gte: 80 }, { tier: 'C' }]),
    'thresholds-order',
    'method.thresholds[1]',
  ],
  [
    'a bounded last threshold',
    paymentScorecard,
    (t) => (t.method.thresholds[2].gte = 0),
    'threshold-last-bounded',
    'method.thresholds[2]',
  ],
  [
    'a tier twice in thresholds',
    paymentScorecard,
    (t) => (t.method.thresholds[1].tier = 'A'),
    'threshold-tier-repeated',
    'method.thresholds[1].tier',
  ],
  [
    'a tier nothing reaches',
    paymentScorecard,
    (t) => t.tiers.push({ id: 'D', label: { en: 'D' }, fill: '#FFFFFF', font: '#000000' }),
    'tier-unreachable',
    'tiers[3]',
  ],
  [
    'a colour name instead of #RRGGBB',
    paymentScorecard,
    (t) => (t.tiers[0].fill = 'green'),
    'bad-colour',
    'tiers[0].fill',
  ],
  [
    'a colour that is a script',
    paymentScorecard,
    (t) => (t.tiers[0].font = 'expression(alert(1))'),
    'bad-colour',
    'tiers[0].font',
  ],
  [
    'a target share of 150%',
    paymentScorecard,
    (t) => (t.tiers[0].targetShare = 1.5),
    'wrong-type',
    'tiers[0].targetShare',
  ],
  [
    'target shares over 100%',
    paymentScorecard,
    (t) => t.tiers.forEach((x: { targetShare?: number }) => (x.targetShare = 0.5)),
    'shares-over-100',
    'tiers',
  ],
  [
    'a category input without values',
    rulesTable,
    (t) => delete t.inputs[1].values,
    'missing-field',
    'inputs[1].values',
  ],
  [
    'two category values answering to one alias',
    rulesTable,
    (t) => (t.inputs[1].values[0].aliases = ['无']),
    'category-overlap',
    'inputs[1].values[1]',
  ],
  [
    'a rule for an unknown tier',
    rulesTable,
    (t) => (t.method.rules[1].tier = 'Z'),
    'unknown-tier',
    'method.rules[1].tier',
  ],
  ['a default that is not a tier', rulesTable, (t) => (t.method.default = 'Z'), 'unknown-tier', 'method.default'],
  [
    'a comparison of a number with text',
    rulesTable,
    (t) => (t.method.rules[0].when.all[0].value = 'five'),
    'wrong-input-type',
    'method.rules[0].when.all[0].op',
  ],
  [
    'an unknown category value in a rule',
    rulesTable,
    (t) => (t.method.rules[1].when.value = 'latent'),
    'unknown-category-value',
    'method.rules[1].when.value',
  ],
  [
    'an order comparison on a category',
    rulesTable,
    (t) => (t.method.rules[1].when = { input: 'need', op: '>', value: 'clear' }),
    'wrong-input-type',
    'method.rules[1].when.op',
  ],
  [
    'a date operand that is not YYYY-MM-DD',
    rulesTable,
    (t) => (t.method.rules[1].when = { input: 'first', op: '<', value: '15/03/2024' }),
    'wrong-input-type',
    'method.rules[1].when.op',
  ],
  [
    'an unknown operator',
    rulesTable,
    (t) => (t.method.rules[1].when.op = '~'),
    'wrong-type',
    'method.rules[1].when.op',
  ],
  ['an empty ALL', rulesTable, (t) => (t.method.rules[0].when.all = []), 'empty', 'method.rules[0].when.all'],
  [
    'conditions nested 40 deep',
    rulesTable,
    (t) => {
      let node: object = { input: 'orders', op: '>', value: 1 };
      for (let i = 0; i < 40; i++) node = { not: node };
      t.method.rules[1].when = node;
    },
    'too-deep',
    // The check stops at the limit (16 levels below the rule's root) instead of walking all 40.
    `method.rules[1].when${'.not'.repeat(17)}`,
  ],
  [
    'too many rules',
    rulesTable,
    (t) => (t.method.rules = Array.from({ length: 300 }, () => t.method.rules[0])),
    'too-many',
    'method.rules',
  ],
  ['a text of 5,000 characters', rulesTable, (t) => (t.name.en = 'x'.repeat(5000)), 'too-long', 'name.en'],
];

describe('table validation', () => {
  it.each(CASES)('given %s, then it is rejected with the right problem', (_name, base, mutate, code, path) => {
    const table = clone(base);
    mutate(table);
    const result = compileTable(table);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toContainEqual(expect.objectContaining({ code, path }));
  });

  it('has at least 30 malformed tables in its corpus', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(30);
  });

  it('given valid tables, then there are no problems', () => {
    expect(validateTable(paymentScorecard)).toEqual([]);
    expect(validateTable(rulesTable)).toEqual([]);
  });

  it('given data that is not an object, then it says so instead of throwing', () => {
    for (const input of [null, 42, 'table', [], undefined]) {
      expect(compileTable(input)).toEqual({
        ok: false,
        problems: [expect.objectContaining({ code: expect.any(String) })],
      });
    }
  });

  it('given several problems, then all of them are listed', () => {
    const table = clone(paymentScorecard);
    table.tiers[0].fill = 'red';
    table.method.criteria[1].input = 'nope';
    const problems = validateTable(table);
    expect(problems.map((p) => p.code).sort()).toEqual(['bad-colour']);
    // Structure first: semantic checks run once the shape is right.
    table.tiers[0].fill = '#FF0000';
    expect(validateTable(table).map((p) => p.code)).toEqual(['unknown-input']);
  });

  it('words problems in both languages with their location', () => {
    const table = clone(paymentScorecard);
    table.method.criteria[0].bands[2].match.range = { gt: 5000, lt: 10000 };
    const [problem] = validateTable(table);
    expect(formatProblem(problem!, 'en-US')).toBe(
      'method.criteria[0].bands[1].match: no band covers the values between 5000 < x < 10000 and 10000 < x < 20000',
    );
    expect(formatProblem({ ...problem!, cell: 'Rules!C14' }, 'zh-CN')).toBe(
      'Rules!C14: 5000 < x < 10000 与 10000 < x < 20000 之间的数值没有区间覆盖',
    );
  });
});
