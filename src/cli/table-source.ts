import { readFile, stat } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { compileTable } from '../engine/compile';
import type { CompiledTable } from '../engine/grader';
import type { GradingTable } from '../engine/model';
import { getPreset } from '../engine/presets';
import type { CommandContext } from './args';
import { parseJsonText } from './json-text';
import { formatProblems } from './table-problems';
import { cliText } from './text';
import { readWorkbookTable, workbookSpec } from './workbook-table';

export { formatProblems } from './table-problems';

/** Where a table came from, as the user named it. */
export interface TableOrigin {
  kind: 'preset' | 'file' | 'workbook';
  /** The preset id, or the file name as given (book.xlsx#TW_name for a workbook's table). */
  name: string;
}

/** The table's JSON, or the exit code after the reason was reported. */
export type TableJson =
  | {
      ok: true;
      json: unknown;
      origin: TableOrigin;
      /** The tables it may take as sources (a workbook's other tables, then the presets); default the presets. */
      resolve?: (id: string) => GradingTable | undefined;
    }
  | { ok: false; exitCode: number };

/**
 * Reads `--table`: a preset id, or a JSON file (relative to the working
 * directory). A name that looks like a path (has .json or a slash) is always
 * a file; otherwise a preset wins over a file of the same name.
 */
export async function readTableJson(spec: string, context: CommandContext): Promise<TableJson> {
  const workbook = workbookSpec(spec);
  if (workbook) {
    const read = await readWorkbookTable(workbook, context);
    if (!read.ok) return read;
    return { ok: true, json: read.table, origin: { kind: 'workbook', name: read.label }, resolve: read.resolve };
  }
  const looksLikePath = /\.json$/i.test(spec) || /[\\/]/.test(spec);
  const preset = looksLikePath ? undefined : getPreset(spec);
  if (preset) return { ok: true, json: preset, origin: { kind: 'preset', name: spec } };
  const path = isAbsolute(spec) ? spec : resolve(context.io.cwd, spec);
  let text: string;
  try {
    if ((await stat(path)).isDirectory()) {
      context.error(cliText(context.locale, 'csv.is-directory', { file: spec }));
      return { ok: false, exitCode: 1 };
    }
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    context.error(
      code === 'ENOENT'
        ? cliText(context.locale, 'table.not-found', { file: spec })
        : cliText(context.locale, 'table.unreadable', { file: spec, reason: (error as Error).message }),
    );
    return { ok: false, exitCode: 1 };
  }
  const parsed = parseJsonText(text);
  if (!parsed.ok) {
    context.error(
      cliText(context.locale, 'table.json-syntax', {
        file: spec,
        line: parsed.line,
        column: parsed.column,
        reason: parsed.reason,
      }),
    );
    return { ok: false, exitCode: 1 };
  }
  return { ok: true, json: parsed.value, origin: { kind: 'file', name: spec } };
}

/** Reads and compiles `--table`; problems are reported with their paths. */
export async function loadCompiledTable(
  spec: string,
  context: CommandContext,
  options: { asOf?: number } = {},
): Promise<{ ok: true; compiled: CompiledTable; origin: TableOrigin } | { ok: false; exitCode: number }> {
  const read = await readTableJson(spec, context);
  if (!read.ok) return read;
  // --as-of names the date daysSince inputs count to; it replaces the table's own.
  const json =
    options.asOf !== undefined && typeof read.json === 'object' && read.json !== null
      ? { ...read.json, asOf: options.asOf }
      : read.json;
  const result = compileTable(json, { resolve: read.resolve ?? getPreset });
  if (!result.ok) {
    context.error(cliText(context.locale, 'table.invalid', { file: spec, count: result.problems.length }));
    for (const line of formatProblems(result.problems, context.locale)) context.io.stderr(line + '\n');
    return { ok: false, exitCode: 1 };
  }
  return { ok: true, compiled: result.compiled, origin: read.origin };
}
