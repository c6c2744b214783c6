import { HyperFormula } from 'hyperformula';
import { columnInputs } from '../../src/engine/backends/table-walk';
import {
  compileToFormulas,
  excelNumber,
  excelString,
  fileFormula,
  MAX_FORMULA_LENGTH,
  MAX_FORMULA_NESTING,
} from '../../src/engine/formula';
import { compileTable } from '../../src/engine/compile';
import type { GradingTable } from '../../src/engine/model';
import { getPreset, PRESETS } from '../../src/engine/presets';
import { columnLetters } from '../../src/engine/sheet-form/text';

function preset(id: string): GradingTable {
  const table = getPreset(id);
  if (!table) throw new Error(`no preset ${id}`);
  return table;
}

function columnsOf(table: GradingTable): Record<string, string> {
  const out: Record<string, string> = {};
  columnInputs(table, getPreset).forEach((input, k) => (out[input.id] = columnLetters(k)));
  return out;
}

function evaluate(formulas: string[]): unknown[] {
  const hf = HyperFormula.buildFromArray([formulas], { licenseKey: 'gpl-v3', smartRounding: false });
  const values = hf.getSheetValues(0)[0]!;
  hf.destroy();
  return values;
}

/** Tier (and error) per row as HyperFormula computes the table's formulas, next to the engine's. */
function tiersBoth(table: GradingTable, rows: Array<Array<number | null>>): { formulas: unknown[]; engine: unknown[] } {
  const result = compileToFormulas(table, { columns: columnsOf(table) });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  const width = rows[0]!.length;
  const placement = Object.fromEntries(result.columns.map((c, k) => [c.output, columnLetters(width + k)]));
  const sheet = rows.map((row, r) => [...row, ...result.columns.map((c) => c.formulaAt(r + 1, placement))]);
  const hf = HyperFormula.buildFromArray(sheet, { licenseKey: 'gpl-v3', smartRounding: false });
  const at = (r: number, output: string) =>
    hf.getCellValue({ sheet: 0, row: r, col: width + result.columns.findIndex((c) => c.output === output) });
  const formulas = rows.map((_row, r) => at(r, 'tier') || at(r, 'error'));
  hf.destroy();
  for (const c of result.columns) expect(mostArguments(c.formulaAt(1, placement))).toBeLessThanOrEqual(255);
  const compiled = compileTable(table);
  if (!compiled.ok) throw new Error(JSON.stringify(compiled.problems));
  const batch = compiled.compiled.gradeRows(rows);
  const engine = rows.map((_row, r) => {
    const error = batch.errors.get(r);
    return error ? ('input' in error ? `${error.kind}:${error.input}` : error.kind) : table.tiers[batch.tiers[r]!]!.id;
  });
  return { formulas, engine };
}

/** The most arguments any one function call of a formula has (strings hold no quotes: CHAR(34)). */
function mostArguments(formula: string): number {
  const counts: number[] = [];
  let most = 0;
  let quoted = false;
  let braces = 0;
  for (const ch of formula) {
    if (ch === '"') quoted = !quoted;
    if (quoted) continue;
    if (ch === '{') braces++;
    else if (ch === '}') braces--;
    else if (ch === '(') counts.push(1);
    else if (ch === ')') most = Math.max(most, counts.pop()!);
    else if (ch === ',' && braces === 0 && counts.length > 0) counts[counts.length - 1]!++;
  }
  return most;
}

const TIERS = ['A', 'B', 'C'].map((id) => ({ id, label: { en: id }, fill: '#FFFFFF', font: '#000000' }));

