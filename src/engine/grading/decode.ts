import type { InputDef } from '../model';
import { TABLE_LIMITS } from '../model';
import type { Cell } from '../values/cell';
import {
  cellErrorCode,
  displayCell,
  isAmbiguousDate,
  isBlank,
  normalizeKey,
  parseBoolean,
  parseDate,
  parseNumber,
} from '../values/coerce';
import type { BlockState } from './row-state';

/** Reads one cell into row r of its slot; on failure marks the row failed with the reason. */
export type Decoder = (cell: Cell, state: BlockState, r: number) => void;

/** Category matching: the value's id, aliases and labels in both languages, case and width folded. */
export function categoryLookup(input: InputDef): Map<string, number> {
  const lookup = new Map<string, number>();
  (input.values ?? []).forEach((value, index) => {
    for (const name of [value.id, ...(value.aliases ?? []), value.label?.en, value.label?.zh]) {
      if (name !== undefined && !lookup.has(normalizeKey(name))) lookup.set(normalizeKey(name), index);
    }
  });
  return lookup;
}

export function makeDecoder(input: InputDef, slot: number): Decoder {
  const values = (state: BlockState) => state.values[slot]!;
  const id = input.id;
  const required = input.required !== false;

  /** Blank and error cells, common to every type; true when the cell was one of them (and is dealt with). */
  const special = (cell: Cell, state: BlockState, r: number): boolean => {
    if (isBlank(cell)) {
      if (required) {
        state.fail(r, { kind: 'blank', input: id });
      } else {
        state.blank[slot]![r] = 1;
        values(state)[r] = NaN;
        state.texts[slot]![r] = undefined;
      }
      return true;
    }
    const code = cellErrorCode(cell);
    if (code === undefined) return false;
    state.fail(r, { kind: 'cell-error', input: id, value: code });
    return true;
  };

  const accept = (state: BlockState, r: number, value: number): void => {
    values(state)[r] = value;
    state.blank[slot]![r] = 0;
  };

  switch (input.type) {
    case 'number':
      return (cell, state, r) => {
        if (typeof cell === 'number' && Number.isFinite(cell)) return accept(state, r, cell);
        if (special(cell, state, r)) return;
        const n = parseNumber(cell);
        if (Number.isNaN(n)) return state.fail(r, { kind: 'not-a-number', input: id, value: displayCell(cell) });
        accept(state, r, n);
      };
    case 'date':
      return (cell, state, r) => {
        if (special(cell, state, r)) return;
        const serial = parseDate(cell);
        if (Number.isNaN(serial)) {
          const ambiguous = isAmbiguousDate(cell);
          return state.fail(r, {
            kind: 'not-a-date',
            input: id,
            value: displayCell(cell),
            ...(ambiguous ? { ambiguous } : {}),
          });
        }
        accept(state, r, serial);
      };
    case 'boolean':
      return (cell, state, r) => {
        if (typeof cell === 'boolean') return accept(state, r, cell ? 1 : 0);
        if (special(cell, state, r)) return;
        const b = parseBoolean(cell);
        if (b < 0) return state.fail(r, { kind: 'not-a-boolean', input: id, value: displayCell(cell) });
        accept(state, r, b);
      };
    case 'category': {
      const lookup = categoryLookup(input);
      const allowed = (input.values ?? []).map((v) => v.id);
      // Real columns repeat a handful of spellings; remember them so a million rows normalise each once.
      const seen = new Map<string, number>();
      return (cell, state, r) => {
        if (special(cell, state, r)) return;
        const text = typeof cell === 'string' ? cell : displayCell(cell);
        let index = seen.get(text);
        if (index === undefined) {
          index = lookup.get(normalizeKey(text)) ?? -1;
          if (seen.size < 4096) seen.set(text, index);
        }
        if (index < 0) return state.fail(r, { kind: 'unknown-category', input: id, value: displayCell(cell), allowed });
        accept(state, r, index);
      };
    }
    case 'text':
      return (cell, state, r) => {
        if (special(cell, state, r)) return;
        const text = typeof cell === 'string' ? cell : displayCell(cell);
        if (text.length > TABLE_LIMITS.textLength) {
          return state.fail(r, { kind: 'too-long', input: id, length: text.length });
        }
        state.texts[slot]![r] = normalizeKey(text);
        accept(state, r, 0);
      };
  }
}
