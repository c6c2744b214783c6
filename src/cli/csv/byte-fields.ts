/**
 * Fields read straight from a CSV's UTF-8 bytes, without a string per field:
 * a table from byte keys to numbers (customer ids, date spellings) and plain
 * decimals. Each gives an answer only where it is exactly the answer of the
 * string path; everywhere else the caller decodes the field and asks the
 * general parsers (engine/values/coerce.ts).
 */

const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/** Digits a plain decimal may have: 10^15 < 2^53, so the mantissa is an exact integer. */
const MAX_PLAIN_DIGITS = 15;

/**
 * `-?digits[.digits]` (at most 15 digits, no spaces, signs other than a
 * leading minus, exponents, separators or currency) as a number; NaN for
 * anything else, which is then for parseNumber to read. The mantissa and the
 * power of ten are exact doubles, so the quotient is the correctly rounded
 * value: what parseNumber gives for the same text (it divides the same way).
 */
export function parsePlainDecimal(bytes: Uint8Array, start: number, end: number): number {
  let i = start;
  const negative = i < end && bytes[i] === 45;
  if (negative) i++;
  let mantissa = 0;
  let digits = 0;
  let point = -1;
  for (; i < end; i++) {
    const d = bytes[i]! - 48;
    if (d >= 0 && d <= 9) {
      mantissa = mantissa * 10 + d;
      digits++;
    } else if (d === -2 && point < 0) {
      point = digits;
    } else {
      return NaN;
    }
  }
  if (digits === 0 || digits > MAX_PLAIN_DIGITS) return NaN;
  const value = point < 0 ? mantissa : mantissa / POW10[digits - point]!;
  return negative ? -value : value;
}

/**
 * Byte strings to non-negative integers, by open addressing over a hash of
 * the bytes. Keys are copied into one growing buffer; a lookup compares the
 * bytes, so keys whose hashes collide stay apart.
 */
export class ByteKeyTable {
  /** Slot -> entry + 1 (0: empty). */
  private slots = new Int32Array(1 << 12);
  private hashes = new Int32Array(1 << 11);
  private starts = new Int32Array(1 << 11);
  private lengths = new Int32Array(1 << 11);
  private values = new Float64Array(1 << 11);
  private keys = new Uint8Array(1 << 16);
  private used = 0;
  private size = 0;

  get count(): number {
    return this.size;
  }

  /** The value of bytes[start..end), or -1 when the key is not in the table. */
  get(bytes: Uint8Array, start: number, end: number): number {
    const hash = hashBytes(bytes, start, end);
    const mask = this.slots.length - 1;
    const length = end - start;
    for (let s = hash & mask; ; s = (s + 1) & mask) {
      const entry = this.slots[s]! - 1;
      if (entry < 0) return -1;
      if (this.hashes[entry] === hash && this.lengths[entry] === length && this.sameKey(entry, bytes, start, length)) {
        return this.values[entry]!;
      }
    }
  }

  /** Adds a key not in the table. */
  set(bytes: Uint8Array, start: number, end: number, value: number): void {
    if (this.size === this.hashes.length) this.growEntries();
    if (this.size * 2 >= this.slots.length) this.rehash(this.slots.length * 2);
    const length = end - start;
    if (this.used + length > this.keys.length) {
      const keys = new Uint8Array(Math.max(this.keys.length * 2, this.used + length));
      keys.set(this.keys.subarray(0, this.used));
      this.keys = keys;
    }
    this.keys.set(bytes.subarray(start, end), this.used);
    const entry = this.size++;
    const hash = hashBytes(bytes, start, end);
    this.hashes[entry] = hash;
    this.starts[entry] = this.used;
    this.lengths[entry] = length;
    this.values[entry] = value;
    this.used += length;
    this.place(entry, hash);
  }

  private sameKey(entry: number, bytes: Uint8Array, start: number, length: number): boolean {
    const keys = this.keys;
    const at = this.starts[entry]!;
    for (let k = 0; k < length; k++) if (keys[at + k] !== bytes[start + k]) return false;
    return true;
  }

  private place(entry: number, hash: number): void {
    const mask = this.slots.length - 1;
    let s = hash & mask;
    while (this.slots[s] !== 0) s = (s + 1) & mask;
    this.slots[s] = entry + 1;
  }

  private rehash(size: number): void {
    this.slots = new Int32Array(size);
    for (let entry = 0; entry < this.size; entry++) this.place(entry, this.hashes[entry]!);
  }

  private growEntries(): void {
    const size = this.hashes.length * 2;
    const grow = <T extends Int32Array | Float64Array>(from: T, to: T): T => {
      to.set(from);
      return to;
    };
    this.hashes = grow(this.hashes, new Int32Array(size));
    this.starts = grow(this.starts, new Int32Array(size));
    this.lengths = grow(this.lengths, new Int32Array(size));
    this.values = grow(this.values, new Float64Array(size));
  }
}

/** FNV-1a over the bytes, with a final mix so that the low bits (the slot) depend on every byte. */
export function hashBytes(bytes: Uint8Array, start: number, end: number): number {
  let h = 0x811c9dc5 | 0;
  for (let i = start; i < end; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  return h ^ (h >>> 13);
}
