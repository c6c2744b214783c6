/** An ABC (Pareto) method from the sheet form. */
import type { AbcCut, AbcMethod } from '../model';
import type { Cell } from '../values/cell';
import { TITLE_KEYS, heading, type TitleKey } from './layout';
import { isBlankCell } from './text';
import { type Section, Reader } from './reader';
import { requireColumns, rowReader } from './section-rows';

/** ABC: the "Ranked input" title entry and the "Cuts" section (the last share blank). */
export function readAbc(
  reader: Reader,
  title: Map<TitleKey, { index: number; cells: Cell[] }>,
  section: Section | undefined,
  end: number,
): AbcMethod {
  const method: AbcMethod = { kind: 'abc', input: '', cuts: [] };
  const entry = title.get('rankedInput');
  if (entry === undefined) {
    reader.problem('missing-field', 'method.input', end, 0, { field: heading(TITLE_KEYS.rankedInput) });
  } else {
    const input = reader.word(entry.cells[1], 'method.input', entry.index, 1);
    if (input !== undefined) {
      method.input = input;
      reader.at('method.input', entry.index, 1);
    } else if (isBlankCell(entry.cells[1])) {
      reader.problem('missing-field', 'method.input', entry.index, 1, { field: heading(TITLE_KEYS.rankedInput) });
    }
  }
  if (section === undefined || !requireColumns(reader, section)) return method;
  section.rows.forEach((row, i) => {
    const r = rowReader(reader, row);
    const path = `method.cuts[${i}]`;
    reader.at(path, row.index, 0);
    const cut: AbcCut = { tier: r.word('tier', `${path}.tier`, true) ?? '' };
    const upTo = r.number('upTo', `${path}.upTo`);
    if (upTo !== undefined) cut.upTo = upTo;
    method.cuts.push(cut);
  });
  return method;
}
