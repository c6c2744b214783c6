/**
 * Prints a grading table as a block of cells a manager can read and edit.
 *
 * Layout (rows top to bottom; the block is rectangular, padded with empty cells):
 *
 *   Tierwise grading table | Version / 版本 | 1
 *   Id / 编号              | payment-scorecard
 *   Name / 名称            | Payment scorecard | 回款评分卡      (English in B, Chinese in C)
 *   Method / 方法          | scorecard                             (scorecard | rules | matrix | rfm)
 *   ...method keys: Round to decimals (scorecard), Default tier (rules, rfm),
 *      Rows input / Columns input / Output (matrix), Binning / Bins (R, F, M) /
 *      Closed side / As of (rfm), Ranked input (abc)
 *
 * then sections, each a heading row ("Criteria / 评分项", alone in column A),
 * a row of column headings ("Points / 分值"), and data rows. Blank rows between
 * sections are decoration. Sections: Inputs, Category values, Criteria,
 * Multipliers, Rules, Matrix rows, Matrix columns, Matrix, Thresholds,
 * Breakpoints, Caps, Segments, Tiers.
 *
 * Criteria: the first row of a criterion carries its id, input, weight, blank
 * points and label; each row carries one band and its points:
 *
 *   Criterion / 评分项 | Input / 输入项 | Band / 区间        | Points / 分值
 *   monthly_sales      | monthly_sales  | x >= 20000         | 70
 *                      |                | 10000 < x < 20000  | 50
 *                      |                | 5000 < x <= 10000  | 40
 *                      |                | x <= 5000          | 30
 *
 * Bands: numeric ranges as "x >= a", "a < x <= b", "x < b" ("any" = unbounded);
 * parse also reads "(5000, 10000]", "[2万, +∞)", "≥ 20,000", full-width forms.
 * Category bands list value ids separated by ";"; boolean bands are TRUE/FALSE.
 *
 * Condition trees (Rules, Multipliers): one row per node. "Level / 层级" is the
 * depth (1 = the root); "Condition / 条件" holds ALL / ANY / NOT for a group
 * (indented two spaces per level, for the eye only) or the input id for a leaf,
 * whose "Operator / 运算符" (= <> < <= > >= between in "is blank" "not blank"
 * contains) and "Value / 值" follow. A node's children are the rows below it
 * one level deeper. A rule starts at a row with its tier. Level A06 of the
 * sales pipeline (ANY of three facts, or ALL of three facts plus a nested ANY):
 *
 *   Tier / 等级 | Level / 层级 | Condition / 条件          | Operator / 运算符 | Value / 值
 *   A06         | 1            | ANY                       |                   |
 *               | 2            |   considering_switch      | =                 | TRUE
 *               | 2            |   supplier_dissatisfied   | =                 | TRUE
 *               | 2            |   talking_to_new          | =                 | TRUE
 *               | 2            |   ALL                     |                   |
 *               | 3            |     dm_feedback           | =                 | TRUE
 *               | 3            |     knows_our_edge        | =                 | TRUE
 *               | 3            |     considered_decision   | =                 | TRUE
 *               | 3            |     ANY                   |                   |
 *               | 4            |       asks_for_material   | =                 | TRUE
 *               | 4            |       books_next_contact  | =                 | TRUE
 *               | 4            |       asks_about_us       | =                 | TRUE
 *
 * "between" takes a range in Value ("10 <= x < 20"); "in" a ";" list.
 *
 * Matrix: "Matrix rows" and "Matrix columns" list each axis's bands (id, band,
 * label); "Matrix" is the grid itself, column band ids across the top, row band
 * ids down column A, tier ids or points in the cells.
 *
 * Thresholds: Tier | Operator (>= or >) | Score; the last row's operator is
 * "otherwise / 其余" with no score. Thresholds by share of customers have the
 * operator "top / 前" and a cumulative share in Score (0.2 for the top 20%).
 *
 * RFM: "Closed side" is right ((a, b], the default) or left ([a, b)). "As of"
 * is printed as an ISO date text ('2024-12-31, the Excel serial day of the
 * model converted exactly, serial 60 being Excel's 1900-02-29); parse also reads
 * a date cell (its serial) or a Date. "Breakpoints" has one row per dimension:
 * R / F / M, then the cut points across. "Caps" has one row per capped
 * dimension: Dimension | Cap by (percentile | value) | Cap (a number cell; a
 * percentile is a share, 0.99). "Segments": Tier, then from / to pairs for R,
 * F, M and FM (the mean of F and M); a blank pair is an absent range (any
 * score), and a pair no segment uses is left out of the block:
 *
 *   Tier / 等级 | R from / R 起 | R to / R 止 | FM from / FM 起 | FM to / FM 止
 *   champions   | 5             | 5           | 4               | 5
 *
 * ABC: "Cuts" lists Tier | Up to share (a share cell, 0.8 for 80%), best tier
 * first; the last tier's share is blank (it takes the rest).
 *
 * Cells: numbers are number cells, booleans TRUE/FALSE cells, absent optional
 * fields empty cells. Lists (aliases, category values, "in" values) are one
 * cell, items separated by "; "; a literal ";" / "；" / "\" in an item is written
 * "\;" / "\；" / "\\"; items are trimmed. Free text that Excel would turn into a
 * formula, number, boolean or error (leading = + - @ ', digits, TRUE, #N/A) is
 * printed with a leading apostrophe; parsing drops one leading apostrophe from
 * every text cell.
 */
