/**
 * The workbook's map of itself (xl/workbook.xml, its relationships, [Content_Types].xml) read and
 * extended as text: sheets found by name wherever their parts are, Tierwise's sheets and defined name
 * added (or replaced when a graded workbook is graded again), nothing else of these parts changed.
 */
import { posix } from 'node:path';
import { escapeXml, unescapeXml } from './cell-xml';

const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const WORKSHEET_TYPE = `${REL_NS}/worksheet`;
const STYLES_TYPE = `${REL_NS}/styles`;
const CALC_CHAIN_TYPE = `${REL_NS}/calcChain`;
const WORKSHEET_CONTENT = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const STYLES_CONTENT = 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml';

/** The workbook's children after definedNames, in schema order: definedNames goes before the first found. */
const AFTER_DEFINED_NAMES = [
  'calcPr',
  'oleSize',
  'customWorkbookViews',
  'pivotCaches',
  'smartTagPr',
  'smartTagTypes',
  'webPublishing',
  'fileRecoveryPr',
  'webPublishObjects',
  'extLst',
];

export interface SheetEntry {
  name: string;
  relId: string;
  /** The part's path in the archive. */
  part: string;
  /** A worksheet (not a chart sheet or a dialog sheet). */
  worksheet: boolean;
}

interface Relationship {
  id: string;
  type: string;
  target: string;
  /** The whole element, to remove it. */
  xml: string;
}

export function attribute(tag: string, name: string): string | undefined {
  const value = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);
  return value ? unescapeXml(value[1] ?? value[2] ?? '') : undefined;
}

/** A relationship target as an archive path, relative to the folder of the part that holds the relationships. */
function partPath(from: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  return posix.normalize(posix.join(posix.dirname(from), target));
}

/**
 * A part's archive entry name: as the target writes it, or with its %-escapes decoded (targets are URIs:
 * "Sheet%20One.xml" names the entry "Sheet One.xml"); undefined when the archive has neither.
 */
export function archiveName(part: string, has: (name: string) => boolean): string | undefined {
  if (has(part)) return part;
  try {
    const decoded = decodeURIComponent(part);
    return has(decoded) ? decoded : undefined;
  } catch {
    return undefined;
  }
}

export class WorkbookParts {
  readonly sheets: SheetEntry[];
  private readonly rels: Relationship[];
  private workbook: string;
  private relsXml: string;
  private types: string;
  private readonly prefix: string;
  private readonly relPrefix: string;

