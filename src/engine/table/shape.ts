/**
 * A small declarative description of the table model's structure. One
 * description serves two purposes: checking untrusted JSON (every problem
 * with its JSON path) and generating the shipped JSON Schema, so the two can
 * never disagree.
 */
import { TABLE_FORMAT, TABLE_LIMITS } from '../model';

export type Shape =
  | {
      t: 'string';
      pattern?: RegExp;
      /** The problem reported when the pattern does not match. */
      patternProblem?: 'bad-id' | 'bad-colour';
      maxLength?: number;
      enum?: readonly string[];
      title?: string;
    }
  | { t: 'number'; integer?: boolean; minimum?: number; maximum?: number; title?: string }
  | { t: 'boolean'; title?: string }
  | { t: 'array'; items: Shape; maxItems: number; minItems?: number; title?: string }
  | { t: 'tuple'; items: readonly Shape[]; title?: string }
  | {
      t: 'object';
      required: Record<string, Shape>;
      optional?: Record<string, Shape>;
      title?: string;
      /** JSON Schema definition name, when this shape is shared. */
      name?: string;
    }
  /**
   * One of several object shapes, told apart by which key is present (or by a
   * key's value): `select` returns the matching option, or undefined.
   */
  | {
      t: 'union';
      options: readonly Shape[];
      select: (value: Record<string, unknown>) => Shape | undefined;
      expected: string;
      name?: string;
      title?: string;
    }
  /** A scalar of any of the listed types. */
  | { t: 'scalar'; types: ReadonlyArray<'string' | 'number' | 'boolean'>; title?: string }
  /** A reference to a named shape, resolved lazily (recursive condition trees). */
  | { t: 'ref'; name: string; get: () => Shape };

const ID_PATTERN = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;
const COLOUR_PATTERN = /^#[0-9A-Fa-f]{6}$/;

const text = (title?: string): Shape => ({ t: 'string', maxLength: TABLE_LIMITS.textLength, title });
const id = (title?: string): Shape => ({ t: 'string', pattern: ID_PATTERN, patternProblem: 'bad-id', title });
const colour: Shape = { t: 'string', pattern: COLOUR_PATTERN, patternProblem: 'bad-colour', title: '#RRGGBB' };
const num = (title?: string): Shape => ({ t: 'number', title });
const list = (items: Shape, maxItems: number, minItems = 0): Shape => ({ t: 'array', items, maxItems, minItems });

export const localizedTextShape: Shape = {
  t: 'object',
  name: 'LocalizedText',
  required: { en: text('English') },
  optional: { zh: text('Simplified Chinese') },
};

const aliases = list(text(), TABLE_LIMITS.aliasesPerItem);

export const numericRangeShape: Shape = {
  t: 'object',
  name: 'NumericRange',
  title: 'An interval: gt/gte for the lower end (exclusive/inclusive), lt/lte for the upper end; absent = unbounded',
  required: {},
  optional: { gt: num(), gte: num(), lt: num(), lte: num() },
};

export const bandMatchShape: Shape = {
  t: 'union',
  name: 'BandMatch',
  expected: 'an object with one of: range, values, is',
  options: [
    { t: 'object', required: { range: numericRangeShape } },
    { t: 'object', required: { values: list(id(), TABLE_LIMITS.categoryValues, 1) } },
    { t: 'object', required: { is: { t: 'boolean' } } },
  ],
  select: (v) => bandMatchShapeOptions(v),
};

function bandMatchShapeOptions(v: Record<string, unknown>): Shape | undefined {
  const options = (bandMatchShape as Extract<Shape, { t: 'union' }>).options;
  if ('range' in v) return options[0];
  if ('values' in v) return options[1];
  if ('is' in v) return options[2];
  return undefined;
}

const COMPARISON_OPS = ['=', '<>', '<', '<=', '>', '>='] as const;
const conditionOptions = {
  compare: {
    t: 'object',
    required: {
      input: id(),
      op: { t: 'string', enum: COMPARISON_OPS },
      value: { t: 'scalar', types: ['string', 'number', 'boolean'] },
    },
  },
  between: {
    t: 'object',
    required: { input: id(), op: { t: 'string', enum: ['between'] }, range: numericRangeShape },
  },
  in: {
    t: 'object',
    required: {
      input: id(),
      op: { t: 'string', enum: ['in'] },
      values: list({ t: 'scalar', types: ['string', 'number'] }, TABLE_LIMITS.categoryValues, 1),
    },
  },
  blank: { t: 'object', required: { input: id(), op: { t: 'string', enum: ['blank', 'not_blank'] } } },
  contains: {
    t: 'object',
    required: { input: id(), op: { t: 'string', enum: ['contains'] }, value: text() },
  },
} satisfies Record<string, Shape>;

