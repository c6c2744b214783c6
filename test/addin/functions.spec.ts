import { join } from 'node:path';
import { generateCustomFunctionsMetadata } from 'custom-functions-metadata';
import type { GradeError, Locale } from '../../src/engine';
import { getPreset } from '../../src/engine/presets';
import { printSheetTable } from '../../src/engine/sheet-form';
import { toExcelError, type ExcelErrorCode } from '../../src/excel/error-mapping';
import type { FunctionsContext } from '../../src/functions/context';
import { RFM, RFM_TABLE, TIER_SCORE } from '../../src/functions/functions';
import { localizeFunctionsMetadata, type FunctionsMetadata } from '../../src/functions/localize-metadata';
import { withTierwiseOptions } from '../../src/functions/metadata-options';
import { functionsMetadataProblems } from '../../src/functions/metadata-rules';
import { estimatePayloadBytes, MAX_PAYLOAD_BYTES, payloadOverflow } from '../../src/functions/payload';
import { rfm, rfmTable, RFM_TABLE_HEADER } from '../../src/functions/rfm';
import { originOf } from '../../src/functions/table-argument';
import { TableCache } from '../../src/functions/table-cache';
import { tierScore } from '../../src/functions/tier-score';
import { FUNCTIONS_METADATA_ZH_CN } from '../../src/i18n/functions-metadata.zh-CN';
import { withExcelGlobals } from '../support/excel-globals';

/** What the fake CustomFunctions.Error records. */
interface FakeError {
  code: ExcelErrorCode;
  message: string;
}

function context(locale: Locale = 'en-US'): FunctionsContext {
  return { makeError: (code, message): FakeError => ({ code, message }), locale, cache: new TableCache() };
}

const err = (code: ExcelErrorCode, message: string | RegExp) => ({
  code,
  message: typeof message === 'string' ? message : expect.stringMatching(message),
});

/** The payment scorecard's sheet form, as Excel passes a range: empty cells are null. */
function sheetCells(): unknown[][] {
  return printSheetTable(getPreset('payment-scorecard')!).map((row) => [...row]);
}

const PRESET = [['payment-scorecard']];

