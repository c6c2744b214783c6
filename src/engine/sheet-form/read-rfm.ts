/** An RFM method from the sheet form: binning, bins, closed side, as-of date, breakpoints, caps and segments. */
import type { RfmMethod, RfmSegment } from '../model';
import type { Cell } from '../values/cell';
import { CAP_WORDS, CLOSED_WORDS, DIMENSION_WORDS, SECTIONS, heading, type SectionKey, type TitleKey } from './layout';
import { isBlankCell } from './text';
import { readDefault } from './read-rules';
import { type DataRow, type Section, Reader, readDate } from './reader';
import { cellOfRow, requireColumns, rowReader } from './section-rows';

const BINNINGS: Record<'quantile' | 'rfm-package' | 'fixed', string[]> = {
  quantile: ['quantile', '分位数'],
  'rfm-package': ['rfm-package'],
  fixed: ['fixed', '固定'],
};

export function readRfm(
  reader: Reader,
  title: Map<TitleKey, { index: number; cells: Cell[] }>,
  sections: Map<SectionKey, Section>,
  segmentsSection: Section | undefined,
): RfmMethod {
  const method: RfmMethod = { kind: 'rfm', segments: [] };
  const binning = title.get('binning');
  if (binning !== undefined) {
    const value = reader.keyword(binning.cells[1], BINNINGS, 'method.binning', binning.index, 1);
    if (value !== undefined) {
      method.binning = value;
      reader.at('method.binning', binning.index, 1);
    }
  }
  const bins = title.get('bins');
  if (bins !== undefined) {
    method.bins = {};
    reader.at('method.bins', bins.index, 1);
    DIMENSIONS.forEach((dimension, i) => {
      const value = reader.number(bins.cells[i + 1], `method.bins.${dimension}`, bins.index, i + 1);
      if (value !== undefined && method.bins) {
        method.bins[dimension] = value;
        reader.at(`method.bins.${dimension}`, bins.index, i + 1);
      }
    });
  }
  const closed = title.get('closed');
  if (closed !== undefined) {
    const value = reader.keyword(closed.cells[1], CLOSED_WORDS, 'method.closed', closed.index, 1);
    if (value !== undefined) {
      method.closed = value;
      reader.at('method.closed', closed.index, 1);
    }
  }
  const asOf = title.get('asOf');
  if (asOf !== undefined) {
    const serial = readDate(reader, asOf.cells[1], 'method.asOf', asOf.index, 1);
    if (serial !== undefined) method.asOf = serial;
  }
  const fallback = readDefault(reader, title);
  const breakpointsSection = sections.get('breakpoints');
  if (breakpointsSection !== undefined) {
    const breakpoints: NonNullable<RfmMethod['breakpoints']> = {};
    if (breakpointsSection.header !== undefined) reader.at('method.breakpoints', breakpointsSection.header.index, 0);
    for (const { index, cells } of breakpointsSection.raw) {
      const dimension = reader.keyword(cells[0], DIMENSION_WORDS, 'method.breakpoints', index, 0);
      if (dimension === undefined) continue;
      if (breakpoints[dimension] !== undefined) {
        reader.syntax(`method.breakpoints.${dimension}`, index, 0, 'sheet.duplicate-key', {
          text: dimension.toUpperCase(),
        });
        continue;
      }
      reader.at(`method.breakpoints.${dimension}`, index, 0);
      const points: number[] = [];
      for (let c = 1; c < cells.length; c++) {
        const path = `method.breakpoints.${dimension}[${points.length}]`;
        const value = reader.number(cells[c], path, index, c);
        if (value !== undefined) {
          reader.at(path, index, c);
          points.push(value);
        } else if (isBlankCell(cells[c])) reader.problem('missing-field', path, index, c, { field: 'breakpoint' });
      }
      breakpoints[dimension] = points;
    }
    method.breakpoints = breakpoints;
  }
  const capsSection = sections.get('caps');
  if (capsSection !== undefined) {
    const caps = readCaps(reader, capsSection);
    if (caps !== undefined) method.caps = caps;
  }
  if (segmentsSection !== undefined && requireColumns(reader, segmentsSection)) {
    segmentsSection.rows.forEach((row, i) => {
      const r = rowReader(reader, row);
      const path = `method.segments[${i}]`;
      reader.at(path, row.index, 0);
      const segment: RfmSegment = { tier: r.word('tier', `${path}.tier`, true) ?? '' };
      for (const key of ['r', 'f', 'm', 'fm'] as const) {
        const range = readScoreRange(reader, row, key, `${path}.${key}`);
        if (range !== undefined) segment[key] = range;
      }
      method.segments.push(segment);
    });
  }
  if (fallback !== undefined) method.default = fallback;
  return method;
}