const treeOptions = {
  all: { t: 'object', required: { all: list(ref(), TABLE_LIMITS.conditionNodes, 1) } },
  any: { t: 'object', required: { any: list(ref(), TABLE_LIMITS.conditionNodes, 1) } },
  not: { t: 'object', required: { not: ref() } },
} satisfies Record<string, Shape>;

export const conditionNodeShape: Shape = {
  t: 'union',
  name: 'ConditionNode',
  expected: 'a condition ({ input, op, ... }) or { all: [...] }, { any: [...] }, { not: ... }',
  options: [...Object.values(treeOptions), ...Object.values(conditionOptions)],
  select: (v) => {
    if ('all' in v) return treeOptions.all;
    if ('any' in v) return treeOptions.any;
    if ('not' in v) return treeOptions.not;
    if (!('op' in v)) return undefined;
    switch (v.op) {
      case 'between':
        return conditionOptions.between;
      case 'in':
        return conditionOptions.in;
      case 'blank':
      case 'not_blank':
        return conditionOptions.blank;
      case 'contains':
        return conditionOptions.contains;
      default:
        return conditionOptions.compare;
    }
  },
};

function ref(): Shape {
  return { t: 'ref', name: 'ConditionNode', get: () => conditionNodeShape };
}

const thresholdShape: Shape = {
  t: 'object',
  name: 'Threshold',
  title: 'Score -> tier, best tier first; the last has no bound',
  required: { tier: id() },
  optional: {
    gte: num(),
    gt: num(),
    topShare: { t: 'number', minimum: 0, maximum: 1, title: 'Cumulative share of customers by rank of the score' },
  },
};

const scorecardShape: Shape = {
  t: 'object',
  required: {
    kind: { t: 'string', enum: ['scorecard'] },
    criteria: list(
      {
        t: 'object',
        name: 'Criterion',
        required: {
          id: id(),
          input: id(),
          bands: list(
            { t: 'object', name: 'ScoreBand', required: { match: bandMatchShape, points: num() } },
            TABLE_LIMITS.bandsPerCriterion,
            1,
          ),
        },
        optional: {
          label: localizedTextShape,
          weight: num(),
          blankPoints: num(),
          decay: {
            t: 'object',
            name: 'Decay',
            title: 'Points x 0.5^(age/halfLife), or x the factor of the last step the age has reached',
            required: { age: id('A number input holding an age in days') },
            optional: {
              halfLife: { t: 'number', minimum: 0, title: 'Days' },
              steps: list(
                {
                  t: 'object',
                  name: 'DecayStep',
                  required: {
                    fromDays: { t: 'number', minimum: 0 },
                    factor: { t: 'number', minimum: 0, maximum: 1 },
                  },
                },
                TABLE_LIMITS.bandsPerCriterion,
                1,
              ),
            },
          },
          group: id('A capped group (method.groupCaps)'),
        },
      },
      TABLE_LIMITS.criteria,
      1,
    ),
    thresholds: list(thresholdShape, TABLE_LIMITS.tiers, 1),
  },
  optional: {
    multipliers: list(
      {
        t: 'object',
        name: 'Multiplier',
        required: { id: id(), factor: num(), when: conditionNodeShape },
        optional: { label: localizedTextShape },
      },
      TABLE_LIMITS.criteria,
    ),
    round: { t: 'number', integer: true, minimum: 0, maximum: 10 },
    groupCaps: list(
      { t: 'object', name: 'GroupCap', required: { group: id(), max: { t: 'number', minimum: 0 } } },
      TABLE_LIMITS.criteria,
    ),
    maxTotal: num('The most the total may be, after multipliers'),
  },
};

const rulesShape: Shape = {
  t: 'object',
  required: {
    kind: { t: 'string', enum: ['rules'] },
    rules: list(
      {
        t: 'object',
        name: 'Rule',
        required: { tier: id(), when: conditionNodeShape },
        optional: { label: localizedTextShape },
      },
      TABLE_LIMITS.rules,
      1,
    ),
  },
  optional: { default: id() },
};

const axisShape: Shape = {
  t: 'object',
  name: 'MatrixAxis',
  required: {
    input: id(),
    bands: list(
      {
        t: 'object',
        name: 'AxisBand',
        required: { id: id(), match: bandMatchShape },
        optional: { label: localizedTextShape },
      },
      TABLE_LIMITS.matrixSide,
      1,
    ),
  },
};

const matrixShape: Shape = {
  t: 'object',
  required: {
    kind: { t: 'string', enum: ['matrix'] },
    rows: axisShape,
    columns: axisShape,
    cells: list(
      list({ t: 'scalar', types: ['string', 'number'] }, TABLE_LIMITS.matrixSide, 1),
      TABLE_LIMITS.matrixSide,
      1,
    ),
    output: { t: 'string', enum: ['tier', 'score'] },
  },
  optional: { thresholds: list(thresholdShape, TABLE_LIMITS.tiers, 1) },
};