describe('TIER_SCORE', () => {
  it('happy path: many rows against a preset id give one tier per row', () => {
    const result = tierScore(context(), {
      values: [
        [25000, 20],
        [15000, 45],
        [3000, 90],
      ],
      table: PRESET,
    });
    expect(result).toEqual([['A'], ['B'], ['C']]);
  });

  it('happy path: one row against a sheet-form range', () => {
    expect(tierScore(context(), { values: [[25000, 20]], table: sheetCells() })).toEqual([['A']]);
  });

  it('given cells as Excel passes them then numbers as text grade, and bad cells get their own error', () => {
    const result = tierScore(context(), {
      values: [
        ['25,000', '20'],
        ['3O', 10],
        [5000, { code: '#N/A' }],
        [true, 5],
        [null, 5],
        [15000, 45],
      ],
      table: PRESET,
    });
    expect(result).toEqual([
      ['A'],
      [err('invalidValue', "monthly_sales: '3O' is not a number")],
      [err('invalidValue', 'payment_days: the cell holds the error #N/A')],
      [err('invalidValue', "monthly_sales: 'TRUE' is not a number")],
      [err('invalidValue', 'monthly_sales: the cell is empty')],
      ['B'],
    ]);
  });

  it('given the display language is Chinese then row messages are Chinese, values unchanged', () => {
    const result = tierScore(context('zh-CN'), {
      values: [
        ['3O', 10],
        [25000, 20],
      ],
      table: PRESET,
    });
    expect(result[0]![0]).toEqual(err('invalidValue', /^monthly_sales：|^monthly_sales: /));
    expect((result[0]![0] as FakeError).message).toMatch(/[\u4e00-\u9fff]/);
    expect(result[1]).toEqual(['A']);
  });

  it('given blank rows then they give "" and trailing blank rows of a whole column are left out', () => {
    const values: unknown[][] = [
      [25000, 20],
      [null, null],
      ['', ''],
      [15000, 45],
    ];
    for (let i = 0; i < 1000; i++) values.push(i % 2 ? [null, null] : ['', '']);
    expect(tierScore(context(), { values, table: PRESET })).toEqual([['A'], [''], [''], ['B']]);
    expect(tierScore(context(), { values: [[null, null]], table: PRESET })).toEqual([['']]);
  });

  it.each([
    ['score', [[100], [70]]],
    ['tier', [['A'], ['B']]],
    [
      'score,tier',
      [
        [100, 'A'],
        [70, 'B'],
      ],
    ],
    [
      '分数，等级',
      [
        [100, 'A'],
        [70, 'B'],
      ],
    ],
    ['等级', [['A'], ['B']]],
  ])('output "%s" gives the columns asked for', (output, expected) => {
    const values = [
      [25000, 20],
      [15000, 45],
    ];
    expect(tierScore(context(), { values, table: PRESET, output })).toEqual(expected);
  });

  it('output "explain" explains in English and "说明" in Chinese, whatever the display language', () => {
    const values = [[25000, 20]];
    expect(tierScore(context('zh-CN'), { values, table: PRESET, output: 'explain' })).toEqual([
      [expect.stringMatching(/^Monthly average sales 25,000 → 70; .* → Grade A$/)],
    ]);
    expect(tierScore(context(), { values, table: PRESET, output: '说明' })).toEqual([
      ['月均销售额 25,000 → 70; 回款天数 20 → 30; 合计 100 ≥ 80 → A级客户'],
    ]);
  });

  it('given an unknown output word then the call fails with the allowed words', () => {
    expect(tierScore(context(), { values: [[1, 2]], table: PRESET, output: 'grade points' })).toEqual([
      [err('invalidValue', /^output 'grade points' is not one of tier, score, explain/)],
    ]);
  });

  it('given a header row then columns are matched by name, in any order, and errors name the header', () => {
    const result = tierScore(context(), {
      values: [
        ['x', 45, 15000],
        ['y', 'soon', 25000],
      ],
      headers: [['Customer', '回款天数', '月均销售额']],
      table: PRESET,
    });
    expect(result).toEqual([['B'], [err('invalidValue', "回款天数: 'soon' is not a number")]]);
  });

  it('given headers without a required input then the call names it', () => {
    const result = tierScore(context(), { values: [[1, 2]], headers: [['Customer', 'Monthly Sales']], table: PRESET });
    expect(result).toEqual([
      [err('invalidValue', 'no column for payment_days among the headers Customer, Monthly Sales')],
    ]);
  });

  it('given the wrong number of columns and no headers then the call says what the table reads', () => {
    expect(tierScore(context(), { values: [[1, 2, 3]], table: PRESET })).toEqual([
      [err('invalidValue', /^the table reads 2 columns \(monthly_sales, payment_days\) but the values have 3/)],
    ]);
  });

  it('given an invalid sheet-form table then #VALUE! names its first problem and its cell', () => {
    const cells = sheetCells();
    cells[14]![2] = 'x >= abc';
    expect(tierScore(context(), { values: [[1, 2]], table: cells, tableAddress: "'My Rules'!$B$3:$G$36" })).toEqual([
      [err('invalidValue', "'My Rules'!D17: the range x >= abc is empty or malformed")],
    ]);
    const unordered = sheetCells();
    unordered[25]![2] = 50;
    unordered[26]![2] = 60;
    expect(tierScore(context(), { values: [[1, 2]], table: unordered, tableAddress: 'Rules!$A$1:$F$34' })).toEqual([
      [err('invalidValue', /^Rules!A27: thresholds must go down/)],
    ]);
  });

  it('given an unknown preset id then the presets are listed', () => {
    expect(tierScore(context(), { values: [[1, 2]], table: [['no-such-table']] })).toEqual([
      [err('invalidValue', /^'no-such-table' is neither a preset id .*payment-scorecard/)],
    ]);
  });

  it('given a rules table without scores then asking for a score fails once', () => {
    const result = tierScore(context(), { values: [[1]], table: [['order-volume']], output: 'score' });
    expect(result).toEqual([[err('invalidValue', /gives tiers, not scores/)]]);
  });

  it('compiles a table once for 10,000 single-row calls, each with its own copy of the cells', () => {
    const ctx = context();
    const cells = sheetCells();
    for (let i = 0; i < 10_000; i++) {
      const copy = cells.map((row) => [...row]);
      expect(tierScore(ctx, { values: [[25000, i % 90]], table: copy })[0]![0]).toMatch(/^[AB]$/);
    }
    expect(ctx.cache.builds).toBe(1);
    const edited = sheetCells();
    edited[25]![2] = 85;
    tierScore(ctx, { values: [[25000, 20]], table: edited });
    expect(ctx.cache.builds).toBe(2);
  });

  it('given a rule cell edited between calls, then the next call grades with the edited table', () => {
    const ctx = context();
    const cells = sheetCells();
    const thresholdRow = cells.findIndex((row) => row[0] === 'A' && row[1] === '>=');
    expect(tierScore(ctx, { values: [[25000, 40]], table: cells })).toEqual([['A']]); // 70 + 20 = 90
    // The same array edited in place (as a test might) and a fresh edited copy (as Excel passes) both count.
    cells[thresholdRow]![2] = 95;
    expect(tierScore(ctx, { values: [[25000, 40]], table: cells })).toEqual([['B']]);
    const copy = cells.map((row) => [...row]);
    copy[thresholdRow]![2] = 90;
    expect(tierScore(ctx, { values: [[25000, 40]], table: copy })).toEqual([['A']]);
  });

  it('given a table block holding an Excel error object, then each call reads it afresh and a fixed cell grades', () => {
    const ctx = context();
    const broken = sheetCells().map((row) => [...row]) as unknown[][];
    const thresholdRow = broken.findIndex((row) => row[0] === 'A' && row[1] === '>=');
    broken[thresholdRow]![2] = { code: '#N/A' };
    const first = tierScore(ctx, { values: [[25000, 40]], table: broken });
    // Excel passes a fresh error object each call: the same failure again, from the cache.
    const again = broken.map((row) => row.map((v) => (typeof v === 'object' && v !== null ? { code: '#N/A' } : v)));
    expect(tierScore(ctx, { values: [[25000, 40]], table: again })).toEqual(first);
    expect(first[0]![0]).not.toBe('A');
    expect(ctx.cache.builds).toBe(1);
    const fixed = sheetCells().map((row) => [...row]);
    expect(tierScore(ctx, { values: [[25000, 40]], table: fixed })).toEqual([['A']]);
  });

  it('keeps the cache bounded', () => {
    const ctx: FunctionsContext = { ...context(), cache: new TableCache(4) };
    for (let i = 0; i < 10; i++) {
      const cells = sheetCells();
      cells[25]![2] = 70 + i;
      tierScore(ctx, { values: [[25000, 20]], table: cells });
    }
    expect(ctx.cache.size).toBe(4);
  });

  it('given a result over the 5 MB payload limit then one error asks to split the range', () => {
    const values = Array.from({ length: 60_000 }, (_v, i) => [5000 + (i % 30000), i % 90]);
    const result = tierScore(context(), { values, table: PRESET, output: '说明' });
    expect(result).toEqual([
      [err('invalidValue', /^the result is about \d+\.\d MB, more than the 5 MB .*at most \d+ rows$/)],
    ]);
  });
});