  /** `has` says whether the archive holds an entry; parts are then named as their entries are. */
  constructor(
    private readonly workbookPart: string,
    workbook: string,
    relsXml: string,
    types: string,
    private readonly has: (name: string) => boolean = () => false,
  ) {
    this.workbook = workbook;
    this.relsXml = relsXml;
    this.types = types;
    this.prefix = /<(\w+:)?workbook\b/.exec(workbook)?.[1] ?? '';
    const declared = new RegExp(`xmlns:(\\w+)="${REL_NS.replace(/[./]/g, '\\$&')}"`).exec(workbook);
    this.relPrefix = declared?.[1] ?? 'r';
    this.rels = [...relsXml.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)].map((m) => ({
      id: attribute(m[0], 'Id') ?? '',
      type: attribute(m[0], 'Type') ?? '',
      target: attribute(m[0], 'Target') ?? '',
      xml: m[0],
    }));
    this.sheets = [...workbook.matchAll(new RegExp(`<${this.prefix}sheet\\b[^>]*>`, 'g'))].flatMap((m) => {
      const relId = attribute(m[0], `${this.relPrefix}:id`);
      const rel = this.rels.find((r) => r.id === relId);
      if (!rel || relId === undefined) return [];
      const part = this.entryOf(rel.target);
      return [{ name: attribute(m[0], 'name') ?? '', relId, part, worksheet: /\/worksheet$/.test(rel.type) }];
    });
  }

  /** The sheet `from` renamed `to` (a name Excel refuses made usable). */
  renameSheet(from: string, to: string): void {
    const p = this.prefix;
    this.workbook = this.workbook.replace(new RegExp(`<${p}sheet\\b[^>]*>`, 'g'), (tag) =>
      attribute(tag, 'name') === from ? tag.replace(/(\sname\s*=\s*)(?:"[^"]*"|'[^']*')/, `$1"${escapeXml(to)}"`) : tag,
    );
    for (const sheet of this.sheets) if (sheet.name === from) sheet.name = to;
  }

  /** The styles part, if the workbook names one. */
  stylesPart(): string | undefined {
    const rel = this.rels.find((r) => r.type === STYLES_TYPE);
    return rel ? this.entryOf(rel.target) : undefined;
  }

  /** The calculation chain, if any: dropped when cells change (Excel rebuilds it; a stale one reads as damage). */
  removeCalcChain(): string | undefined {
    const rel = this.rels.find((r) => r.type === CALC_CHAIN_TYPE);
    if (!rel) return undefined;
    const written = partPath(this.workbookPart, rel.target);
    const part = this.entryOf(rel.target);
    this.relsXml = this.relsXml.replace(rel.xml, '');
    // The override names the part as a URI, escaped or not.
    for (const name of new Set([written, part])) {
      this.types = this.types.replace(
        new RegExp(`<(?:\\w+:)?Override\\b[^>]*PartName="/${escapeRe(name)}"[^>]*/>`),
        '',
      );
    }
    return part;
  }

  /** A styles part for a workbook without one: its relationship and content type. */
  addStyles(part: string): void {
    this.addRelationship(STYLES_TYPE, posix.relative(posix.dirname(this.workbookPart), part));
    this.addOverride(part, STYLES_CONTENT);
  }

  /** A new sheet after the others, its part at `part`. */
  addSheet(name: string, part: string): void {
    const id = this.addRelationship(WORKSHEET_TYPE, posix.relative(posix.dirname(this.workbookPart), part));
    this.addOverride(part, WORKSHEET_CONTENT);
    const ids = [...this.workbook.matchAll(new RegExp(`<${this.prefix}sheet\\b[^>]*>`, 'g'))].map((m) =>
      Number(attribute(m[0], 'sheetId') ?? 0),
    );
    const sheetId = Math.max(0, ...ids) + 1;
    const p = this.prefix;
    const element = `<${p}sheet name="${escapeXml(name)}" sheetId="${sheetId}" ${this.relPrefix}:id="${id}"/>`;
    const close = this.workbook.indexOf(`</${p}sheets>`);
    this.workbook = this.workbook.slice(0, close) + element + this.workbook.slice(close);
    this.sheets.push({ name, relId: id, part, worksheet: true });
  }

  /** A free worksheet part name: xl/worksheets/sheetN.xml with N unused among `taken`. */
  freeSheetPart(taken: ReadonlySet<string>): string {
    for (let n = 1; ; n++) {
      const part = `xl/worksheets/sheet${n}.xml`;
      if (!taken.has(part) && !this.sheets.some((s) => s.part === part)) return part;
    }
  }

  /**
   * The workbook-scoped defined name `name` set to `ref`, replacing one of that name and any other
   * Tierwise table name (`prefix`) that points at `sheet` (its table is written over).
   */
  setDefinedName(name: string, ref: string, tablePrefix: string, sheet: string): void {
    const p = this.prefix;
    const element = `<${p}definedName name="${escapeXml(name)}">${escapeXml(ref)}</${p}definedName>`;
    const sheetRefs = [`${sheet}!`, `'${sheet.replace(/'/g, "''")}'!`];
    this.workbook = this.workbook.replace(
      new RegExp(`<${p}definedName\\b[^>]*>([^<]*)</${p}definedName>`, 'g'),
      (whole, value: string) => {
        const own = attribute(whole, 'name');
        if (attribute(whole, 'localSheetId') !== undefined) return whole;
        if (own === name) return '';
        const onSheet = sheetRefs.some((s) => unescapeXml(value).startsWith(s));
        return own?.startsWith(tablePrefix) && onSheet ? '' : whole;
      },
    );
    const open = new RegExp(`<${p}definedNames\\b[^>]*?(/?)>`).exec(this.workbook);
    if (open && open[1] !== '/') {
      const at = open.index + open[0].length;
      this.workbook = this.workbook.slice(0, at) + element + this.workbook.slice(at);
      return;
    }
    const block = `<${p}definedNames>${element}</${p}definedNames>`;
    if (open) {
      this.workbook = this.workbook.replace(open[0], block);
      return;
    }
    let at = -1;
    for (const later of AFTER_DEFINED_NAMES) {
      at = this.workbook.search(new RegExp(`<${p}${later}\\b`));
      if (at >= 0) break;
    }
    if (at < 0) at = this.workbook.lastIndexOf(`</${p}workbook>`);
    this.workbook = this.workbook.slice(0, at) + block + this.workbook.slice(at);
  }

  workbookXml(): string {
    return this.workbook;
  }

  relationshipsXml(): string {
    return this.relsXml;
  }

  contentTypesXml(): string {
    return this.types;
  }

  /** The archive entry a relationship target names (see archiveName), or its path when the archive lacks it. */
  private entryOf(target: string): string {
    const part = partPath(this.workbookPart, target);
    return archiveName(part, this.has) ?? part;
  }

  private addRelationship(type: string, target: string): string {
    let n = 1;
    while (this.rels.some((r) => r.id === `rIdTw${n}`)) n++;
    const id = `rIdTw${n}`;
    const xml = `<Relationship Id="${id}" Type="${type}" Target="${escapeXml(target)}"/>`;
    this.rels.push({ id, type, target, xml });
    const prefix = /<(\w+:)?Relationships\b/.exec(this.relsXml)?.[1] ?? '';
    const close = this.relsXml.lastIndexOf(`</${prefix}Relationships>`);
    this.relsXml =
      this.relsXml.slice(0, close) + xml.replace('<Relationship', `<${prefix}Relationship`) + this.relsXml.slice(close);
    return id;
  }

  private addOverride(part: string, contentType: string): void {
    const prefix = /<(\w+:)?Types\b/.exec(this.types)?.[1] ?? '';
    const close = this.types.lastIndexOf(`</${prefix}Types>`);
    const element = `<${prefix}Override PartName="/${escapeXml(part)}" ContentType="${contentType}"/>`;
    this.types = this.types.slice(0, close) + element + this.types.slice(close);
  }
}

function escapeRe(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