const binsInt: Shape = { t: 'number', integer: true, minimum: 2, maximum: 10 };
const scoreRange: Shape = { t: 'tuple', items: [num(), num()] };
const capByPercentile: Shape = { t: 'object', required: { percentile: { t: 'number', minimum: 0, maximum: 1 } } };
const capByValue: Shape = { t: 'object', required: { value: num() } };
const capShape: Shape = {
  t: 'union',
  name: 'RfmCap',
  expected: 'an object with percentile (0..1) or value',
  options: [capByPercentile, capByValue],
  select: (v): Shape | undefined => ('percentile' in v ? capByPercentile : 'value' in v ? capByValue : undefined),
};
const rfmShape: Shape = {
  t: 'object',
  required: {
    kind: { t: 'string', enum: ['rfm'] },
    segments: list(
      {
        t: 'object',
        name: 'RfmSegment',
        required: { tier: id() },
        optional: { r: scoreRange, f: scoreRange, m: scoreRange, fm: scoreRange },
      },
      TABLE_LIMITS.tiers,
      1,
    ),
  },
  optional: {
    bins: { t: 'object', required: {}, optional: { r: binsInt, f: binsInt, m: binsInt } },
    binning: { t: 'string', enum: ['quantile', 'rfm-package', 'fixed'] },
    breakpoints: {
      t: 'object',
      required: {},
      optional: { r: list(num(), 9), f: list(num(), 9), m: list(num(), 9) },
    },
    closed: { t: 'string', enum: ['right', 'left'] },
    caps: { t: 'object', required: {}, optional: { r: capShape, f: capShape, m: capShape } },
    asOf: { t: 'number', integer: true, minimum: 1, maximum: 2958465, title: 'Excel serial day' },
    default: id(),
  },
};

const abcShape: Shape = {
  t: 'object',
  required: {
    kind: { t: 'string', enum: ['abc'] },
    input: id('The number input ranked, largest first'),
    cuts: list(
      {
        t: 'object',
        name: 'AbcCut',
        title:
          'A customer is in the first tier whose upTo the running share before it has not reached; the last cut has no upTo',
        required: { tier: id() },
        optional: { upTo: { t: 'number', minimum: 0, maximum: 1, title: 'Cumulative share of the value, 0..1' } },
      },
      TABLE_LIMITS.tiers,
      1,
    ),
  },
};

export const methodShape: Shape = {
  t: 'union',
  name: 'Method',
  expected: "an object whose kind is 'scorecard', 'rules', 'matrix', 'rfm' or 'abc'",
  options: [scorecardShape, rulesShape, matrixShape, rfmShape, abcShape],
  select: (v) => {
    switch (v.kind) {
      case 'scorecard':
        return scorecardShape;
      case 'rules':
        return rulesShape;
      case 'matrix':
        return matrixShape;
      case 'rfm':
        return rfmShape;
      case 'abc':
        return abcShape;
      default:
        return undefined;
    }
  },
};

export const inputShape: Shape = {
  t: 'object',
  name: 'InputDef',
  required: {
    id: id(),
    type: { t: 'string', enum: ['number', 'category', 'boolean', 'date', 'text'] },
    label: localizedTextShape,
  },
  optional: {
    aliases,
    values: list(
      {
        t: 'object',
        name: 'CategoryValue',
        required: { id: id() },
        optional: { label: localizedTextShape, aliases },
      },
      TABLE_LIMITS.categoryValues,
      1,
    ),
    required: { t: 'boolean' },
    source: {
      t: 'object',
      name: 'InputSource',
      required: { table: id(), output: { t: 'string', enum: ['score', 'tier'] } },
    },
    description: localizedTextShape,
    daysSince: { t: 'boolean', title: 'Read a date column as whole days to the table asOf' },
  },
};

export const tierShape: Shape = {
  t: 'object',
  name: 'Tier',
  required: {
    id: id(),
    label: localizedTextShape,
    fill: colour,
    font: colour,
  },
  optional: {
    strategy: localizedTextShape,
    cadence: localizedTextShape,
    targetShare: { t: 'number', minimum: 0, maximum: 1 },
    score: num(),
  },
};

export const gradingTableShape: Shape = {
  t: 'object',
  name: 'GradingTable',
  title: 'A Tierwise grading table',
  required: {
    format: { t: 'string', enum: [TABLE_FORMAT] },
    version: { t: 'number', integer: true, minimum: 1 },
    id: id(),
    name: localizedTextShape,
    inputs: list(inputShape, TABLE_LIMITS.inputs, 1),
    method: methodShape,
    tiers: list(tierShape, TABLE_LIMITS.tiers, 1),
  },
  optional: {
    description: localizedTextShape,
    category: id(),
    asOf: {
      t: 'number',
      integer: true,
      minimum: 1,
      maximum: 2958465,
      title: 'Excel serial day that daysSince counts to',
    },
  },
};

export { ID_PATTERN, COLOUR_PATTERN };