describe('payload estimate', () => {
  it('errs high and lets 100,000 tiers through', () => {
    const tiers = Array.from({ length: 100_000 }, () => ['A']);
    expect(estimatePayloadBytes(tiers)).toBeGreaterThan(JSON.stringify(tiers).length);
    expect(payloadOverflow(tiers)).toBeUndefined();
    const text = [['客户'.repeat(10)]];
    expect(estimatePayloadBytes(text)).toBeGreaterThanOrEqual(Buffer.byteLength(JSON.stringify(text)));
    const big = Array.from({ length: 200_000 }, () => ['x'.repeat(30)]);
    expect(estimatePayloadBytes(big)).toBeGreaterThan(MAX_PAYLOAD_BYTES);
    expect(payloadOverflow(big)).toEqual({ size: expect.any(String), rows: expect.any(Number) });
  });
});

describe('RFM', () => {
  const recency = [[1], [30], [200], [5], [90], [400]];
  const frequency = [[10], [3], [1], [8], [2], [1]];
  const monetary = [[1000], [300], [50], [900], [100], [20]];

  it('happy path: whole columns in, one RFM code per customer out', () => {
    expect(rfm(context(), { recency, frequency, monetary })).toEqual([
      ['555'],
      ['433'],
      ['211'],
      ['544'],
      ['322'],
      ['111'],
    ]);
  });

  it('output "scores" gives three columns and "分群" Chinese segment names', () => {
    expect(rfm(context(), { recency, frequency, monetary, output: 'scores' })[0]).toEqual([5, 5, 5]);
    const segments = rfm(context(), { recency, frequency, monetary, output: '分群' });
    expect(segments[0]).toEqual(['冠军客户']);
    expect(rfm(context(), { recency, frequency, monetary, output: 'segment' })[0]).toEqual(['Champions']);
  });

  it('given bins then scores run 1..bins', () => {
    const result = rfm(context(), { recency, frequency, monetary, bins: 3, output: 'scores' });
    expect(result.flat().every((s) => typeof s === 'number' && s >= 1 && s <= 3)).toBe(true);
    expect(rfm(context(), { recency, frequency, monetary, bins: 'r=11' })).toEqual([
      [err('invalidValue', "bins 'r=11' is not a number of scores from 2 to 10 (or r=5,f=4,m=5)")],
    ]);
  });

  it('given last-purchase dates and as_of then recency is counted from as_of', () => {
    const asOf = 45658; // 2025-01-01
    const dates = recency.map(([days]) => [asOf - (days as number)]);
    expect(rfm(context(), { recency: dates, frequency, monetary, asOf })).toEqual(
      rfm(context(), { recency, frequency, monetary }),
    );
    expect(rfm(context(), { recency, frequency, monetary, asOf: 'someday' })).toEqual([
      [err('invalidValue', /^as_of 'someday' is not a date/)],
    ]);
  });

  it('given a bad cell then that customer gets #VALUE! and the others still score', () => {
    const result = rfm(context(), {
      recency: [...recency, ['soon']],
      frequency: [...frequency, [1]],
      monetary: [...monetary, [1]],
    });
    expect(result).toHaveLength(7);
    expect(result[6]).toEqual([err('invalidValue', "recency: 'soon' is not a number")]);
    expect(result[0]).toEqual(['555']);
  });

  it('given an error cell as Excel passes it (allowErrorForDataTypeAny) then only that customer is an error', () => {
    const withError = rfm(context(), {
      recency,
      frequency,
      monetary: [...monetary.slice(0, 2), [{ code: '#N/A' }], ...monetary.slice(3)],
    });
    expect(withError).toHaveLength(6);
    expect(withError[2]).toEqual([err('invalidValue', 'monetary: the cell holds the error #N/A')]);
    for (const [i, row] of withError.entries()) if (i !== 2) expect(row).toEqual([expect.stringMatching(/^[1-5]{3}$/)]);
  });

  it('given columns of different lengths or widths then the call fails', () => {
    expect(rfm(context(), { recency, frequency: frequency.slice(1), monetary })).toEqual([
      [err('invalidValue', 'recency, frequency, monetary must have the same number of rows (6, 5, 6)')],
    ]);
    expect(rfm(context(), { recency: [[1, 2]], frequency: [[1]], monetary: [[1]] })).toEqual([
      [err('invalidValue', 'recency must be one column; it has 2')],
    ]);
  });

  it('given a grading table that is not RFM as segments then it says so', () => {
    expect(rfm(context(), { recency, frequency, monetary, segments: PRESET })).toEqual([
      [err('invalidValue', /^the table 'payment-scorecard' is not an RFM table/)],
    ]);
  });
});

