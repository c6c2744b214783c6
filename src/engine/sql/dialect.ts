/**
 * What differs between the SQL dialects the export writes: quoting, types,
 * regular expressions, and how a source row is carried through the steps and
 * expanded again at the end.
 */
export type SqlDialectName = 'duckdb' | 'postgres' | 'spark';

export const SQL_DIALECTS: readonly SqlDialectName[] = ['duckdb', 'postgres', 'spark'];

export interface SqlDialect {
  readonly name: SqlDialectName;
  /** A quoted identifier; undefined when the name cannot be one (NUL, or too long for PostgreSQL). */
  ident(name: string): string | undefined;
  /** A string literal; undefined when the text cannot be one (NUL). */
  text(value: string): string | undefined;
  readonly doubleType: string;
  readonly textType: string;
  /** Whether `expr` matches the whole of `pattern` (a POSIX/RE2/Java-compatible subset). */
  fullMatch(expr: string, pattern: string): string;
  /** `expr` with the characters of `chars` removed from both ends. */
  trim(expr: string, chars: string): string;
  /** An expression for a string of any characters, written with escapes so the SQL stays plain ASCII. */
  chars(text: string): string;
  /** The select list item that carries the whole source row (`src` is the source's alias). */
  carryRow(src: string): string;
  /** The select list items that give back the source's columns from the carried row in `step`. */
  expandRow(carried: string): string;
}

/** Characters the engine counts as whitespace around a cell (isSpaceCode). */
export const SQL_SPACES =
  ' \t\n\u000b\f\r\u00a0\u3000\ufeff\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u200b\u2028\u2029\u202f\u205f';

const PG_MAX_IDENTIFIER_BYTES = 63;

function doubled(value: string, quote: string): string {
  return quote + value.split(quote).join(quote + quote) + quote;
}

/** \uXXXX for every character of a text of BMP characters. */
function unicodeEscapes(text: string): string {
  return [...text].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');
}

/** The UTF-8 bytes of a text, in upper-case hex. */
function utf8Hex(text: string): string {
  const bytes: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) bytes.push(c);
    else if (c < 0x800) bytes.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) bytes.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else bytes.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return bytes.map((b) => b.toString(16).toUpperCase().padStart(2, '0')).join('');
}

function utf8Length(text: string): number {
  return utf8Hex(text).length / 2;
}

const DUCKDB: SqlDialect = {
  name: 'duckdb',
  ident: (name) => (name.includes('\0') || name === '' ? undefined : doubled(name, '"')),
  text: (value) => (value.includes('\0') ? undefined : doubled(value, "'")),
  doubleType: 'DOUBLE',
  textType: 'VARCHAR',
  fullMatch: (expr, pattern) => `regexp_full_match(${expr}, ${DUCKDB.text(pattern)!})`,
  trim: (expr, chars) => `trim(${expr}, ${DUCKDB.chars(chars)})`,
  chars: (text) => `(${[...text].map((c) => `chr(${c.codePointAt(0)!})`).join(' || ')})`,
  carryRow: () => '*',
  expandRow: () => '*',
};

/**
 * PostgreSQL: E'' strings when a backslash is present, so the meaning does
 * not depend on standard_conforming_strings; the source row travels as one
 * composite value and is expanded with (row).*.
 */
const POSTGRES: SqlDialect = {
  name: 'postgres',
  ident: (name) =>
    name.includes('\0') || name === '' || utf8Length(name) > PG_MAX_IDENTIFIER_BYTES ? undefined : doubled(name, '"'),
  text: (value) => {
    if (value.includes('\0')) return undefined;
    if (!value.includes('\\')) return doubled(value, "'");
    return `E'${value.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
  },
  doubleType: 'double precision',
  textType: 'text',
  fullMatch: (expr, pattern) => `(${expr} ~ ${POSTGRES.text(`^(?:${pattern})$`)!})`,
  trim: (expr, chars) => `btrim(${expr}, ${POSTGRES.chars(chars)})`,
  chars: (text) => `E'${unicodeEscapes(text)}'`,
  carryRow: (src) => `${src} AS __tw_row`,
  expandRow: (carried) => `(${carried}.__tw_row).*`,
};

/**
 * Spark SQL (3.3+): backtick identifiers; the source row travels as a struct
 * and is expanded with row.*. No backslash anywhere in the statement, so it
 * means the same whatever spark.sql.parser.escapedStringLiterals says: quotes
 * and backslashes in texts are chr(39) and chr(92), other characters are
 * UTF-8 bytes in hex, and the regex end is "no character follows" rather than
 * `$` (which in Java also matches before a final line break, U+0085 included).
 */
const SPARK: SqlDialect = {
  name: 'spark',
  ident: (name) => (name.includes('\0') || name === '' ? undefined : doubled(name, '`')),
  text: (value) => {
    if (value.includes('\0')) return undefined;
    if (!/['\\]/.test(value)) return `'${value}'`;
    const pieces = value.split(/(['\\])/).filter((piece) => piece !== '');
    return `concat(${pieces.map((piece) => (piece === "'" ? 'chr(39)' : piece === '\\' ? 'chr(92)' : `'${piece}'`)).join(', ')})`;
  },
  doubleType: 'DOUBLE',
  textType: 'STRING',
  fullMatch: (expr, pattern) => `(${expr} RLIKE ${SPARK.text(`^(?:${pattern})(?!(?s:.))`)!})`,
  trim: (expr, chars) => `trim(BOTH ${SPARK.chars(chars)} FROM ${expr})`,
  chars: (text) => `decode(unhex('${utf8Hex(text)}'), 'UTF-8')`,
  carryRow: (src) => `struct(${src}.*) AS __tw_row`,
  expandRow: (carried) => `${carried}.__tw_row.*`,
};

export function sqlDialect(name: SqlDialectName): SqlDialect {
  switch (name) {
    case 'duckdb':
      return DUCKDB;
    case 'postgres':
      return POSTGRES;
    case 'spark':
      return SPARK;
  }
}
