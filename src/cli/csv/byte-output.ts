import { closeSync, openSync, writeSync } from 'node:fs';

/**
 * A CSV output written a buffer at a time, synchronously: each write is done
 * before the next row is read, so nothing piles up in memory however slow the
 * disk (the byte reader has no pause between chunks to wait for room in).
 */
export interface ByteOutput {
  /** Writes all of the bytes (throws what the file system throws). */
  write(bytes: Uint8Array): void;
  /** Closes the file; safe to call twice. */
  close(): void;
}

/**
 * A file written from the start ('wx' when `exclusive`: fail when it exists),
 * opened at the first write, so that a failure to open it is a failed write.
 */
export function fileOutput(path: string, exclusive: boolean): ByteOutput {
  let fd: number | undefined;
  let closed = false;
  return {
    write(bytes) {
      fd ??= openSync(path, exclusive ? 'wx' : 'w');
      for (let done = 0; done < bytes.length;) done += writeSync(fd, bytes, done, bytes.length - done);
    },
    close() {
      if (fd === undefined || closed) return;
      closed = true;
      closeSync(fd);
    },
  };
}

/** Text written through a function (the command's stdout); whole records only, so no character is cut. */
export function textOutput(write: (text: string) => void): ByteOutput {
  return {
    write(bytes) {
      write(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('utf8'));
    },
    close() {},
  };
}

/** A growing buffer that output records are assembled in, reused from one chunk of rows to the next. */
export class OutputBytes {
  bytes: Buffer = Buffer.allocUnsafe(1 << 16);
  /** The same bytes, for writing four at a time. */
  words = new DataView(this.bytes.buffer, this.bytes.byteOffset, this.bytes.length);
  length = 0;

  /** Makes room for `more` bytes after `length`. */
  reserve(more: number): Buffer {
    const need = this.length + more;
    if (need > this.bytes.length) {
      const grown = Buffer.allocUnsafe(Math.max(need, this.bytes.length * 2));
      this.bytes.copy(grown, 0, 0, this.length);
      this.bytes = grown;
      this.words = new DataView(grown.buffer, grown.byteOffset, grown.length);
    }
    return this.bytes;
  }

  /** Appends text as UTF-8. */
  text(text: string): void {
    this.reserve(text.length * 3);
    this.length += this.bytes.write(text, this.length, 'utf8');
  }

  /** Appends bytes. */
  copy(from: Uint8Array): void {
    this.reserve(from.length);
    this.bytes.set(from, this.length);
    this.length += from.length;
  }

  /** What was appended since the last `clear`. */
  view(): Buffer {
    return this.bytes.subarray(0, this.length);
  }

  clear(): void {
    this.length = 0;
  }
}
