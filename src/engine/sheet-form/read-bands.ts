/** Band cells (a criterion band, a matrix axis band) and the Thresholds section, shared by scorecards and matrices. */
import type { BandMatch, Threshold } from '../model';
import type { Cell } from '../values/cell';
import { OTHERWISE_WORDS, TOP_SHARE_WORDS } from './layout';
import { isBlankCell, parseRange, splitList } from './text';
import { type Section, Reader } from './reader';
import { cellOfRow, requireColumns, rowReader } from './section-rows';

const THRESHOLD_OPS: Record<'>=' | '>' | 'top' | 'otherwise', string[]> = {
  '>=': ['>=', '≥', '=>'],
  '>': ['>'],
  top: TOP_SHARE_WORDS,
  otherwise: OTHERWISE_WORDS.concat(['otherwise / 其余']),
};

/** A band cell read according to the input's type (by its shape when the input is unknown). */
export function readBand(
  reader: Reader,
  input: string | undefined,
  cell: Cell,
  path: string,
  index: number,
  column: number,
): BandMatch | undefined {
  const type = input === undefined ? undefined : reader.inputTypes.get(input);
  reader.at(path, index, column);
  reader.at(`${path}.match`, index, column);
  const matchPath = `${path}.match`;
  if (isBlankCell(cell)) {
    reader.problem('missing-field', matchPath, index, column, { field: 'match' });
    return undefined;
  }
  if (type === 'boolean' || (type === undefined && typeof cell === 'boolean')) {
    const is = reader.boolean(cell, `${matchPath}.is`, index, column);
    return is === undefined ? undefined : { is };
  }
  const t = reader.text(cell, matchPath, index, column);
  if (t === undefined) return undefined;
  if (type === 'category' || type === 'text') {
    reader.at(`${matchPath}.values`, index, column);
    return { values: splitList(t.text).map((v) => v.normalize('NFKC')) };
  }
  const range = typeof cell === 'string' ? parseRange(t.text) : undefined;
  if (range !== undefined) {
    reader.at(`${matchPath}.range`, index, column);
    return { range };
  }
  if (type === undefined) return { values: splitList(t.text).map((v) => v.normalize('NFKC')) };
  reader.problem('bad-range', `${matchPath}.range`, index, column, { range: t.text });
  return undefined;
}

export function readThresholds(reader: Reader, section: Section | undefined, base: string): Threshold[] {
  const thresholds: Threshold[] = [];
  if (section === undefined || !requireColumns(reader, section)) return thresholds;
  section.rows.forEach((row, i) => {
    const r = rowReader(reader, row);
    const path = `${base}[${i}]`;
    reader.at(path, row.index, 0);
    const tier = r.word('tier', `${path}.tier`, true) ?? '';
    const opCell = cellOfRow(row, 'op');
    const op = isBlankCell(opCell.cell)
      ? undefined
      : reader.keyword(opCell.cell, THRESHOLD_OPS, `${path}.gte`, row.index, opCell.col);
    const score = r.number('score', `${path}.gte`);
    const threshold: Threshold = { tier };
    if (op === 'otherwise' && score !== undefined) {
      reader.syntax(`${path}.gte`, row.index, r.col('score'), 'sheet.unexpected-value', { op: 'otherwise' });
    } else if (op === '>' && score !== undefined) {
      threshold.gt = score;
      reader.at(`${path}.gt`, row.index, r.col('score'));
    } else if (op === 'top' && score !== undefined) {
      threshold.topShare = score;
      reader.at(`${path}.topShare`, row.index, r.col('score'));
    } else if (op !== 'otherwise' && score !== undefined) {
      threshold.gte = score;
    } else if ((op === '>' || op === '>=' || op === 'top') && score === undefined && r.blank('score')) {
      reader.problem('missing-field', `${path}.gte`, row.index, r.col('score'), { field: 'score' });
    }
    thresholds.push(threshold);
  });
  return thresholds;
}