describe('compileToFormulas', () => {
  it('given the payment scorecard then Error, Score and Tier read the row and each other', () => {
    const result = compileToFormulas(preset('payment-scorecard'), {
      columns: { monthly_sales: 'B', payment_days: 'C' },
    });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const at = Object.fromEntries(
      result.columns.map((c) => [c.output, c.formulaAt(7, { error: 'F', score: 'D', tier: 'E' })]),
    );
    expect(at.score).toBe(
      '=IF(F7<>"","",IFS(B7<=5000,30,B7<=10000,40,B7<20000,50,TRUE(),70)+IFS(C7<0,0,C7<=30,30,C7<=45,20,C7<=60,10,TRUE(),0))',
    );
    expect(at.tier).toBe('=IF(F7<>"","",IFS(D7>=80,"A",D7>=60,"B",TRUE(),"C"))');
    expect(at.error).toMatch(/^=IF\(ISERROR\(B7\),"cell-error:monthly_sales",IF\(TRIM\(B7\)="","blank:monthly_sales"/);
  });

  it('given RFM, a text input or a number Excel cannot hold then it refuses with the reason', () => {
    const rfm = PRESETS.find((p) => p.method.kind === 'rfm')!;
    expect(compileToFormulas(rfm, { columns: columnsOf(rfm) })).toEqual({
      ok: false,
      problems: [{ kind: 'unsupported', feature: 'rfm', table: rfm.id }],
    });
    const base = preset('payment-scorecard');
    const text: GradingTable = {
      ...base,
      inputs: [...base.inputs, { id: 'note', type: 'text', label: { en: 'Note' }, required: false }],
    };
    expect(compileToFormulas(text, { columns: { ...columnsOf(base), note: 'Z' } })).toEqual({
      ok: false,
      problems: [{ kind: 'unsupported', feature: 'text-input', table: base.id, input: 'note' }],
    });
    const tiny = structuredClone(base);
    if (tiny.method.kind !== 'scorecard') throw new Error('scorecard expected');
    tiny.method.criteria[0]!.bands[0]!.points = 5e-324;
    expect(compileToFormulas(tiny, { columns: columnsOf(base) })).toEqual({
      ok: false,
      problems: [{ kind: 'unsupported', feature: 'number', table: base.id, value: 5e-324 }],
    });
  });

  it('given an input without a column or a bad column name then it names the input', () => {
    expect(compileToFormulas(preset('payment-scorecard'), { columns: { monthly_sales: 'B' } })).toEqual({
      ok: false,
      problems: [{ kind: 'bad-column', input: 'payment_days' }],
    });
    expect(
      compileToFormulas(preset('payment-scorecard'), { columns: { monthly_sales: 'B', payment_days: 'C1' } }),
    ).toEqual({ ok: false, problems: [{ kind: 'bad-column', input: 'payment_days', column: 'C1' }] });
  });

  it('given every preset but RFM then every formula fits Excel, large tables by helper columns', () => {
    for (const preset of PRESETS.filter((p) => p.method.kind !== 'rfm')) {
      const result = compileToFormulas(preset, { columns: columnsOf(preset), resolve: getPreset });
      if (!result.ok) throw new Error(`${preset.id}: ${JSON.stringify(result.problems)}`);
      for (const c of result.columns) {
        expect(c.length).toBeLessThanOrEqual(MAX_FORMULA_LENGTH);
        expect(c.nesting).toBeLessThanOrEqual(MAX_FORMULA_NESTING);
      }
    }
    const pipeline = compileToFormulas(preset('sales-pipeline'), {
      columns: columnsOf(preset('sales-pipeline')),
    });
    if (!pipeline.ok) throw new Error('sales-pipeline must compile');
    expect(pipeline.columns.filter((c) => c.output.startsWith('helper-')).length).toBeGreaterThan(0);
  });

  it('given doubles of 16 and 17 digits then the literal is exactly that double', () => {
    const numbers = [0.30000000000000004, 0.1, 1234567.891, -1e-300, 2 ** 60 + 2 ** 8, 1 / 3, -2 / 3, 1e21, 123];
    const literals = numbers.map((x) => excelNumber(x)!);
    expect(literals.slice(7)).toEqual(['1e+21', '123']);
    expect(evaluate(literals.map((l) => `=${l}`))).toEqual(numbers);
    expect(excelNumber(5e-324)).toBeUndefined();
    expect(excelNumber(Infinity)).toBeUndefined();
  });

  it('given quotes, backslashes and long texts then the string literal reads back as the text', () => {
    const texts = ['a"b', '\\"', 'x'.repeat(600), '客户"等级"'];
    expect(evaluate(texts.map((t) => `=${excelString(t)}`))).toEqual(texts);
  });

  it('given functions newer than Excel 2007 then the file form prefixes them, not inside strings', () => {
    expect(fileFormula('=IFS(A1>1,SWITCH(B1,"IFS(",1,2),TRUE(),FLOOR.MATH(C1))')).toBe(
      '=_xlfn.IFS(A1>1,_xlfn.SWITCH(B1,"IFS(",1,2),TRUE(),_xlfn.FLOOR.MATH(C1))',
    );
  });

  it('given 256 rules without a default then the no-match test nests its OR within Excel argument limits', () => {
    const table: GradingTable = {
      format: 'tierwise/grading-table',
      version: 1,
      id: 'many-rules',
      name: { en: 'Many rules' },
      inputs: [{ id: 'x', type: 'number', label: { en: 'x' } }],
      method: {
        kind: 'rules',
        rules: Array.from({ length: 256 }, (_r, k) => ({
          tier: TIERS[k % 3]!.id,
          when: { input: 'x', op: '=' as const, value: k },
        })),
      },
      tiers: TIERS,
    };
    const rows = [[0], [1], [200], [254], [255], [256], [-1]];
    const { formulas, engine } = tiersBoth(table, rows);
    expect(formulas).toEqual(engine);
    expect(engine.slice(-2)).toEqual(['no-match', 'no-match']);
  });

  it('given a 20 x 20 matrix then the cell is picked from an array constant (CHOOSE takes 254 values)', () => {
    const axis = (input: string) => ({
      input,
      bands: Array.from({ length: 20 }, (_b, k) => ({ id: `b${k}`, match: { range: { gte: k, lt: k + 1 } } })),
    });
    const table: GradingTable = {
      format: 'tierwise/grading-table',
      version: 1,
      id: 'big-matrix',
      name: { en: 'Big matrix' },
      inputs: [
        { id: 'r', type: 'number', label: { en: 'r' } },
        { id: 'c', type: 'number', label: { en: 'c' } },
      ],
      method: {
        kind: 'matrix',
        rows: axis('r'),
        columns: axis('c'),
        cells: Array.from({ length: 20 }, (_r, r) => Array.from({ length: 20 }, (_c, c) => TIERS[(r * 7 + c) % 3]!.id)),
        output: 'tier',
      },
      tiers: TIERS,
    };
    const rows = [
      [0, 0],
      [0, 19.5],
      [19, 0],
      [7.5, 13],
      [12, 12.999],
      [20, 1],
      [3, -0.5],
    ];
    const { formulas, engine } = tiersBoth(table, rows);
    expect(formulas).toEqual(engine);
    expect(new Set(engine).size).toBeGreaterThan(3);
  });
});
