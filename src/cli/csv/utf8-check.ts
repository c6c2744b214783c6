import { isUtf8 } from 'node:buffer';

/**
 * Checks a stream of bytes as UTF-8 without decoding it, chunk by chunk, with
 * the verdicts of a fatal streaming TextDecoder (what decodeChunks does): a
 * chunk fails when the bytes up to its end hold a sequence that no later byte
 * could make valid; a character cut at a chunk's end waits for the next one.
 */
export class Utf8StreamCheck {
  /** The start of a character cut at the end of the last chunk (a valid prefix). */
  private tail: Uint8Array = new Uint8Array(0);

  /** Bytes of the cut character at the end of what was pushed (the decoder holds them back). */
  get pendingBytes(): number {
    return this.tail.length;
  }

  /** False when the bytes so far are not UTF-8 (this chunk is where a decoder throws). */
  push(chunk: Uint8Array): boolean {
    let rest: Uint8Array = chunk;
    if (this.tail.length > 0) {
      const need = sequenceLength(this.tail[0]!) - this.tail.length;
      if (chunk.length < need) {
        const joined = concat(this.tail, chunk);
        if (!isValidPrefix(joined)) return false;
        this.tail = joined;
        return true;
      }
      if (!isUtf8(concat(this.tail, chunk.subarray(0, need)))) return false;
      this.tail = new Uint8Array(0);
      rest = chunk.subarray(need);
    }
    const cut = cutCharacterStart(rest);
    if (!isUtf8(rest.subarray(0, cut))) return false;
    const tail = rest.subarray(cut);
    if (tail.length > 0 && !isValidPrefix(tail)) return false;
    this.tail = tail.slice();
    return true;
  }

  /** False when the stream ended inside a character. */
  end(): boolean {
    return this.tail.length === 0;
  }
}

/** Bytes in the sequence a lead byte starts; 0 when it cannot start one. */
function sequenceLength(lead: number): number {
  if (lead < 0x80) return 1;
  if (lead < 0xc2) return 0;
  if (lead < 0xe0) return 2;
  if (lead < 0xf0) return 3;
  return lead < 0xf5 ? 4 : 0;
}

/** Where a multi-byte character that the bytes end inside starts (bytes.length when none does). */
function cutCharacterStart(bytes: Uint8Array): number {
  const n = bytes.length;
  for (let back = 1; back <= 3 && back <= n; back++) {
    const b = bytes[n - back]!;
    if ((b & 0xc0) === 0x80) continue;
    return sequenceLength(b) > back ? n - back : n;
  }
  return n;
}

/** Whether bytes (shorter than their lead's sequence) can still become one character. */
function isValidPrefix(bytes: Uint8Array): boolean {
  const lead = bytes[0]!;
  if (sequenceLength(lead) <= bytes.length) return false;
  for (let k = 1; k < bytes.length; k++) {
    const b = bytes[k]!;
    let low = 0x80;
    let high = 0xbf;
    if (k === 1) {
      if (lead === 0xe0) low = 0xa0;
      else if (lead === 0xed) high = 0x9f;
      else if (lead === 0xf0) low = 0x90;
      else if (lead === 0xf4) high = 0x8f;
    }
    if (b < low || b > high) return false;
  }
  return true;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}
