import type { ConditionNode, GradingTable, Method, TableProblem } from '../../engine';

/** A table method narrowed to one kind. */
export type MethodOf<K extends Method['kind']> = Extract<Method, { kind: K }>;

/** Problems at a JSON path or inside it (the engine's validation paths). */
export function problemsAt(problems: readonly TableProblem[], path: string): TableProblem[] {
  return problems.filter((p) => p.path === path || p.path.startsWith(`${path}.`) || p.path.startsWith(`${path}[`));
}

/** A copy of the draft with one change made by `edit`. */
export function edited(draft: GradingTable, edit: (copy: GradingTable) => void): GradingTable {
  // Tables are JSON data: a JSON round trip is an exact copy.
  const copy = JSON.parse(JSON.stringify(draft)) as GradingTable;
  edit(copy);
  return copy;
}

/** Moves list[from] to list[to], in place; out-of-range moves do nothing. */
export function move<T>(list: T[], from: number, to: number): void {
  if (from < 0 || to < 0 || from >= list.length || to >= list.length) return;
  const [item] = list.splice(from, 1);
  list.splice(to, 0, item as T);
}

/** A number typed in a cell: undefined when blank or not a number. */
export function typedNumber(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : undefined;
}

/** Items typed as "a; b" (either semicolon). */
export function typedList(text: string): string[] {
  return text
    .split(/[;；]/)
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

function renameInCondition(node: ConditionNode, from: string, to: string): void {
  if ('all' in node) node.all.forEach((child) => renameInCondition(child, from, to));
  else if ('any' in node) node.any.forEach((child) => renameInCondition(child, from, to));
  else if ('not' in node) renameInCondition(node.not, from, to);
  else if (node.input === from) node.input = to;
}

/** Whether ids other than the one at `index` use `from` or `to`: then references stay as they are. */
function shared(ids: string[], index: number, from: string, to: string): boolean {
  return ids.some((id, i) => i !== index && (id === from || id === to));
}

/**
 * Renames input `index` and every reference to it, so a rename does not break the table; when
 * another input has the old or new id, only the input itself changes (validation then says so).
 */
export function renameInput(table: GradingTable, index: number, to: string): void {
  const input = table.inputs[index];
  if (!input) return;
  const from = input.id;
  input.id = to;
  if (
    shared(
      table.inputs.map((i) => i.id),
      index,
      from,
      to,
    )
  )
    return;
  const method = table.method;
  switch (method.kind) {
    case 'scorecard':
      for (const criterion of method.criteria) if (criterion.input === from) criterion.input = to;
      for (const multiplier of method.multipliers ?? []) renameInCondition(multiplier.when, from, to);
      break;
    case 'rules':
      for (const rule of method.rules) renameInCondition(rule.when, from, to);
      break;
    case 'matrix':
      for (const axis of [method.rows, method.columns]) if (axis.input === from) axis.input = to;
      break;
    case 'rfm':
      break;
  }
}

/** Renames tier `index` and every reference to it (as renameInput does for inputs). */
export function renameTier(table: GradingTable, index: number, to: string): void {
  const tier = table.tiers[index];
  if (!tier) return;
  const from = tier.id;
  tier.id = to;
  if (
    shared(
      table.tiers.map((t) => t.id),
      index,
      from,
      to,
    )
  )
    return;
  const method = table.method;
  const thresholds = method.kind === 'scorecard' || method.kind === 'matrix' ? (method.thresholds ?? []) : [];
  for (const threshold of thresholds) if (threshold.tier === from) threshold.tier = to;
  if (method.kind === 'rules' || method.kind === 'rfm') {
    if (method.default === from) method.default = to;
  }
  if (method.kind === 'rules') for (const rule of method.rules) if (rule.tier === from) rule.tier = to;
  if (method.kind === 'rfm') for (const segment of method.segments) if (segment.tier === from) segment.tier = to;
  if (method.kind === 'matrix' && method.output === 'tier')
    method.cells = method.cells.map((row) => row.map((cell) => (cell === from ? to : cell)));
}

function luminance(hex: string): number | undefined {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (!m) return undefined;
  const [r, g, b] = [m[1], m[2], m[3]].map((part) => {
    const c = parseInt(part as string, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two #RRGGBB colours (1..21); undefined when either is not a colour. */
export function contrastRatio(a: string, b: string): number | undefined {
  const la = luminance(a);
  const lb = luminance(b);
  if (la === undefined || lb === undefined) return undefined;
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** WCAG AA for normal text. */
export const MIN_CONTRAST = 4.5;

/** What every editor of a part of the table receives. */
export interface PartEditorProps {
  table: GradingTable;
  /** Problems at a validation path, as the pane says them. */
  say: (path: string) => string[];
  /** Makes one change to a copy of the table and hands it on. */
  set: (edit: (copy: GradingTable) => void) => void;
}