import type { BandMatch, ConditionNode, GradingTable, LocalizedText, MatrixAxis, Threshold } from '../model';
import { assertNever } from '../errors';
import type { Cell } from '../values/cell';
import { parseBoolean, parseNumber, serialToIsoDate } from '../values/coerce';
import {
  heading,
  MARKER,
  OTHERWISE,
  TOP_SHARE,
  REQUIRED_COLUMNS,
  SECTIONS,
  TITLE_KEYS,
  VERSION_KEY,
  type SectionKey,
  type TitleKey,
} from './layout';
import { printDecaySteps } from './decay-steps';
import { joinList, printRange, quoteText } from './text';

type Row = Cell[];

function text(value: string | undefined): Cell {
  return value === undefined ? null : quoteText(value);
}

function num(value: number | undefined): Cell {
  return value === undefined ? null : value;
}

function list(items: readonly string[] | undefined): Cell {
  return items === undefined || items.length === 0 ? null : quoteText(joinList(items));
}

function localized(value: LocalizedText | undefined): [Cell, Cell] {
  return value === undefined ? [null, null] : [text(value.en), text(value.zh)];
}

function bandCell(match: BandMatch): Cell {
  if ('range' in match) return printRange(match.range);
  if ('values' in match) return quoteText(joinList(match.values));
  return match.is;
}

/** The rows of a condition tree: [level, condition, operator, value]. */
function treeRows(node: ConditionNode, level: number, out: Row[]): void {
  const indent = '  '.repeat(level - 1);
  if ('all' in node || 'any' in node) {
    const children = 'all' in node ? node.all : node.any;
    out.push([level, `${indent}${'all' in node ? 'ALL' : 'ANY'}`, null, null]);
    for (const child of children) treeRows(child, level + 1, out);
    return;
  }
  if ('not' in node) {
    out.push([level, `${indent}NOT`, null, null]);
    treeRows(node.not, level + 1, out);
    return;
  }
  const leaf = `${indent}${quoteText(node.input)}`;
  switch (node.op) {
    case '=':
    case '<>':
    case '<':
    case '<=':
    case '>':
    case '>=':
      out.push([level, leaf, node.op, typeof node.value === 'string' ? quoteValue(node.value) : node.value]);
      return;
    case 'between':
      out.push([level, leaf, 'between', printRange(node.range)]);
      return;
    case 'in':
      out.push([level, leaf, 'in', list(node.values.map(String)) ?? quoteText('')]);
      return;
    case 'blank':
      out.push([level, leaf, 'is blank', null]);
      return;
    case 'not_blank':
      out.push([level, leaf, 'not blank', null]);
      return;
    case 'contains':
      out.push([level, leaf, 'contains', quoteText(node.value)]);
      return;
    default:
      assertNever(node, 'condition');
  }
}

/** A text compared with an input: quoted also when it would read back as a number or a boolean. */
function quoteValue(value: string): string {
  const quoted = quoteText(value);
  if (quoted !== value) return quoted;
  return parseBoolean(value) !== -1 || Number.isFinite(parseNumber(value)) ? `'${value}` : value;
}

class Block {
  readonly rows: Row[] = [];
  private open: { key: SectionKey; header: number } | undefined;

  key(key: TitleKey, ...values: Cell[]): void {
    this.rows.push([heading(TITLE_KEYS[key]), ...values]);
  }

  section(key: SectionKey, headings: Cell[] = SECTIONS[key].columns.map(heading)): void {
    this.close();
    this.open = { key, header: this.rows.length + 2 };
    this.rows.push([]);
    this.rows.push([heading(SECTIONS[key])]);
    this.rows.push(headings);
  }

