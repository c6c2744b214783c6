/**
 * Bytes -> text for files people save from spreadsheet programs: UTF-8 with or
 * without a BOM, UTF-16 with a BOM ("Unicode text"), and GB18030/GBK, which
 * Chinese Excel uses for "CSV" by default. Decided from the BOM, else from the
 * first chunk: bytes that are not valid UTF-8 mean GB18030.
 */

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface DetectedEncoding {
  encoding: TextEncodingName;
  /** Bytes of BOM to skip. */
  bomLength: number;
  /** True when no BOM said so and the bytes were not valid UTF-8. */
  guessed: boolean;
}

/** Looks at the first bytes of a file (pass at least 4, ideally a large chunk). */
export function detectEncoding(head: Uint8Array): DetectedEncoding {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) {
    return { encoding: 'utf-8', bomLength: 3, guessed: false };
  }
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2, guessed: false };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2, guessed: false };
  return isValidUtf8Prefix(head)
    ? { encoding: 'utf-8', bomLength: 0, guessed: false }
    : { encoding: 'gb18030', bomLength: 0, guessed: true };
}

function isValidUtf8Prefix(bytes: Uint8Array): boolean {
  try {
    // stream: true, so a character cut at the end of the chunk is not an error.
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/** Bytes that are not valid in the detected encoding, found after the first chunk. */
export interface DecodeFailure {
  kind: 'invalid-bytes';
  encoding: TextEncodingName;
  /** Byte offset of the chunk where decoding failed. */
  offset: number;
}

/**
 * Decodes a byte stream. The first chunk decides the encoding (reported once
 * through `onEncoding` before any text); a later chunk of invalid UTF-8 ends
 * the text with a DecodeFailure as the last item.
 */
export async function* decodeChunks(
  chunks: AsyncIterable<Uint8Array>,
  onEncoding: (detected: DetectedEncoding) => void,
): AsyncGenerator<string | DecodeFailure> {
  let decoder: TextDecoder | undefined;
  let detected: DetectedEncoding | undefined;
  let pending: Uint8Array | undefined;
  let offset = 0;
  for await (const raw of chunks) {
    let chunk = raw;
    if (!decoder) {
      // Wait for 4 bytes so that a BOM split across tiny chunks is still seen.
      chunk = pending ? concat(pending, chunk) : chunk;
      if (chunk.length < 4) {
        pending = chunk;
        continue;
      }
      pending = undefined;
      detected = detectEncoding(chunk);
      onEncoding(detected);
      decoder = new TextDecoder(detected.encoding, { fatal: detected.encoding === 'utf-8' });
      chunk = chunk.subarray(detected.bomLength);
      offset = detected.bomLength;
    }
    try {
      const text = decoder.decode(chunk, { stream: true });
      if (text) yield text;
    } catch {
      yield { kind: 'invalid-bytes', encoding: detected?.encoding ?? 'utf-8', offset };
      return;
    }
    offset += chunk.length;
  }
  if (!decoder) {
    const head = pending ?? new Uint8Array(0);
    detected = detectEncoding(head);
    onEncoding(detected);
    decoder = new TextDecoder(detected.encoding, { fatal: detected.encoding === 'utf-8' });
    pending = head.subarray(detected.bomLength);
    offset = detected.bomLength;
  }
  try {
    const text = decoder.decode(pending ?? new Uint8Array(0));
    if (text) yield text;
  } catch {
    yield { kind: 'invalid-bytes', encoding: detected?.encoding ?? 'utf-8', offset };
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}