describe('RFM_TABLE', () => {
  it('happy path: raw orders in, a header row and one row per customer out', () => {
    const result = rfmTable(context(), {
      customerIds: [[1], [1], [2], ['c3'], [2], [null]],
      dates: [['2024-01-05'], [45300], [45200], [45310], [45315], [null]],
      amounts: [[10], [20], [5], [100], [7], [null]],
      asOf: 45316,
    });
    expect(result[0]).toEqual(RFM_TABLE_HEADER);
    expect(result.slice(1).map((row) => row.slice(0, 4))).toEqual([
      [1, 16, 2, 30],
      [2, 1, 2, 12],
      ['c3', 6, 1, 100],
    ]);
    expect(result[1]![7]).toMatch(/^\d{3}$/);
  });

  it('given unreadable order rows then the call counts them and names the first', () => {
    const result = rfmTable(context(), {
      customerIds: [[1], [2], [3]],
      dates: [[45300], ['yesterday'], [45301]],
      amounts: [[10], [5], ['n/a']],
    });
    expect(result).toEqual([
      [err('invalidValue', /^2 order rows cannot be read; the first is row 2 of the range: dates: 'yesterday'/)],
    ]);
  });
});

describe('the custom functions as Excel calls them', () => {
  withExcelGlobals('zh-CN');

  it('TIER_SCORE spills and returns CustomFunctions.Error values with the message in Office’s language', () => {
    const result = TIER_SCORE(
      [
        [25000, 20],
        ['3O', 1],
        [null, null],
      ],
      PRESET,
      undefined,
      undefined,
      {
        parameterAddresses: ['Data!A2:B4', 'Data!F1'],
      },
    );
    expect(result[0]).toEqual(['A']);
    expect(result[1]![0]).toMatchObject({ code: '#VALUE!', message: expect.stringMatching(/[\u4e00-\u9fff]/) });
    expect(result).toHaveLength(2);
  });

  it('RFM and RFM_TABLE take omitted optional arguments as null', () => {
    expect(RFM([[1], [50]], [[3], [1]], [[100], [10]], null as never, null, null as never, null)).toEqual([
      ['555'],
      ['111'],
    ]);
    const table = RFM_TABLE([['a'], ['b']], [[45300], [45301]], [[1], [2]], null, null);
    expect(table[0]).toEqual(RFM_TABLE_HEADER);
    expect(table).toHaveLength(3);
  });
});