  row(...cells: Cell[]): void {
    this.rows.push(cells);
  }

  /** Drops the open section's optional columns that no row fills. */
  private close(): void {
    const open = this.open;
    this.open = undefined;
    if (open === undefined || open.key === 'matrix' || open.key === 'breakpoints') return;
    const columns = SECTIONS[open.key].columns;
    const required = REQUIRED_COLUMNS[open.key];
    const rows = this.rows.slice(open.header + 1);
    const keep = columns
      .map((column, c) => required.includes(column.key) || rows.some((row) => row[c] !== null && row[c] !== undefined))
      .map((kept, c) => (kept ? c : -1))
      .filter((c) => c >= 0);
    for (let r = open.header; r < this.rows.length; r++) {
      const row = this.rows[r] as Row;
      this.rows[r] = keep.map((c) => row[c] ?? null);
    }
  }

  /** Rectangular, every missing cell null, trailing empty columns dropped. */
  done(): Cell[][] {
    this.close();
    let width = 0;
    for (const row of this.rows) {
      for (let c = row.length - 1; c >= 0; c--) {
        if (row[c] !== null && row[c] !== undefined) {
          width = Math.max(width, c + 1);
          break;
        }
      }
    }
    return this.rows.map((row) => Array.from({ length: width }, (_, c) => row[c] ?? null));
  }
}

function printAxis(block: Block, key: 'matrixRows' | 'matrixColumns', axis: MatrixAxis): void {
  block.section(key);
  for (const band of axis.bands) block.row(quoteText(band.id), bandCell(band.match), ...localized(band.label));
}

/**
 * Prints a grading table as a rectangular block of cells (the sheet form):
 * a title block and labelled sections with bilingual headings. The inverse of
 * {@link parseSheetTable}.
 */
