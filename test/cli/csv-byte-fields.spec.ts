import fc from 'fast-check';
import { ByteKeyTable, hashBytes, parsePlainDecimal } from '../../src/cli/csv/byte-fields';
import { parseNumber } from '../../src/engine/values/coerce';
import { checkProperty } from '../support/property';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/** parsePlainDecimal on `text` placed inside other bytes (so start/end matter). */
function plainDecimal(text: string): number {
  const bytes = utf8(`9${text}9`);
  return parsePlainDecimal(bytes, 1, bytes.length - 1);
}

describe('parsePlainDecimal', () => {
  it('given any amount text, then it is parseNumber exactly, or NaN (for parseNumber to read)', () => {
    const digits = fc.stringMatching(/^[0-9]{0,17}$/);
    const text = fc.oneof(
      fc
        .tuple(fc.constantFrom('', '-', '+', ' '), digits, fc.constantFrom('', '.', ','), digits)
        .map(([sign, a, dot, b]) => `${sign}${a}${dot}${b}`),
      fc.double({ noNaN: true }).map(String),
      fc.integer({ min: 0, max: 1e9 }).map((cents) => (cents / 100).toFixed(2)),
      fc.constantFrom('1e5', '1,234.5', '¥12', '1.2万', '12%', '0x10', '--1', '1.2.3', '.', '-', '-0', '-.5', '5.'),
    );
    checkProperty(
      fc.property(text, (t) => {
        const fast = plainDecimal(t);
        if (Number.isNaN(fast)) return;
        expect(Object.is(fast, parseNumber(t))).toBe(true);
      }),
      { numRuns: 20000 },
    );
  });

  it('given plain decimals, then it reads them (up to 15 digits) and leaves longer ones to parseNumber', () => {
    expect(plainDecimal('84.76')).toBe(84.76);
    expect(plainDecimal('-0.1')).toBe(-0.1);
    expect(Object.is(plainDecimal('-0'), -0)).toBe(true);
    expect(plainDecimal('123456789012345')).toBe(123456789012345);
    expect(plainDecimal('0.30000000000000004')).toBeNaN();
    expect(plainDecimal('1e3')).toBeNaN();
    expect(plainDecimal(' 1')).toBeNaN();
    expect(plainDecimal('')).toBeNaN();
  });
});

describe('ByteKeyTable', () => {
  it('given keys whose hashes collide, then each keeps its own value', () => {
    // Find real 32-bit hash collisions among generated ids.
    const byHash = new Map<number, string>();
    const pairs: Array<[string, string]> = [];
    for (let i = 0; pairs.length < 1; i++) {
      const key = `C${i}`;
      const bytes = utf8(key);
      const hash = hashBytes(bytes, 0, bytes.length);
      const other = byHash.get(hash);
      if (other === undefined) byHash.set(hash, key);
      else pairs.push([other, key]);
    }
    const table = new ByteKeyTable();
    pairs.forEach(([a, b], k) => {
      table.set(utf8(a), 0, utf8(a).length, 2 * k);
      expect(table.get(utf8(b), 0, utf8(b).length)).toBe(-1);
      table.set(utf8(b), 0, utf8(b).length, 2 * k + 1);
    });
    pairs.forEach(([a, b], k) => {
      expect(table.get(utf8(a), 0, utf8(a).length)).toBe(2 * k);
      expect(table.get(utf8(b), 0, utf8(b).length)).toBe(2 * k + 1);
    });
  });

  it('given many keys of any bytes (UTF-8, prefixes of each other, empty), then each lookup gives its own value', () => {
    checkProperty(
      fc.property(fc.uniqueArray(fc.string({ unit: 'grapheme', maxLength: 6 }), { maxLength: 300 }), (keys) => {
        const table = new ByteKeyTable();
        const frame = (key: string): [Uint8Array, number, number] => {
          const bytes = utf8(`,${key},`);
          return [bytes, 1, bytes.length - 1];
        };
        keys.forEach((key, k) => {
          if (k % 2 === 0) table.set(...frame(key), k);
        });
        keys.forEach((key, k) => expect(table.get(...frame(key))).toBe(k % 2 === 0 ? k : -1));
        expect(table.count).toBe(Math.ceil(keys.length / 2));
      }),
      { numRuns: 200 },
    );
  });

  it('given 100,000 keys, then it grows and finds them all', () => {
    const table = new ByteKeyTable();
    for (let i = 0; i < 100_000; i++) {
      const bytes = utf8(`客户${i}`);
      table.set(bytes, 0, bytes.length, i);
    }
    for (let i = 0; i < 100_000; i++) {
      const bytes = utf8(`客户${i}`);
      if (table.get(bytes, 0, bytes.length) !== i) throw new Error(`key ${i}`);
    }
    expect(table.get(utf8('客户100000'), 0, utf8('客户100000').length)).toBe(-1);
  });
});