describe('error mapping', () => {
  const kinds: GradeError[] = [
    { kind: 'blank', input: 'a' },
    { kind: 'cell-error', input: 'a', value: '#N/A' },
    { kind: 'not-a-number', input: 'a', value: 'x' },
    { kind: 'not-a-boolean', input: 'a', value: 'x' },
    { kind: 'not-a-date', input: 'a', value: 'x' },
    { kind: 'unknown-category', input: 'a', value: 'x', allowed: ['p', 'q'] },
    { kind: 'out-of-range', input: 'a', value: -1 },
    { kind: 'too-long', input: 'a', length: 2000 },
    { kind: 'needs-batch' },
  ];
  it.each(kinds.map((k) => [k.kind, k]))('a row error "%s" is #VALUE! with its message', (_kind, error) => {
    const value = toExcelError(error, 'en-US', (code, message) => ({ code, message })) as FakeError;
    expect(value.code).toBe('invalidValue');
    expect(value.message.length).toBeGreaterThan(5);
  });

  it('an ungraded row is #N/A; a table problem is #VALUE! with its cell', () => {
    const make = (code: ExcelErrorCode, message: string) => ({ code, message });
    expect(toExcelError({ kind: 'no-match' }, 'en-US', make)).toEqual(err('notAvailable', /^ungraded/));
    expect(
      toExcelError({ kind: 'table-problem', problem: { code: 'empty', path: 'tiers', cell: 'R!A1' } }, 'en-US', make),
    ).toEqual(err('invalidValue', /^R!A1: /));
  });
});

describe('range addresses', () => {
  it('reads where a range starts', () => {
    expect(originOf('Rules!$A$1:$F$34')).toEqual({ sheet: 'Rules', row: 0, column: 0 });
    expect(originOf("'My ''rules'''!AB10:AC20")).toEqual({ sheet: "My 'rules'", row: 9, column: 27 });
    expect(originOf('C3')).toEqual({ row: 2, column: 2 });
    expect(originOf(undefined)).toBeUndefined();
  });
});

