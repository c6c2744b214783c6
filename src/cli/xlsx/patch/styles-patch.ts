/**
 * Tierwise's styles added to an input's styles.xml: fonts, fills, number formats and cell formats appended
 * after the input's (so every index the input's cells use still means the same), and one differential format
 * per tier for the conditional formats. A workbook without styles.xml gets a minimal one.
 */
import { escapeXml } from './cell-xml';

export const MINIMAL_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';

/** Formats Excel knows by number (ECMA-376 18.8.30); others are written as custom formats. */
const BUILT_IN_FORMATS: Record<string, number> = { General: 0, '0': 1, '0.00': 2, '0%': 9, '0.00%': 10 };

/** The child elements of styleSheet, in the order the schema requires. */
const ORDER = [
  'numFmts',
  'fonts',
  'fills',
  'borders',
  'cellStyleXfs',
  'cellXfs',
  'cellStyles',
  'dxfs',
  'tableStyles',
  'colors',
  'extLst',
];

export interface CellStyle {
  bold?: boolean;
  /** RRGGBB, with or without '#'. */
  fill?: string;
  font?: string;
  numberFormat?: string;
}

function argb(hex: string): string {
  return `FF${hex.replace('#', '').toUpperCase()}`;
}

/** One styles.xml being extended; indexes are handed out as styles are asked for, the same style once. */
export class StylesPatch {
  private xml: string;
  private readonly prefix: string;
  private readonly cellStyles = new Map<string, number>();
  private readonly added: Record<'numFmts' | 'fonts' | 'fills' | 'cellXfs' | 'dxfs', string[]> = {
    numFmts: [],
    fonts: [],
    fills: [],
    cellXfs: [],
    dxfs: [],
  };
  private readonly counts: Record<'fonts' | 'fills' | 'cellXfs' | 'dxfs', number>;
  private nextFormatId: number;
  private readonly formats = new Map<string, number>();

