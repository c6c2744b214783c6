/**
 * Draws the add-in's icons (assets/icon-{16,32,64,80,128}.png): three tier
 * bars, green / yellow / red, rising left to right on a dark-blue rounded
 * square. Run: `npx tsx scripts/make-icons.ts`. A tiny PNG encoder on
 * node:zlib; no image packages. The PNGs are committed, so a build needs no
 * drawing step.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

export const ICON_SIZES = [16, 32, 64, 80, 128] as const;

type Rgba = [number, number, number, number];

const BACKGROUND: Rgba = [0x1f, 0x4e, 0x78, 255];
const BARS: Array<{ x0: number; x1: number; top: number; colour: Rgba }> = [
  { x0: 0.2, x1: 0.36, top: 0.6, colour: [0xff, 0x7b, 0x7b, 255] },
  { x0: 0.42, x1: 0.58, top: 0.42, colour: [0xff, 0xd9, 0x66, 255] },
  { x0: 0.64, x1: 0.8, top: 0.22, colour: [0x8f, 0xd9, 0x8f, 255] },
];
const BAR_BOTTOM = 0.8;
const CORNER = 0.18;

/** The colour at a point of the unit square, or undefined outside the rounded square. */
function shade(x: number, y: number): Rgba | undefined {
  const dx = Math.max(CORNER - x, x - (1 - CORNER), 0);
  const dy = Math.max(CORNER - y, y - (1 - CORNER), 0);
  if (dx * dx + dy * dy > CORNER * CORNER) return undefined;
  for (const bar of BARS) {
    if (x >= bar.x0 && x < bar.x1 && y >= bar.top && y < BAR_BOTTOM) return bar.colour;
  }
  return BACKGROUND;
}

/** RGBA pixels of one icon, 4x4 supersampled so that edges are smooth at 16 px. */
export function drawIcon(size: number): Uint8Array {
  const pixels = new Uint8Array(size * size * 4);
  const samples = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const colour = shade((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size);
          if (!colour) continue;
          for (let c = 0; c < 3; c++) sum[c]! += colour[c]! * colour[3];
          sum[3]! += colour[3];
        }
      }
      const alpha = sum[3]!;
      const at = (py * size + px) * 4;
      for (let c = 0; c < 3; c++) pixels[at + c] = alpha === 0 ? 0 : Math.round(sum[c]! / alpha);
      pixels[at + 3] = Math.round(alpha / (samples * samples));
    }
  }
  return pixels;
}

const CRC_TABLE = Uint32Array.from({ length: 256 }, (_v, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  Buffer.from(data).copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** An 8-bit RGBA PNG of the given pixels. */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: RGBA
  const raw = Buffer.alloc(height * (width * 4 + 1));
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter: none
    Buffer.from(rgba.buffer, rgba.byteOffset + y * width * 4, width * 4).copy(raw, y * (width * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

if (require.main === module) {
  const dir = join(__dirname, '..', 'assets');
  mkdirSync(dir, { recursive: true });
  for (const size of ICON_SIZES) {
    const file = join(dir, `icon-${size}.png`);
    writeFileSync(file, encodePng(size, size, drawIcon(size)));
    console.log(`wrote ${file}`);
  }
}