describe('functions metadata', () => {
  let metadata: FunctionsMetadata;
  beforeAll(async () => {
    const generated = await generateCustomFunctionsMetadata(
      [join(__dirname, '..', '..', 'src', 'functions', 'functions.ts')],
      true,
    );
    expect(generated.errors).toEqual([]);
    metadata = JSON.parse(generated.metadataJson) as FunctionsMetadata;
  });

  it('declares the three functions with matrix parameters and spilled results', () => {
    const shape = metadata.functions.map((fn) => ({
      id: fn.id,
      parameters: fn.parameters.map(
        (p) => `${p.name}:${p.type}:${p.dimensionality ?? 'scalar'}${p.optional ? '?' : ''}`,
      ),
      result: (fn.result as { dimensionality?: string }).dimensionality,
      options: fn.options,
    }));
    expect(shape).toEqual([
      {
        id: 'TIER_SCORE',
        parameters: ['values:any:matrix', 'table:any:matrix', 'output:string:scalar?', 'headers:any:matrix?'],
        result: 'matrix',
        options: { requiresParameterAddresses: true },
      },
      {
        id: 'RFM',
        parameters: [
          'recency:any:matrix',
          'frequency:any:matrix',
          'monetary:any:matrix',
          'output:string:scalar?',
          'bins:any:scalar?',
          'segments:any:matrix?',
          'as_of:any:scalar?',
        ],
        result: 'matrix',
        options: { requiresParameterAddresses: true },
      },
      {
        id: 'RFM_TABLE',
        parameters: [
          'customer_ids:any:matrix',
          'dates:any:matrix',
          'amounts:any:matrix',
          'as_of:any:scalar?',
          'bins:any:scalar?',
        ],
        result: 'matrix',
        options: undefined,
      },
    ]);
    expect(metadata.functions.some((fn) => (fn.options as { volatile?: boolean } | undefined)?.volatile)).toBe(false);
  });

  it('receives error cells (allowErrorForDataTypeAny) and no data types (CustomFunctionsRuntime 1.4 only)', () => {
    expect(metadata.allowCustomDataForDataTypeAny).toBe(true); // what the generator writes
    const shipped = withTierwiseOptions(metadata);
    expect(shipped.allowErrorForDataTypeAny).toBe(true);
    expect('allowCustomDataForDataTypeAny' in shipped).toBe(false);
    expect(shipped.functions).toEqual(metadata.functions);
  });

  it('meets the documented metadata rules and the declared CustomFunctionsRuntime 1.3, in both languages', () => {
    const shipped = withTierwiseOptions(metadata);
    const zh = localizeFunctionsMetadata(shipped, FUNCTIONS_METADATA_ZH_CN);
    if (!zh.ok) throw new Error(zh.missing.join(', '));
    expect(functionsMetadataProblems(shipped, 1.3)).toEqual([]);
    expect(functionsMetadataProblems(zh.metadata, 1.3)).toEqual([]);
    expect(functionsMetadataProblems(metadata, 1.3)).toEqual([
      'allowCustomDataForDataTypeAny needs CustomFunctionsRuntime 1.4, the manifest declares 1.3',
    ]);
    expect(functionsMetadataProblems(shipped, 1.2)).toEqual([
      'TIER_SCORE: requiresParameterAddresses needs CustomFunctionsRuntime 1.3, the manifest declares 1.2',
      'RFM: requiresParameterAddresses needs CustomFunctionsRuntime 1.3, the manifest declares 1.2',
    ]);
  });

  it('names what breaks the documented rules: ids, names, cell references, optional order, options', () => {
    const fn = (id: string, name: string, extra: Record<string, unknown> = {}) => ({
      id,
      name,
      parameters: [
        { name: 'a', type: 'any', dimensionality: 'matrix', optional: true },
        { name: 'b', type: 'range' },
      ],
      result: { dimensionality: 'scalar' },
      ...extra,
    });
    const problems = functionsMetadataProblems(
      {
        functions: [
          fn('tier', 'AB1'),
          fn('TIER', '等级'),
          fn('TIER', '等级', { options: { requiresParameterAddresses: true, streaming: true } }),
        ],
      },
      1.3,
    );
    expect(problems).toEqual([
      'tier: an id has A-Z, 0-9, _ and . only, starts with a letter, 3 characters or more',
      "tier: name 'AB1' is a cell reference",
      "tier(b): type 'range'",
      'tier(b): a required parameter after an optional one',
      "TIER: name '等级' must start with a letter, use letters, _ and . only, 3 characters or more",
      "TIER(b): type 'range'",
      'TIER(b): a required parameter after an optional one',
      "TIER: name '等级' must start with a letter, use letters, _ and . only, 3 characters or more",
      'TIER: the id is used twice',
      "TIER: the name '等级' is used twice",
      "TIER(b): type 'range'",
      'TIER(b): a required parameter after an optional one',
      "TIER: unknown option 'streaming'",
      'TIER: requiresParameterAddresses needs a matrix result',
    ]);
  });

  it('localizes every function and parameter into zh-CN, keeping ids and types', () => {
    const localized = localizeFunctionsMetadata(metadata, FUNCTIONS_METADATA_ZH_CN);
    if (!localized.ok) throw new Error(`missing: ${localized.missing.join(', ')}`);
    const tier = localized.metadata.functions[0]!;
    expect(tier.id).toBe('TIER_SCORE');
    expect(tier.name).toBe('TIER_SCORE');
    expect(tier.description).toMatch(/^按分级表为客户分级/);
    expect(tier.parameters.map((p) => p.name)).toEqual(['数值', '分级表', '输出', '表头']);
    expect(tier.parameters[0]!.dimensionality).toBe('matrix');
  });

  it('given a parameter without a translation then localizing fails and names it', () => {
    const { TIER_SCORE: tier, ...others } = FUNCTIONS_METADATA_ZH_CN;
    const { headers: _headers, ...parameters } = tier!.parameters;
    const result = localizeFunctionsMetadata(metadata, { ...others, TIER_SCORE: { ...tier!, parameters } });
    expect(result).toEqual({ ok: false, missing: ['TIER_SCORE(headers)'] });
  });
});