const DIMENSIONS = ['r', 'f', 'm'] as const;

/**
 * A segment's range on one score from its "from" and "to" columns. Both blank
 * (or both columns left out): absent, any score. One of the two blank: a problem at it.
 */
function readScoreRange(
  reader: Reader,
  row: DataRow,
  key: 'r' | 'f' | 'm' | 'fm',
  path: string,
): [number, number] | undefined {
  const from = cellOfRow(row, `${key}From`);
  const to = cellOfRow(row, `${key}To`);
  const fromBlank = isBlankCell(from.cell);
  const toBlank = isBlankCell(to.cell);
  if (fromBlank && toBlank) return undefined;
  const headings = SECTIONS.segments.columns;
  const words = {
    from: heading(headings.find((c) => c.key === `${key}From`) as { en: string; zh: string }),
    to: heading(headings.find((c) => c.key === `${key}To`) as { en: string; zh: string }),
  };
  if (fromBlank || toBlank) {
    // The blank cell when its column is there, else the filled one.
    const blank = fromBlank ? from : to;
    const column = blank.col >= 0 ? blank.col : (fromBlank ? to : from).col;
    reader.syntax(path, row.index, column, 'sheet.half-range', words);
    return undefined;
  }
  const low = reader.number(from.cell, `${path}[0]`, row.index, from.col);
  const high = reader.number(to.cell, `${path}[1]`, row.index, to.col);
  reader.at(path, row.index, from.col);
  reader.at(`${path}[0]`, row.index, from.col);
  reader.at(`${path}[1]`, row.index, to.col);
  return low === undefined || high === undefined ? undefined : [low, high];
}

/** The Caps section: one row per capped dimension, by percentile (0..1) or by value. */
function readCaps(reader: Reader, section: Section): RfmMethod['caps'] {
  if (!requireColumns(reader, section)) return undefined;
  const caps: NonNullable<RfmMethod['caps']> = {};
  if (section.header !== undefined) reader.at('method.caps', section.header.index, 0);
  for (const row of section.rows) {
    const r = rowReader(reader, row);
    const dimensionCell = cellOfRow(row, 'dimension');
    if (isBlankCell(dimensionCell.cell)) {
      reader.problem('missing-field', 'method.caps', row.index, r.col('dimension'), { field: 'dimension' });
      continue;
    }
    const dimension = reader.keyword(dimensionCell.cell, DIMENSION_WORDS, 'method.caps', row.index, r.col('dimension'));
    if (dimension === undefined) continue;
    const path = `method.caps.${dimension}`;
    if (caps[dimension] !== undefined) {
      reader.syntax(path, row.index, r.col('dimension'), 'sheet.duplicate-key', { text: dimension.toUpperCase() });
      continue;
    }
    reader.at(path, row.index, r.col('dimension'));
    const kindCell = cellOfRow(row, 'kind');
    const kind = isBlankCell(kindCell.cell)
      ? undefined
      : reader.keyword(kindCell.cell, CAP_WORDS, `${path}.kind`, row.index, r.col('kind'));
    if (kind === undefined && isBlankCell(kindCell.cell))
      reader.problem('missing-field', `${path}.kind`, row.index, r.col('kind'), { field: 'kind' });
    const value = r.number('value', `${path}.${kind ?? 'value'}`, true);
    if (kind === undefined || value === undefined) continue;
    caps[dimension] = kind === 'percentile' ? { percentile: value } : { value };
  }
  return caps;
}
