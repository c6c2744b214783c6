/**
 * The tables "New table" starts from: empty for one method, a copy of a preset, or the inputs of the
 * current sheet's columns. Each gets the user's name and an id of its own, unique among the workbook's
 * tables and the presets, so saving it (Apply writes it to the rules sheet) replaces nothing.
 */
import {
  TABLE_FORMAT,
  TABLE_FORMAT_VERSION,
  type Cell,
  type GradingTable,
  type InputDef,
  type Method,
  type Tier,
} from '../../engine';
import { PRESET_IDS } from '../../engine/presets';
import { SWATCHES } from '../../engine/presets/palette';
import { RFM_INPUTS } from '../../engine/rfm/presets';
import { idFrom, inputsFromColumns, uniqueId } from './column-inputs';

export const NEW_TABLE_METHODS = ['scorecard', 'rules', 'matrix', 'rfm', 'abc'] as const;
export type NewTableMethod = (typeof NEW_TABLE_METHODS)[number];

export type NewTableStart =
  | { kind: 'empty'; method: NewTableMethod }
  | { kind: 'preset'; preset: GradingTable }
  | { kind: 'columns'; method: NewTableMethod; headers: readonly Cell[]; rows: readonly Cell[][] };

const TIERS: Tier[] = [
  { id: 'A', label: { en: 'A', zh: 'A' }, ...SWATCHES.green },
  { id: 'B', label: { en: 'B', zh: 'B' }, ...SWATCHES.yellow },
  { id: 'C', label: { en: 'C', zh: 'C' }, ...SWATCHES.red },
];

/** Tables are JSON data: a JSON round trip is an exact copy. */
function copyOf<T>(data: T): T {
  return JSON.parse(JSON.stringify(data)) as T;
}

/** The method's skeleton over `inputs`: tiers A, B, C and nothing else the user has not chosen. */
function methodOf(kind: NewTableMethod, inputs: readonly InputDef[]): Method {
  const numbers = inputs.filter((input) => input.type === 'number').map((input) => input.id);
  switch (kind) {
    case 'scorecard':
      return { kind, criteria: [], thresholds: [{ tier: 'A', gte: 80 }, { tier: 'B', gte: 60 }, { tier: 'C' }] };
    case 'rules':
      return { kind, rules: [], default: 'C' };
    case 'matrix':
      return {
        kind,
        rows: { input: numbers[0] ?? '', bands: [] },
        columns: { input: numbers[1] ?? numbers[0] ?? '', bands: [] },
        cells: [],
        output: 'tier',
      };
    case 'rfm':
      return { kind, bins: { r: 5, f: 5, m: 5 }, binning: 'quantile', segments: [], default: 'C' };
    case 'abc':
      return {
        kind,
        input: numbers[0] ?? '',
        cuts: [{ tier: 'A', upTo: 0.8 }, { tier: 'B', upTo: 0.95 }, { tier: 'C' }],
      };
  }
}

/** The ids a new table must not take: the workbook's tables' and the presets'. */
export function takenTableIds(workbookIds: readonly string[]): Set<string> {
  return new Set([...workbookIds, ...PRESET_IDS].map((id) => id.toLowerCase()));
}

/** A new table named `name`, started as `start`; `taken` holds ids already in use (see takenTableIds). */
export function newTable(start: NewTableStart, name: string, taken: Set<string>): GradingTable {
  const id = uniqueId(idFrom(name, 'table'), new Set(taken));
  const named = { en: name.trim(), zh: name.trim() };
  if (start.kind === 'preset') {
    return { ...copyOf(start.preset), id, name: named };
  }
  // RFM reads its three fixed inputs (recency, frequency, monetary); the Data step maps them to columns.
  const inputs =
    start.method === 'rfm'
      ? copyOf(RFM_INPUTS)
      : start.kind === 'columns'
        ? inputsFromColumns(start.headers, start.rows)
        : [];
  return {
    format: TABLE_FORMAT,
    version: TABLE_FORMAT_VERSION,
    id,
    name: named,
    inputs,
    method: methodOf(start.method, inputs),
    tiers: copyOf(TIERS),
  };
}
