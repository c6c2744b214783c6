/**
 * What the pane decides without the workbook: which tables are on offer,
 * compiling, mapping, grading, samples, ungraded rows and migration between
 * snapshots. Plain functions over engine results, tested without React.
 */
import {
  compileTable,
  formatGradeError,
  mapColumns,
  validateTable,
  type Cell,
  type ColumnMapping,
  type CompiledTable,
  type GradeBatch,
  type GradingTable,
  type Locale,
  type TableProblem,
} from '../engine';
import { PRESETS, getPreset } from '../engine/presets';
import { segmentMigration } from '../engine/rfm';
import { normalizeKey } from '../engine/values/coerce';
import { dataColumnCount } from '../excel/build-plan';
import type { DataRegion, Snapshot, StoredTable } from '../excel/workbook';
import { localize } from '../i18n';

export interface TableChoice {
  /** "workbook:TW_x" or "preset:x". */
  key: string;
  table: GradingTable;
}

export interface ChoiceGroup {
  /** "workbook" or a preset category. */
  group: string;
  choices: TableChoice[];
}

/** Workbook tables first, then presets by category; filtered by a query over ids and names in both languages. */
export function tableChoices(stored: readonly StoredTable[], query: string): ChoiceGroup[] {
  const wanted = normalizeKey(query);
  const matches = (table: GradingTable) =>
    wanted === '' ||
    [table.id, table.name.en, table.name.zh ?? '', table.category ?? ''].some((text) =>
      normalizeKey(text).includes(wanted),
    );
  const groups: ChoiceGroup[] = [];
  const inWorkbook = stored.filter((s) => matches(s.table)).map((s) => ({ key: `workbook:${s.name}`, table: s.table }));
  if (inWorkbook.length > 0) groups.push({ group: 'workbook', choices: inWorkbook });
  for (const preset of PRESETS) {
    if (!matches(preset)) continue;
    const group = preset.category ?? 'other';
    let entry = groups.find((g) => g.group === group);
    if (!entry) {
      entry = { group, choices: [] };
      groups.push(entry);
    }
    entry.choices.push({ key: `preset:${preset.id}`, table: preset });
  }
  return groups;
}

/** Finds tables a table takes results from: the workbook's first, then presets. */
export function resolverFor(stored: readonly StoredTable[]): (id: string) => GradingTable | undefined {
  return (id) => stored.find((s) => s.table.id === id)?.table ?? getPreset(id);
}

export type Compiled = { ok: true; compiled: CompiledTable } | { ok: false; problems: TableProblem[] };

export function compileDraft(draft: unknown, stored: readonly StoredTable[]): Compiled {
  const resolve = resolverFor(stored);
  const problems = validateTable(draft, { resolve });
  if (problems.length > 0) return { ok: false, problems };
  return compileTable(draft, { resolve });
}

/** Inputs to data columns (not to the Score, Tier ... columns an earlier Apply wrote). */
export function mappingFor(
  compiled: CompiledTable,
  region: DataRegion,
  overrides: Record<string, string>,
): ColumnMapping {
  return mapColumns(compiled.columns, region.headers.slice(0, dataColumnCount(region)), overrides);
}

export interface Sample {
  row: number;
  tier?: string;
  text: string;
}

/** A few rows with their explanation: the first of each tier, then the first ungraded. */
export function samplesOf(
  compiled: CompiledTable,
  rows: readonly (readonly Cell[])[],
  map: ArrayLike<number>,
  batch: GradeBatch,
  locale: Locale,
  nameOf: (input: string) => string = (id) => id,
  limit = 5,
): Sample[] {
  const picked: number[] = [];
  const seen = new Set<number>();
  for (let i = 0; i < batch.count && picked.length < limit; i++) {
    const tier = batch.tiers[i]!;
    if (seen.has(tier)) continue;
    seen.add(tier);
    picked.push(i);
  }
  return picked
    .sort((a, b) => a - b)
    .map((i) => {
      const explained = compiled.explainRow(rows[i]!, map);
      if (!explained.ok) {
        // Batch-only tables (RFM) explain from the batch: the tier and score the whole population gave.
        const error = batch.errors.get(i);
        if (error) return { row: i, text: formatGradeError(error, locale, nameOf) };
        const k = batch.tiers[i]!;
        const why = batch.explain?.(i);
        const text = why ? why[locale === 'zh-CN' ? 'zh' : 'en'] : localize(compiled.tiers[k]!.label, locale);
        return { row: i, tier: compiled.tiers[k]!.id, text };
      }
      return { row: i, tier: explained.tier, text: explained.explanation.text[locale === 'zh-CN' ? 'zh' : 'en'] };
    });
}

export interface Ungraded {
  row: number;
  reason: string;
}

export function ungradedOf(batch: GradeBatch, locale: Locale, nameOf: (input: string) => string): Ungraded[] {
  return [...batch.errors.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([row, error]) => ({ row, reason: formatGradeError(error, locale, nameOf) }));
}

export interface MigrationView {
  from: string;
  to: string;
  /** Row and column labels: the tiers, then "absent" (new or gone). */
  labels: string[];
  matrix: number[][];
  up: string[];
  down: string[];
}

/** Snapshot ids to compare: `from` the earlier, `to` the later. */
export interface MigrationChoice {
  from: string;
  to: string;
}

/**
 * Who moved between two snapshots of a table (tiers best first: a lower index is up): the chosen
 * ones, else the last two.
 */
export function migrationOf(
  snapshots: readonly Snapshot[],
  table: GradingTable,
  chosen?: MigrationChoice,
): MigrationView | undefined {
  const mine = snapshots.filter((s) => s.table === table.id);
  const pick = (id: string | undefined) => (id === undefined ? undefined : mine.find((s) => s.id === id));
  const before = pick(chosen?.from) ?? mine[mine.length - 2];
  const after = pick(chosen?.to) ?? mine[mine.length - 1];
  if (!before || !after || before === after) return undefined;
  const index = new Map(table.tiers.map((t, k) => [t.id, k]));
  const side = (s: Snapshot) => ({
    ids: s.entries.map((e) => e.key),
    segments: s.entries.map((e) => index.get(e.tier) ?? -1),
  });
  const tierCount = table.tiers.length;
  const migration = segmentMigration(side(before), side(after), tierCount);
  const up: string[] = [];
  const down: string[] = [];
  for (const mover of migration.movers) {
    if (mover.from >= tierCount || mover.to >= tierCount) continue;
    (mover.to < mover.from ? up : down).push(String(mover.id));
  }
  // Drop the "others" row and column (a tier id that is no longer in the table).
  const keep = [...table.tiers.keys(), migration.absent];
  return {
    from: before.date,
    to: after.date,
    labels: [...table.tiers.map((t) => t.id), 'absent'],
    matrix: keep.map((r) => keep.map((c) => migration.matrix[r]![c]!)),
    up,
    down,
  };
}
