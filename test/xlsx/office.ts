/**
 * LibreOffice as a real spreadsheet client for the tests: a profile of the
 * test's own with OOXMLRecalcMode=0 (always recalculate .xlsx formulas on
 * load), conversion to CSV (every sheet) or PDF, and PDF pages as PPM pixels.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

export const SOFFICE = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p));
export const PDFTOPPM = existsSync('/usr/bin/pdftoppm') ? '/usr/bin/pdftoppm' : undefined;

const RECALC_PROFILE = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/**
 * For one spec file: a temp folder for its files and a recalculating profile,
 * made before its tests and removed after them. Read `profile` inside tests.
 */
export function libreOfficeSession(prefix: string): { dir: string; readonly profile: string } {
  const session = { dir: mkdtempSync(join(tmpdir(), prefix)), profile: '' };
  beforeAll(() => {
    session.profile = makeProfile();
  });
  afterAll(() => {
    rmSync(session.dir, { recursive: true, force: true });
    if (session.profile) rmSync(session.profile, { recursive: true, force: true });
  });
  return session;
}

/** A fresh LibreOffice profile that recalculates on load. */
export function makeProfile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tierwise-lo-'));
  mkdirSync(join(dir, 'user'), { recursive: true });
  writeFileSync(join(dir, 'user', 'registrymodifications.xcu'), RECALC_PROFILE);
  return dir;
}

function convert(profile: string, file: string, to: string, outDir: string): void {
  const result = spawnSync(
    SOFFICE!,
    [
      `-env:UserInstallation=file://${profile}`,
      '--headless',
      '--norestore',
      '--convert-to',
      to,
      '--outdir',
      outDir,
      file,
    ],
    { encoding: 'utf8', timeout: 240000 },
  );
  if (result.status !== 0) throw new Error(`soffice failed (${result.status}): ${result.stderr}`);
}

/**
 * Every sheet of a workbook as CSV text, by sheet name. Raw values (not as
 * shown), UTF-8, comma, quoted text; formulas as LibreOffice calculated them.
 */
export function sheetsAsCsv(profile: string, file: string): Map<string, string> {
  const outDir = mkdtempSync(join(tmpdir(), 'tierwise-csv-'));
  // 44 comma, 34 quote, 76 UTF-8, row 1, no column formats, language, quoted text, detect numbers,
  // save as shown = false, export formulas = false, no BOM, sheet -1 = all sheets (one file each).
  convert(profile, file, 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,true,true,false,false,false,-1', outDir);
  const stem = basename(file).replace(/\.xlsx$/i, '');
  const out = new Map<string, string>();
  for (const name of readdirSync(outDir)) {
    if (!name.startsWith(`${stem}-`) || !name.endsWith('.csv')) continue;
    out.set(name.slice(stem.length + 1, -4), readFileSync(join(outDir, name), 'utf8'));
  }
  return out;
}

/** Page `page` of the workbook printed to PDF, as an RGB image. */
export function pdfPage(profile: string, file: string, page: number, dpi = 40): Image {
  const outDir = mkdtempSync(join(tmpdir(), 'tierwise-pdf-'));
  convert(profile, file, 'pdf', outDir);
  const pdf = join(outDir, basename(file).replace(/\.xlsx$/i, '.pdf'));
  const prefix = join(outDir, 'page');
  execFileSync(PDFTOPPM!, ['-r', String(dpi), '-f', String(page), '-l', String(page), pdf, prefix]);
  const ppm = readdirSync(outDir).find((n) => n.startsWith('page') && n.endsWith('.ppm'))!;
  return parsePpm(readFileSync(join(outDir, ppm)));
}

export interface Image {
  width: number;
  height: number;
  /** RGB, 3 bytes per pixel, row by row. */
  data: Buffer;
}

function parsePpm(buffer: Buffer): Image {
  // P6\n<w> <h>\n<max>\n<binary>
  let pos = 0;
  const tokens: string[] = [];
  while (tokens.length < 4) {
    while (/\s/.test(String.fromCharCode(buffer[pos]!))) pos++;
    let token = '';
    while (!/\s/.test(String.fromCharCode(buffer[pos]!))) token += String.fromCharCode(buffer[pos++]!);
    tokens.push(token);
  }
  pos++;
  if (tokens[0] !== 'P6') throw new Error(`not a P6 PPM: ${tokens[0]}`);
  return { width: Number(tokens[1]), height: Number(tokens[2]), data: buffer.subarray(pos) };
}

/** Minimal RFC 4180 CSV parse. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/**
 * The tier colours seen down the page: per pixel row, the fill that covers
 * at least `share` of the row; runs of the same fill merged, blank rows ignored.
 */
export function colourRuns(image: Image, fills: Record<string, string>, share = 0.15): string[] {
  const targets = Object.entries(fills).map(([tier, hex]) => ({
    tier,
    rgb: [1, 3, 5].map((k) => parseInt(hex.slice(k, k + 2), 16)),
  }));
  const runs: string[] = [];
  let previous = '';
  for (let y = 0; y < image.height; y++) {
    const counts = new Map<string, number>();
    for (let x = 0; x < image.width; x++) {
      const o = (y * image.width + x) * 3;
      for (const t of targets) {
        if (
          Math.abs(image.data[o]! - t.rgb[0]!) <= 6 &&
          Math.abs(image.data[o + 1]! - t.rgb[1]!) <= 6 &&
          Math.abs(image.data[o + 2]! - t.rgb[2]!) <= 6
        ) {
          counts.set(t.tier, (counts.get(t.tier) ?? 0) + 1);
        }
      }
    }
    let found = '';
    for (const [tier, n] of counts) if (n >= image.width * share) found = tier;
    if (found !== previous) {
      if (found !== '') runs.push(found);
      previous = found;
    }
  }
  return runs;
}
