/**
 * The graded workbook as the input's zip with Tierwise's parts patched in (ADR 0020): the graded sheet
 * rewritten row by row, styles.xml extended, the summary and rules sheets added (or replaced when the
 * input was graded before), workbook.xml, its relationships and [Content_Types].xml given their
 * entries, the calculation chain dropped (Excel rebuilds it), every other part copied byte for byte.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { StringDecoder } from 'node:string_decoder';
import { createInflateRaw } from 'node:zlib';
import { readArchiveDirectory, type ArchiveEntry } from '../archive';
import { compressedChunks, dataStart, inflateEntry, SHARED_STRINGS_LIMIT } from '../archive-stream';
import { patchSheet, type SheetPatch } from './sheet-patch';
import { MINIMAL_STYLES, StylesPatch } from './styles-patch';
import { WorkbookParts } from './workbook-parts';
import { writePatchedZip, type PartContent } from './zip-patch';

const WORKBOOK = 'xl/workbook.xml';
const WORKBOOK_RELS = 'xl/_rels/workbook.xml.rels';
const CONTENT_TYPES = '[Content_Types].xml';
const NEW_STYLES = 'xl/styles.xml';

export interface OwnSheet {
  name: string;
  xml: string;
}

export interface WorkbookAdditions {
  /** The graded sheet's name in the workbook. */
  sheet: string;
  rows: SheetPatch;
  summary: OwnSheet;
  rules: OwnSheet & { definedName: string; ref: string; namePrefix: string };
}

export class WorkbookPatcher {
  private constructor(
    private readonly file: FileHandle,
    private readonly entries: readonly ArchiveEntry[],
    readonly parts: WorkbookParts,
    readonly styles: StylesPatch,
    private readonly stylesPart: { name: string; existed: boolean },
  ) {}

  /** Reads the input's workbook map and styles; undefined when the zip lacks them (the reader has said why). */
  static async open(path: string): Promise<WorkbookPatcher | undefined> {
    const file = await open(path, 'r');
    try {
      const read = await readArchiveDirectory(file);
      if (!read.ok) throw new Error('the archive directory cannot be read');
      const text = async (name: string | undefined): Promise<string | undefined> => {
        const entry = read.entries.find((e) => e.name === name);
        if (!entry) return undefined;
        const part = await inflateEntry(file, entry, SHARED_STRINGS_LIMIT, true);
        return part?.data?.toString('utf8');
      };
      const workbook = await text(WORKBOOK);
      const rels = await text(WORKBOOK_RELS);
      const types = await text(CONTENT_TYPES);
      if (workbook === undefined || rels === undefined || types === undefined) {
        await file.close();
        return undefined;
      }
      const names = new Set(read.entries.map((e) => e.name));
      const parts = new WorkbookParts(WORKBOOK, workbook, rels, types, (name) => names.has(name));
      const named = parts.stylesPart();
      const styles = await text(named);
      const stylesPart =
        named && styles !== undefined ? { name: named, existed: true } : { name: NEW_STYLES, existed: false };
      if (!stylesPart.existed) parts.addStyles(NEW_STYLES);
      return new WorkbookPatcher(file, read.entries, parts, new StylesPatch(styles ?? MINIMAL_STYLES), stylesPart);
    } catch (error) {
      await file.close();
      throw error;
    }
  }

  /**
   * The workbook's name of the sheet the reader calls `name`. The streaming reader names a sheet it cannot
   * match through the relationships (an absolute target, say) "Sheet" and its part's number.
   */
  sheetNamed(name: string): string | undefined {
    if (this.hasSheet(name)) return name;
    const number = /^Sheet(\d+)$/.exec(name)?.[1];
    return this.parts.sheets.find((s) => s.part === `xl/worksheets/sheet${number}.xml`)?.name;
  }

  /** Whether the workbook holds a sheet of this name. */
  hasSheet(name: string): boolean {
    return this.parts.sheets.some((s) => s.name === name);
  }

  /** Writes the patched workbook to `outPath` (a new file). */
  async write(outPath: string, additions: WorkbookAdditions): Promise<void> {
    const data = this.parts.sheets.find((s) => s.name === additions.sheet);
    const entry = this.entries.find((e) => e.name === data?.part);
    if (!data || !entry) throw new Error(`the sheet ${additions.sheet} has no part in the archive`);
    const replace = new Map<string, PartContent>();
    const add: Array<{ name: string; content: PartContent }> = [];
    const remove = new Set<string>();
    const calcChain = this.parts.removeCalcChain();
    if (calcChain) remove.add(calcChain);
    replace.set(data.part, patchSheet(inflatedText(this.file, entry), additions.rows));
    const taken = new Set(this.entries.map((e) => e.name));
    for (const own of [additions.summary, additions.rules]) {
      const existing = this.parts.sheets.find((s) => s.name === own.name);
      if (existing && taken.has(existing.part)) {
        replace.set(existing.part, Buffer.from(own.xml, 'utf8'));
        continue;
      }
      const part = this.parts.freeSheetPart(taken);
      taken.add(part);
      this.parts.addSheet(own.name, part);
      add.push({ name: part, content: Buffer.from(own.xml, 'utf8') });
    }
    const { rules } = additions;
    this.parts.setDefinedName(rules.definedName, rules.ref, rules.namePrefix, rules.name);
    const styles = Buffer.from(this.styles.toXml(), 'utf8');
    if (this.stylesPart.existed) replace.set(this.stylesPart.name, styles);
    else add.push({ name: this.stylesPart.name, content: styles });
    replace.set(WORKBOOK, Buffer.from(this.parts.workbookXml(), 'utf8'));
    replace.set(WORKBOOK_RELS, Buffer.from(this.parts.relationshipsXml(), 'utf8'));
    replace.set(CONTENT_TYPES, Buffer.from(this.parts.contentTypesXml(), 'utf8'));
    await writePatchedZip(this.file, this.entries, outPath, { replace, remove, add });
  }

  async close(): Promise<void> {
    await this.file.close();
  }
}

/** A part's text as it inflates, a piece at a time. */
async function* inflatedText(file: FileHandle, entry: ArchiveEntry): AsyncGenerator<string> {
  const start = await dataStart(file, entry);
  if (start === undefined) throw new Error(`the part ${entry.name} has no local header`);
  const decoder = new StringDecoder('utf8');
  if (entry.method === 0) {
    for await (const chunk of compressedChunks(file, entry, start)) yield decoder.write(chunk);
    yield decoder.end();
    return;
  }
  const inflater = createInflateRaw();
  const pending: string[] = [];
  let failed: Error | undefined;
  inflater.on('data', (chunk: Buffer) => pending.push(decoder.write(chunk)));
  inflater.on('error', (error: Error) => (failed = error));
  try {
    for await (const chunk of compressedChunks(file, entry, start)) {
      await new Promise<void>((done) => (failed ? done() : inflater.write(chunk, () => done())));
      if (failed) throw failed;
      yield pending.splice(0).join('');
    }
    await new Promise<void>((done) => {
      inflater.once('end', done);
      inflater.once('error', () => done());
      inflater.end();
    });
    if (failed) throw failed;
    pending.push(decoder.end());
    yield pending.splice(0).join('');
  } finally {
    inflater.destroy();
  }
}