export function printSheetTable(table: GradingTable): Cell[][] {
  const block = new Block();
  const method = table.method;
  block.row(MARKER, heading(VERSION_KEY), table.version);
  block.key('id', quoteText(table.id));
  block.key('name', ...localized(table.name));
  if (table.description !== undefined) block.key('description', ...localized(table.description));
  if (table.category !== undefined) block.key('category', quoteText(table.category));
  block.key('method', method.kind);
  // RFM tables print their method's as-of date under the same key.
  if (table.asOf !== undefined && method.kind !== 'rfm') block.key('asOf', dateCell(table.asOf));
  switch (method.kind) {
    case 'scorecard':
      if (method.round !== undefined) block.key('round', method.round);
      if (method.maxTotal !== undefined) block.key('maxTotal', method.maxTotal);
      break;
    case 'rules':
      if (method.default !== undefined) block.key('default', quoteText(method.default));
      break;
    case 'matrix':
      block.key('rowsInput', quoteText(method.rows.input));
      block.key('columnsInput', quoteText(method.columns.input));
      block.key('output', method.output);
      break;
    case 'rfm':
      if (method.binning !== undefined) block.key('binning', method.binning);
      if (method.bins !== undefined) block.key('bins', num(method.bins.r), num(method.bins.f), num(method.bins.m));
      if (method.closed !== undefined) block.key('closed', method.closed);
      if (method.asOf !== undefined) block.key('asOf', dateCell(method.asOf));
      if (method.default !== undefined) block.key('default', quoteText(method.default));
      break;
    case 'abc':
      block.key('rankedInput', quoteText(method.input));
      break;
    default:
      assertNever(method, 'method');
  }

  block.section('inputs');
  for (const input of table.inputs) {
    block.row(
      quoteText(input.id),
      input.type,
      ...localized(input.label),
      list(input.aliases),
      input.required ?? null,
      input.daysSince ?? null,
      text(input.source?.table),
      input.source?.output ?? null,
      ...localized(input.description),
    );
  }
  if (table.inputs.some((input) => input.values !== undefined && input.values.length > 0)) {
    block.section('values');
    for (const input of table.inputs) {
      for (const value of input.values ?? []) {
        block.row(quoteText(input.id), quoteText(value.id), ...localized(value.label), list(value.aliases));
      }
    }
  }

  switch (method.kind) {
    case 'scorecard': {
      block.section('criteria');
      for (const criterion of method.criteria) {
        const head: Row = [quoteText(criterion.id), quoteText(criterion.input)];
        const decay = criterion.decay;
        const tail: Row = [
          num(criterion.weight),
          num(criterion.blankPoints),
          text(criterion.group),
          text(decay?.age),
          num(decay?.halfLife),
          decay?.steps ? printDecaySteps(decay.steps) : null,
          ...localized(criterion.label),
        ];
        if (criterion.bands.length === 0) block.row(...head, null, null, ...tail);
        criterion.bands.forEach((band, i) =>
          i === 0
            ? block.row(...head, bandCell(band.match), band.points, ...tail)
            : block.row(null, null, bandCell(band.match), band.points),
        );
      }
      if (method.multipliers !== undefined && method.multipliers.length > 0) {
        block.section('multipliers');
        for (const multiplier of method.multipliers) {
          const tree: Row[] = [];
          treeRows(multiplier.when, 1, tree);
          tree.forEach((cells, i) =>
            i === 0
              ? block.row(quoteText(multiplier.id), multiplier.factor, ...cells, ...localized(multiplier.label))
              : block.row(null, null, ...cells),
          );
        }
      }
      if (method.groupCaps !== undefined && method.groupCaps.length > 0) {
        block.section('pointCaps');
        for (const cap of method.groupCaps) block.row(quoteText(cap.group), cap.max);
      }
      printThresholds(block, method.thresholds);
      break;
    }
    case 'rules':
      block.section('rules');
      for (const rule of method.rules) {
        const tree: Row[] = [];
        treeRows(rule.when, 1, tree);
        tree.forEach((cells, i) =>
          i === 0 ? block.row(quoteText(rule.tier), ...cells, ...localized(rule.label)) : block.row(null, ...cells),
        );
      }
      break;
    case 'matrix':
      printAxis(block, 'matrixRows', method.rows);
      printAxis(block, 'matrixColumns', method.columns);
      block.section('matrix', [null, ...method.columns.bands.map((band) => quoteText(band.id))]);
      method.rows.bands.forEach((band, r) =>
        block.row(
          quoteText(band.id),
          ...(method.cells[r] ?? []).map((value) => (typeof value === 'string' ? quoteText(value) : value)),
        ),
      );
      if (method.thresholds !== undefined) printThresholds(block, method.thresholds);
      break;
    case 'rfm':
      if (method.breakpoints !== undefined) {
        block.section('breakpoints');
        for (const dimension of DIMENSIONS) {
          const points = method.breakpoints[dimension];
          if (points !== undefined) block.row(dimension.toUpperCase(), ...points);
        }
      }
      if (method.caps !== undefined) {
        block.section('caps');
        for (const dimension of DIMENSIONS) {
          const cap = method.caps[dimension];
          if (cap === undefined) continue;
          if ('percentile' in cap) block.row(dimension.toUpperCase(), 'percentile', cap.percentile);
          else block.row(dimension.toUpperCase(), 'value', cap.value);
        }
      }
      block.section('segments');
      for (const segment of method.segments) {
        block.row(
          quoteText(segment.tier),
          ...scoreRange(segment.r),
          ...scoreRange(segment.f),
          ...scoreRange(segment.m),
          ...scoreRange(segment.fm),
        );
      }
      break;
    case 'abc':
      block.section('cuts');
      for (const cut of method.cuts) block.row(quoteText(cut.tier), num(cut.upTo));
      break;
    default:
      assertNever(method, 'method');
  }

  block.section('tiers');
  for (const tier of table.tiers) {
    block.row(
      quoteText(tier.id),
      ...localized(tier.label),
      quoteText(tier.fill),
      quoteText(tier.font),
      ...localized(tier.strategy),
      ...localized(tier.cadence),
      num(tier.targetShare),
      num(tier.score),
    );
  }
  return block.done();
}

const DIMENSIONS = ['r', 'f', 'm'] as const;

/** A segment's score range as its from / to cells; an absent range (any score) is two blank cells. */
function scoreRange(range: readonly [number, number] | undefined): [Cell, Cell] {
  return range === undefined ? [null, null] : [range[0], range[1]];
}

/** An as-of serial as an ISO date text ("'2024-12-31", kept as text by Excel); a serial no date has, as a number. */
function dateCell(serial: number): Cell {
  const iso = Number.isInteger(serial) ? serialToIsoDate(serial) : '';
  return iso === '' ? serial : quoteText(iso);
}

function printThresholds(block: Block, thresholds: readonly Threshold[]): void {
  block.section('thresholds');
  for (const threshold of thresholds) {
    if (threshold.topShare !== undefined) block.row(quoteText(threshold.tier), TOP_SHARE, threshold.topShare);
    else if (threshold.gte !== undefined) block.row(quoteText(threshold.tier), '>=', threshold.gte);
    else if (threshold.gt !== undefined) block.row(quoteText(threshold.tier), '>', threshold.gt);
    else block.row(quoteText(threshold.tier), OTHERWISE, null);
  }
}
