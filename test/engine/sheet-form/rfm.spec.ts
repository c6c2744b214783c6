import { validateTable } from '../../../src/engine/compile';
import type { GradingTable, RfmMethod } from '../../../src/engine/model';
import { RFM_PRESETS } from '../../../src/engine/rfm/presets';
import { parseSheetTable, printSheetTable } from '../../../src/engine/sheet-form';
import type { Cell } from '../../../src/engine/values/cell';
import { rfmEveryOption, rfmPackageStyle } from './fixtures';

type Grid = Cell[][];

function printed(table: GradingTable): Grid {
  return printSheetTable(table).map((row) => [...row]);
}

function rowOf(cells: Grid, first: Cell, second?: Cell): number {
  const r = cells.findIndex((row) => row[0] === first && (second === undefined || row[1] === second));
  if (r < 0) throw new Error(`no row starting with ${String(first)}`);
  return r;
}

function parsed(cells: Grid): GradingTable {
  const result = parseSheetTable(cells);
  if (!result.ok) throw new Error(JSON.stringify(result.problems, null, 2));
  return result.table;
}

function withMethod(table: GradingTable, change: Partial<RfmMethod>): GradingTable {
  const copy = structuredClone(table);
  Object.assign(copy.method, change);
  return copy;
}

describe('sheet form, rfm tables', () => {
  it.each(RFM_PRESETS.map((preset) => [preset.id, preset] as const))(
    'given the preset %s, then parse(print(t)) deep-equals t and the engine accepts it',
    (_, preset) => {
      const table = parsed(printed(preset));
      expect(table).toStrictEqual(preset);
      expect(validateTable(table)).toEqual([]);
    },
  );

  it.each([
    ['every option', rfmEveryOption],
    ['the other option values', rfmPackageStyle],
  ])('given a hand-written rfm table with %s, then parse(print(t)) deep-equals t and the engine accepts it', (_, t) => {
    expect(validateTable(t)).toEqual([]);
    expect(parsed(printed(t))).toStrictEqual(t);
  });

  it('given every option, then the title block and the Caps section read as a person would write them', () => {
    const cells = printed(rfmEveryOption);
    expect(cells[rowOf(cells, 'Closed side / 闭区间方向')]?.[1]).toBe('left');
    expect(cells[rowOf(cells, 'As of / 截止日期')]?.[1]).toBe("'2024-12-31");
    expect(cells[rowOf(cells, 'Default tier / 默认等级')]?.[1]).toBe('others');
    const caps = rowOf(cells, 'Caps / 封顶');
    expect(cells[caps + 1]?.slice(0, 3)).toEqual(['Dimension / 维度', 'Cap by / 封顶方式', 'Cap / 封顶值']);
    expect(cells.slice(caps + 2, caps + 5).map((row) => row.slice(0, 3))).toEqual([
      ['R', 'value', 365],
      ['F', 'percentile', 0.99],
      ['M', 'percentile', 0.995],
    ]);
  });

  it('given segments with absent ranges, then they are blank pairs and a pair no segment uses is left out', () => {
    const cells = printed(rfmEveryOption);
    const header = rowOf(cells, 'Segments / 分群') + 1;
    expect(cells[header]?.slice(0, 9)).toEqual([
      'Tier / 等级',
      'R from / R 起',
      'R to / R 止',
      'F from / F 起',
      'F to / F 止',
      'M from / M 起',
      'M to / M 止',
      'FM from / FM 起',
      'FM to / FM 止',
    ]);
    expect(cells[header + 2]?.slice(0, 9)).toEqual(['loyal', null, null, null, null, null, null, 3, 4]);
    const eleven = printed(RFM_PRESETS.find((p) => p.id === 'rfm-11') as GradingTable);
    const elevenHeader = rowOf(eleven, 'Segments / 分群') + 1;
    expect(eleven[elevenHeader]?.filter((cell) => cell !== null)).toEqual([
      'Tier / 等级',
      'R from / R 起',
      'R to / R 止',
      'FM from / FM 起',
      'FM to / FM 止',
    ]);
  });

  it.each([
    ['a date cell (Excel turned the text into its serial)', 45657],
    ['the text without its apostrophe (as Excel hands it back)', '2024-12-31'],
    ['a Date (as ExcelJS reads a date cell)', new Date(Date.UTC(2024, 11, 31))],
    ['a Chinese date text', '2024年12月31日'],
  ])('given the as-of date as %s, then it reads as the same serial', (_, cell) => {
    const cells = printed(rfmEveryOption);
    (cells[rowOf(cells, 'As of / 截止日期')] as Cell[])[1] = cell;
    expect(parsed(cells)).toStrictEqual(rfmEveryOption);
  });

  it.each([1, 59, 60, 61, 45657, 2958465])('given the as-of serial %d, then it round-trips exactly', (asOf) => {
    const table = withMethod(rfmPackageStyle, { asOf });
    expect(parsed(printed(table))).toStrictEqual(table);
  });

  it('given an as-of serial that is no whole day, then it prints as a number and the engine reports it at its cell', () => {
    const table = withMethod(rfmPackageStyle, { asOf: 45657.5 });
    const cells = printed(table);
    const r = rowOf(cells, 'As of / 截止日期');
    expect(cells[r]?.[1]).toBe(45657.5);
    const result = parseSheetTable(cells);
    if (!result.ok) throw new Error('the sheet itself is well formed');
    expect(result.table).toStrictEqual(table);
    const problem = validateTable(result.table).find((p) => p.path.startsWith('method.asOf'));
    expect(problem).toBeDefined();
    expect(result.cellOf(problem?.path ?? '')).toBe(`B${r + 1}`);
  });

  it('given an rfm block typed by hand in Chinese, then it reads the same table as the printed one', () => {
    const cells = printed(rfmEveryOption).map((row) =>
      row.map((cell) => (typeof cell === 'string' && cell.includes(' / ') ? (cell.split(' / ')[1] as string) : cell)),
    );
    const set = (label: string, value: Cell): void => {
      (cells[rowOf(cells, label)] as Cell[])[1] = value;
    };
    set('闭区间方向', '左闭');
    set('截止日期', '2024/12/31');
    set('分箱方式', '固定');
    const caps = rowOf(cells, '封顶');
    cells[caps + 2] = ['Ｒ', '固定值', '365'];
    cells[caps + 3] = ['F', '百分位', '99%'];
    cells[caps + 4] = ['m', '分位数', '99.5%'];
    expect(parsed(cells)).toStrictEqual(rfmEveryOption);
  });

  it('given the range columns of a segment left out of the header, then every segment takes any score there', () => {
    const cells = printed(rfmPackageStyle);
    const header = rowOf(cells, 'Segments / 分群') + 1;
    const keep = (cells[header] as Cell[]).map((cell) => cell !== 'FM from / FM 起' && cell !== 'FM to / FM 止');
    for (let r = header; r < header + 3; r++) cells[r] = (cells[r] as Cell[]).filter((_, c) => keep[c]);
    const table = parsed(cells);
    expect((table.method as RfmMethod).segments).toEqual([{ tier: 'top', r: [6, 10] }, { tier: 'rest' }]);
  });

  it.each(['Tiers', 'Inputs', 'Caps', 'Segments', 'Matrix'])(
    'given a catch-all segment whose tier id is the section name %s, then its lone cell is read as a segment',
    (id) => {
      const table = structuredClone(rfmPackageStyle);
      (table.method as RfmMethod).segments[1] = { tier: id };
      (table.tiers[1] as GradingTable['tiers'][number]).id = id;
      const cells = printed(table);
      expect(cells.filter((row) => row[0] === id && row.slice(1).every((cell) => cell === null))).toHaveLength(1);
      expect(parsed(cells)).toStrictEqual(table);
      expect(validateTable(table)).toEqual([]);
    },
  );

  describe('problems the engine finds are placed on the sheet through cellOf', () => {
    const cases: Array<[string, GradingTable, string, (cells: Grid) => { r: number; c: number }]> = [
      [
        'bins above 10',
        withMethod(rfmPackageStyle, { bins: { r: 11, f: 2 } }),
        'method.bins.r',
        (cells) => ({ r: rowOf(cells, 'Bins (R, F, M) / 分档数 (R, F, M)'), c: 1 }),
      ],
      [
        'bins below 2',
        withMethod(rfmPackageStyle, { bins: { r: 10, f: 1 } }),
        'method.bins.f',
        (cells) => ({ r: rowOf(cells, 'Bins (R, F, M) / 分档数 (R, F, M)'), c: 2 }),
      ],
      [
        'a percentile cap over 1',
        withMethod(rfmEveryOption, { caps: { f: { percentile: 1.5 } } }),
        'method.caps.f',
        (cells) => ({ r: rowOf(cells, 'F', 'percentile'), c: 2 }),
      ],
      [
        'an FM range beyond the bins',
        withMethod(rfmPackageStyle, { segments: [{ tier: 'top', r: [6, 10], fm: [2, 7] }, { tier: 'rest' }] }),
        'method.segments[0].fm',
        (cells) => ({ r: rowOf(cells, 'top'), c: 3 }),
      ],
      [
        'a default tier that is not a tier',
        withMethod(rfmEveryOption, { default: 'nobody' }),
        'method.default',
        (cells) => ({ r: rowOf(cells, 'Default tier / 默认等级'), c: 1 }),
      ],
    ];
    it.each(cases)('given %s, then the problem names its cell', (_, table, path, where) => {
      const cells = printed(table);
      const result = parseSheetTable(cells, { sheet: 'Rules', row: 0, column: 0 });
      if (!result.ok) throw new Error(JSON.stringify(result.problems));
      const problem = validateTable(result.table).find((p) => p.path.startsWith(path));
      expect(problem).toBeDefined();
      const { r, c } = where(cells);
      expect(result.cellOf(problem?.path ?? '')).toBe(`Rules!${String.fromCharCode(65 + c)}${r + 1}`);
    });
  });
});
