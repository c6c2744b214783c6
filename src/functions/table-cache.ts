/**
 * Compiled tables cached by content, shared by every custom function in the
 * shared runtime: 100,000 single-row calls with one table parse and compile
 * it once. Bounded (least recently used entries go first), so a workbook
 * with many edited tables does not grow memory without end.
 */
import type { Cell } from '../engine';

export const TABLE_CACHE_CAPACITY = 64;

export class TableCache {
  private readonly entries = new Map<string, unknown>();
  /** How many times an entry was built (tests and benchmarks read it). */
  builds = 0;

  constructor(readonly capacity = TABLE_CACHE_CAPACITY) {}

  /** The entry under `key`, built once by `build`. */
  get<T>(key: string, build: () => T): T {
    const found = this.entries.get(key);
    if (found !== undefined || this.entries.has(key)) {
      // Re-insert: a Map iterates in insertion order, so the first key is the least recently used.
      this.entries.delete(key);
      this.entries.set(key, found);
      return found as T;
    }
    const value = build();
    this.builds++;
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    return value;
  }

  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    this.entries.clear();
  }
}

/** Texts seen in tables, numbered: the engine's native string hashing is far cheaper than a JavaScript loop. */
const TEXTS = new Map<string, number>();
const MAX_TEXTS = 100_000;
/** Bumped when TEXTS is cleared and numbers are handed out again, so that old keys never match new ones. */
let generation = 0;

function internText(text: string): number {
  let id = TEXTS.get(text);
  if (id === undefined) {
    if (TEXTS.size >= MAX_TEXTS) {
      TEXTS.clear();
      generation++;
    }
    id = TEXTS.size + 1;
    TEXTS.set(text, id);
  }
  return id;
}

const FLOAT = new Float64Array(1);
const WORDS = new Uint32Array(FLOAT.buffer);

/**
 * A 64-bit content key of a block of cells (an FNV-1a lane over text and
 * number bits, a second lane mixing the first in per cell with its type), without building a JSON string: it runs on every
 * call, so it must cost less than grading a row.
 */
export function cellsKey(cells: ArrayLike<ArrayLike<Cell>>, salt = ''): string {
  // One multiply per lane and step, all in locals: this loop runs over every cell of every call.
  let h1 = 0x811c9dc5 ^ cells.length;
  let h2 = 0x1b873593 ^ generation;
  for (let k = 0; k < salt.length; k++) {
    h1 = Math.imul(h1 ^ salt.charCodeAt(k), 0x01000193);
    h2 = Math.imul(h2 ^ h1, 0x5bd1e995);
  }
  for (let i = 0; i < cells.length; i++) {
    const row = cells[i]!;
    h1 = Math.imul(h1 ^ (0x10000 + row.length), 0x01000193);
    for (let j = 0; j < row.length; j++) {
      const v = row[j];
      let tag: number;
      if (typeof v === 'string') {
        h1 = Math.imul(h1 ^ internText(v), 0x01000193);
        tag = 0x20000 + v.length;
      } else if (typeof v === 'number') {
        FLOAT[0] = v;
        h1 = Math.imul(h1 ^ WORDS[0]!, 0x01000193);
        h1 = Math.imul(h1 ^ WORDS[1]!, 0x01000193);
        tag = 0x30000;
      } else if (typeof v === 'boolean') {
        tag = v ? 0x40001 : 0x40000;
      } else if (v === null || v === undefined) {
        tag = 0x50000;
      } else if (v instanceof Date) {
        FLOAT[0] = v.getTime();
        h1 = Math.imul(h1 ^ WORDS[0]!, 0x01000193);
        h1 = Math.imul(h1 ^ WORDS[1]!, 0x01000193);
        tag = 0x60000;
      } else {
        const code = v.error;
        for (let k = 0; k < code.length; k++) h1 = Math.imul(h1 ^ code.charCodeAt(k), 0x01000193);
        tag = 0x70000 + code.length;
      }
      // The second lane folds in the first once per cell, with the cell's type and length.
      h1 = Math.imul(h1 ^ tag, 0x01000193);
      h2 = Math.imul(h2 ^ h1, 0x5bd1e995) ^ (h2 >>> 15);
    }
  }
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
}