  constructor(xml: string) {
    this.xml = xml;
    this.prefix = /<(\w+:)?styleSheet\b/.exec(xml)?.[1] ?? '';
    this.counts = {
      fonts: this.countChildren('fonts', 'font'),
      fills: this.countChildren('fills', 'fill'),
      cellXfs: this.countChildren('cellXfs', 'xf'),
      dxfs: this.countChildren('dxfs', 'dxf'),
    };
    const block = this.block('numFmts') ?? '';
    let max = 163;
    const p = this.prefix;
    for (const m of block.matchAll(new RegExp(`<${p}numFmt\\b[^>]*>`, 'g'))) {
      const id = Number(/numFmtId="(\d+)"/.exec(m[0])?.[1]);
      const code = /formatCode="([^"]*)"/.exec(m[0])?.[1];
      if (Number.isFinite(id)) max = Math.max(max, id);
      if (code !== undefined && Number.isFinite(id)) this.formats.set(code, id);
    }
    this.nextFormatId = max + 1;
  }

  /** The cellXfs index of a style (font, fill, number format), added once. */
  cell(style: CellStyle): number {
    const key = JSON.stringify(style);
    const known = this.cellStyles.get(key);
    if (known !== undefined) return known;
    const p = this.prefix;
    let fontId = 0;
    if (style.bold || style.font) {
      const color = style.font ? `<${p}color rgb="${argb(style.font)}"/>` : '';
      fontId = this.append(
        'fonts',
        `<${p}font>${style.bold ? `<${p}b/>` : ''}${color}<${p}sz val="11"/><${p}name val="Calibri"/></${p}font>`,
      );
    }
    let fillId = 0;
    if (style.fill) {
      fillId = this.append(
        'fills',
        `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${argb(style.fill)}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`,
      );
    }
    const numFmtId = style.numberFormat === undefined ? 0 : this.format(style.numberFormat);
    const apply = `${fontId ? ' applyFont="1"' : ''}${fillId ? ' applyFill="1"' : ''}${numFmtId ? ' applyNumberFormat="1"' : ''}`;
    const index = this.append(
      'cellXfs',
      `<${p}xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="0" xfId="0"${apply}/>`,
    );
    this.cellStyles.set(key, index);
    return index;
  }

  /** The dxfs index of a tier's conditional format (fill and font colour); an identical one already there is reused. */
  tierFormat(fill: string, font: string): number {
    const p = this.prefix;
    const dxf =
      `<${p}dxf><${p}font><${p}color rgb="${argb(font)}"/></${p}font>` +
      `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${argb(fill)}"/><${p}bgColor rgb="${argb(fill)}"/></${p}patternFill></${p}fill></${p}dxf>`;
    const existing = [...(this.block('dxfs') ?? '').matchAll(new RegExp(`<${p}dxf>[\\s\\S]*?</${p}dxf>`, 'g'))].map(
      (m) => m[0],
    );
    const at = existing.indexOf(dxf);
    if (at >= 0) return at;
    const added = this.added.dxfs.indexOf(dxf);
    if (added >= 0) return this.counts.dxfs + added;
    return this.append('dxfs', dxf);
  }

  toXml(): string {
    let xml = this.xml;
    for (const [list, items] of Object.entries(this.added) as Array<[keyof StylesPatch['added'], string[]]>) {
      if (items.length === 0) continue;
      const total = list === 'numFmts' ? this.countIn(xml, 'numFmts', 'numFmt') + items.length : undefined;
      xml = this.appendTo(xml, list, items.join(''), total ?? this.counts[list as 'fonts'] + items.length);
    }
    return xml;
  }

  private format(code: string): number {
    const builtIn = BUILT_IN_FORMATS[code];
    if (builtIn !== undefined) return builtIn;
    const known = this.formats.get(escapeXml(code));
    if (known !== undefined) return known;
    const id = this.nextFormatId++;
    this.formats.set(escapeXml(code), id);
    this.added.numFmts.push(`<${this.prefix}numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`);
    return id;
  }

  private append(list: 'fonts' | 'fills' | 'cellXfs' | 'dxfs', item: string): number {
    this.added[list].push(item);
    return this.counts[list] + this.added[list].length - 1;
  }

  private block(list: string): string | undefined {
    const p = this.prefix;
    return new RegExp(`<${p}${list}\\b[^>]*?(?:/>|>[\\s\\S]*?</${p}${list}>)`).exec(this.xml)?.[0];
  }

  private countChildren(list: string, child: string): number {
    return this.countIn(this.xml, list, child);
  }

  private countIn(xml: string, list: string, child: string): number {
    const p = this.prefix;
    const block = new RegExp(`<${p}${list}\\b[^>]*?(?:/>|>[\\s\\S]*?</${p}${list}>)`).exec(xml)?.[0] ?? '';
    return [...block.matchAll(new RegExp(`<${p}${child}\\b`, 'g'))].length;
  }

  /** `items` appended inside the list element (created in its schema place when absent), its count set to `count`. */
  private appendTo(xml: string, list: string, items: string, count: number): string {
    const p = this.prefix;
    const open = new RegExp(`<${p}${list}\\b([^>]*?)(/?)>`).exec(xml);
    if (open) {
      const attributes = open[1]!.replace(/\s*count="\d*"/, '');
      const start = `<${p}${list}${attributes} count="${count}">`;
      if (open[2] === '/') {
        return xml.slice(0, open.index) + start + items + `</${p}${list}>` + xml.slice(open.index + open[0].length);
      }
      const close = xml.indexOf(`</${p}${list}>`, open.index);
      return (
        xml.slice(0, open.index) + start + xml.slice(open.index + open[0].length, close) + items + xml.slice(close)
      );
    }
    const element = `<${p}${list} count="${count}">${items}</${p}${list}>`;
    for (const later of ORDER.slice(ORDER.indexOf(list) + 1)) {
      const at = xml.search(new RegExp(`<${p}${later}\\b`));
      if (at >= 0) return xml.slice(0, at) + element + xml.slice(at);
    }
    const end = xml.lastIndexOf(`</${p}styleSheet>`);
    return xml.slice(0, end) + element + xml.slice(end);
  }
}
