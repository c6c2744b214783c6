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
 * bytes, so keys whose hashes collide stay apart. A slot holds the hash, the
 * key's place and length and the value side by side, so a lookup touches
 * one slot and the key's bytes.
 */
export class ByteKeyTable {
  /** Per slot: hash, key start, key length + 1 (0: empty), value. */
  private slots = new Int32Array(4 << 12);
  private keys = new Uint8Array(1 << 16);
  private used = 0;
  private size = 0;

  get count(): number {
    return this.size;
  }

  /** The value of bytes[start..end), or -1 when the key is not in the table. */
  get(bytes: Uint8Array, start: number, end: number): number {
    const hash = hashBytes(bytes, start, end);
    const slots = this.slots;
    const mask = slots.length - 4;
    const stored = end - start + 1;
    for (let s = (hash << 2) & mask; ; s = (s + 4) & mask) {
      const length = slots[s + 2]!;
      if (length === 0) return -1;
      if (slots[s] === hash && length === stored && this.sameKey(slots[s + 1]!, bytes, start, end))
        return slots[s + 3]!;
    }
  }

  /** Adds a key not in the table, with a value from 0 to 2^31 - 1. */
  set(bytes: Uint8Array, start: number, end: number, value: number): void {
    if ((this.size + 1) * 8 > this.slots.length) this.rehash(this.slots.length * 2);
    const length = end - start;
    if (this.used + length > this.keys.length) {
      const keys = new Uint8Array(Math.max(this.keys.length * 2, this.used + length));
      keys.set(this.keys.subarray(0, this.used));
      this.keys = keys;
    }
    this.keys.set(bytes.subarray(start, end), this.used);
    place(this.slots, hashBytes(bytes, start, end), this.used, length + 1, value);
    this.used += length;
    this.size++;
  }

  private sameKey(at: number, bytes: Uint8Array, start: number, end: number): boolean {
    const keys = this.keys;
    for (let k = start; k < end; k++, at++) if (keys[at] !== bytes[k]) return false;
    return true;
  }

  private rehash(size: number): void {
    const old = this.slots;
    this.slots = new Int32Array(size);
    for (let s = 0; s < old.length; s += 4) {
      if (old[s + 2] !== 0) place(this.slots, old[s]!, old[s + 1]!, old[s + 2]!, old[s + 3]!);
    }
  }
}

function place(slots: Int32Array, hash: number, start: number, stored: number, value: number): void {
  const mask = slots.length - 4;
  let s = (hash << 2) & mask;
  while (slots[s + 2] !== 0) s = (s + 4) & mask;
  slots[s] = hash;
  slots[s + 1] = start;
  slots[s + 2] = stored;
  slots[s + 3] = value;
}

/** FNV-1a over the bytes, with a final mix so that the low bits (the slot) depend on every byte. */
export function hashBytes(bytes: Uint8Array, start: number, end: number): number {
  let h = 0x811c9dc5 | 0;
  for (let i = start; i < end; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  return h ^ (h >>> 13);
}

/** Numbers a NumberedKeys table covers: below 2^24 (a 64 MiB table at most). */
const MAX_KEY_NUMBER = 1 << 24;
const MAX_PREFIX_BYTES = 8;

/**
 * Keys spelled as one fixed prefix and a decimal number (C62707, 10023),
 * looked up by the number in an array: no hashing, and a table of 4 bytes
 * per number instead of a slot per key. The prefix is the first key's bytes
 * before its digits. A number with a leading zero, more than 8 digits or
 * another prefix is not covered (-1: ask a ByteKeyTable), so each covered
 * number stands for exactly one spelling.
 */
export class NumberedKeys {
  private prefix: Uint8Array | undefined;
  private byNumber = new Int32Array(0);

  /** The key's number when it is covered, else -1. */
  numberOf(bytes: Uint8Array, start: number, end: number): number {
    let prefix = this.prefix;
    if (prefix === undefined) {
      let k = start;
      while (k < end && k - start <= MAX_PREFIX_BYTES && !(bytes[k]! >= 48 && bytes[k]! <= 57)) k++;
      if (k - start > MAX_PREFIX_BYTES) return -1;
      // A copy (Buffer's slice would be a view of a chunk read again later).
      this.prefix = prefix = Uint8Array.prototype.slice.call(bytes, start, k);
    }
    const from = start + prefix.length;
    if (end <= from || end - from > 8 || (bytes[from] === 48 && end - from > 1)) return -1;
    for (let k = 0; k < prefix.length; k++) if (bytes[start + k] !== prefix[k]) return -1;
    let n = 0;
    for (let k = from; k < end; k++) {
      const d = bytes[k]! - 48;
      if (d < 0 || d > 9) return -1;
      n = n * 10 + d;
    }
    return n < MAX_KEY_NUMBER ? n : -1;
  }

  /** The value of a covered number, or -1. */
  get(n: number): number {
    return n < this.byNumber.length ? this.byNumber[n]! : -1;
  }

  set(n: number, value: number): void {
    if (n >= this.byNumber.length) {
      const grown = new Int32Array(Math.min(MAX_KEY_NUMBER, Math.max(1024, this.byNumber.length * 2, n + 1)));
      grown.fill(-1, this.byNumber.length);
      grown.set(this.byNumber);
      this.byNumber = grown;
    }
    this.byNumber[n] = value;
  }
}
