/** Condition trees from the sheet form (rules and multipliers): one row a node, levels say the nesting. */
import { type ConditionNode, TABLE_LIMITS } from '../model';
import { GROUP_WORDS, OPERATOR_WORDS } from './layout';
import { isBlankCell, normalizeWord, numberFromText, parseRange, splitList } from './text';
import { type DataRow, Reader, booleanWord } from './reader';
import { cellOfRow, rowReader } from './section-rows';

const OP_WORDS = OPERATOR_WORDS as Record<
  '=' | '<>' | '<' | '<=' | '>' | '>=' | 'between' | 'in' | 'blank' | 'not_blank' | 'contains',
  string[]
>;

interface TreeRow {
  row: DataRow;
  level: number;
}

/** One condition tree from its rows (see print.ts): levels say the nesting. */
export function readTree(reader: Reader, rows: DataRow[], path: string): ConditionNode | undefined {
  const items: TreeRow[] = [];
  for (const row of rows) {
    const r = rowReader(reader, row);
    const levelCell = cellOfRow(row, 'level');
    let level: number | undefined;
    if (isBlankCell(levelCell.cell)) {
      const node = cellOfRow(row, 'node').cell;
      const indent = typeof node === 'string' ? (/^ */.exec(node)?.[0].length ?? 0) : 0;
      level = Math.floor(indent / 2) + 1;
    } else level = reader.number(levelCell.cell, path, row.index, levelCell.col);
    if (level === undefined) return undefined;
    if (!Number.isInteger(level) || level < 1) {
      reader.syntax(path, row.index, r.col('level'), 'sheet.bad-level', { level, previous: items.at(-1)?.level ?? 0 });
      return undefined;
    }
    items.push({ row, level });
  }
  if (items.length === 0) return undefined;
  const position = { i: 0 };
  const root = readNode(reader, items, position, 1, path);
  const extra = items[position.i];
  if (root !== undefined && extra !== undefined) {
    reader.syntax(
      path,
      extra.row.index,
      rowReader(reader, extra.row).col('level'),
      extra.level === 1 ? 'sheet.two-roots' : 'sheet.bad-level',
      {
        level: extra.level,
        previous: items[position.i - 1]?.level ?? 0,
      },
    );
    return undefined;
  }
  return root;
}

function readNode(
  reader: Reader,
  items: TreeRow[],
  position: { i: number },
  level: number,
  path: string,
): ConditionNode | undefined {
  const item = items[position.i] as TreeRow;
  const { row } = item;
  const r = rowReader(reader, row);
  if (item.level !== level) {
    reader.syntax(path, row.index, r.col('level'), 'sheet.bad-level', { level: item.level, previous: level - 1 });
    return undefined;
  }
  position.i++;
  reader.at(path, row.index, r.col('node'));
  // Deeper than a table may nest is refused here, before the recursion could exhaust the stack.
  if (level > TABLE_LIMITS.conditionDepth) {
    reader.problem('too-deep', path, row.index, r.col('level'), { limit: TABLE_LIMITS.conditionDepth });
    return undefined;
  }
  const nodeCell = cellOfRow(row, 'node');
  const nodeText = reader.word(nodeCell.cell, path, row.index, nodeCell.col);
  if (nodeText === undefined) {
    reader.problem('missing-field', path, row.index, r.col('node'), { field: 'condition' });
    return undefined;
  }
  const childRows = (): number => {
    let n = 0;
    for (let j = position.i; j < items.length && (items[j] as TreeRow).level > level; j++) n++;
    return n;
  };
  const opBlank = r.blank('op');
  const group = opBlank ? groupWord(nodeText) : undefined;
  if (group !== undefined) {
    if (!r.blank('value')) {
      reader.syntax(path, row.index, r.col('value'), 'sheet.group-has-operator');
      return undefined;
    }
    const children: ConditionNode[] = [];
    while (position.i < items.length && (items[position.i] as TreeRow).level > level) {
      const childPath = group === 'not' ? `${path}.not` : `${path}.${group}[${children.length}]`;
      const child = readNode(reader, items, position, level + 1, childPath);
      if (child === undefined) return undefined;
      children.push(child);
    }
    if (group === 'not') {
      if (children.length !== 1) {
        reader.syntax(path, row.index, r.col('node'), 'sheet.not-one-child');
        return undefined;
      }
      return { not: children[0] as ConditionNode };
    }
    return group === 'all' ? { all: children } : { any: children };
  }
  if (childRows() > 0) {
    const next = items[position.i] as TreeRow;
    reader.syntax(path, next.row.index, r.col('level'), 'sheet.leaf-children');
    return undefined;
  }
  return readLeaf(reader, row, nodeText, path);
}

function groupWord(text: string): 'all' | 'any' | 'not' | undefined {
  const norm = normalizeWord(text);
  for (const key of ['all', 'any', 'not'] as const) if (GROUP_WORDS[key].includes(norm)) return key;
  return undefined;
}

function readLeaf(reader: Reader, row: DataRow, input: string, path: string): ConditionNode | undefined {
  const r = rowReader(reader, row);
  reader.at(`${path}.input`, row.index, r.col('node'));
  const opCell = cellOfRow(row, 'op');
  if (isBlankCell(opCell.cell)) {
    reader.problem('missing-field', `${path}.op`, row.index, r.col('op'), { field: 'op' });
    return undefined;
  }
  const op = reader.keyword(opCell.cell, OP_WORDS, `${path}.op`, row.index, opCell.col);
  if (op === undefined) return undefined;
  reader.at(`${path}.op`, row.index, opCell.col);
  const valueCell = cellOfRow(row, 'value');
  const valueCol = r.col('value');
  const type = reader.inputTypes.get(input);
  if (op === 'blank' || op === 'not_blank') {
    if (!isBlankCell(valueCell.cell)) {
      reader.syntax(`${path}.value`, row.index, valueCol, 'sheet.unexpected-value', { op: OP_WORDS[op][0] as string });
      return undefined;
    }
    return { input, op };
  }
  if (isBlankCell(valueCell.cell)) {
    reader.problem('missing-field', `${path}.value`, row.index, valueCol, { field: 'value' });
    return undefined;
  }
  const cell = valueCell.cell;
  switch (op) {
    case 'between': {
      const t = reader.text(cell, `${path}.range`, row.index, valueCol);
      if (t === undefined) return undefined;
      const range = parseRange(t.text);
      reader.at(`${path}.range`, row.index, valueCol);
      if (range === undefined) {
        reader.problem('bad-range', `${path}.range`, row.index, valueCol, { range: t.text });
        return undefined;
      }
      return { input, op, range };
    }
    case 'in': {
      reader.at(`${path}.values`, row.index, valueCol);
      if (typeof cell === 'number') return { input, op, values: [cell] };
      const t = reader.text(cell, `${path}.values`, row.index, valueCol);
      if (t === undefined) return undefined;
      const numeric = type === 'number' || type === 'date';
      const values = splitList(t.text).map((item) => {
        const n = numeric ? numberFromText(item) : Number.NaN;
        return Number.isFinite(n) ? n : item;
      });
      return { input, op, values };
    }
    case 'contains': {
      reader.at(`${path}.value`, row.index, valueCol);
      const t = reader.text(cell, `${path}.value`, row.index, valueCol);
      return t === undefined ? undefined : { input, op, value: t.text };
    }
    default: {
      reader.at(`${path}.value`, row.index, valueCol);
      if (typeof cell === 'number' || typeof cell === 'boolean') return { input, op, value: cell };
      const t = reader.text(cell, `${path}.value`, row.index, valueCol);
      if (t === undefined) return undefined;
      if (!t.quoted && (type === 'number' || type === 'date')) {
        const n = numberFromText(t.text);
        if (Number.isFinite(n)) return { input, op, value: n };
      }
      if (!t.quoted && type === 'boolean') {
        const b = booleanWord(t.text);
        if (b !== undefined) return { input, op, value: b };
      }
      return { input, op, value: t.text };
    }
  }
}
