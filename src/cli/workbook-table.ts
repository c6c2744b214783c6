/**
 * `--table book.xlsx` or `--table book.xlsx#TW_name`: a grading table stored
 * in a workbook (its rules sheet, under a TW_ defined name), as the add-in
 * and `tierwise grade` leave it.
 */
import { isAbsolute, resolve } from 'node:path';
import type { BrokenTableEntry, StoredTableEntry } from '../engine/sheet-form/stored';
import type { CommandContext } from './args';
import { cliText } from './text';
import { readWorkbookTables } from './xlsx/embedded-tables';
import { formatXlsxProblem } from './xlsx/grade-xlsx';
import { formatProblems } from './table-problems';
import { getPreset } from '../engine/presets';
import type { GradingTable } from '../engine/model';

export interface WorkbookSpec {
  file: string;
  /** The defined name after '#', when given. */
  name?: string;
}

/** "book.xlsx" or "book.xlsx#TW_x" as file and name; undefined for anything that is not a workbook. */
export function workbookSpec(spec: string): WorkbookSpec | undefined {
  const match = /^(.*\.xls[xm])(?:#(.+))?$/i.exec(spec);
  if (!match) return undefined;
  return match[2] === undefined ? { file: match[1]! } : { file: match[1]!, name: match[2] };
}

/** The workbook's tables, every one (for validate), or the exit code after the reason was reported. */
export async function readAllWorkbookTables(
  spec: WorkbookSpec,
  context: CommandContext,
): Promise<
  | { ok: true; names: string[]; tables: StoredTableEntry[]; broken: BrokenTableEntry[] }
  | { ok: false; exitCode: number }
> {
  const path = isAbsolute(spec.file) ? spec.file : resolve(context.io.cwd, spec.file);
  const read = await readWorkbookTables(path);
  if (!read.ok) {
    context.error(formatXlsxProblem(read.problem, spec.file, context.locale));
    return { ok: false, exitCode: 1 };
  }
  if (read.names.length === 0) {
    context.error(cliText(context.locale, 'table.workbook-none', { file: spec.file }));
    return { ok: false, exitCode: 1 };
  }
  return read;
}

/** The one table `spec` names, with the workbook's other tables as its sources. */
export async function readWorkbookTable(
  spec: WorkbookSpec,
  context: CommandContext,
): Promise<
  | { ok: true; table: GradingTable; label: string; resolve: (id: string) => GradingTable | undefined }
  | { ok: false; exitCode: number }
> {
  const read = await readAllWorkbookTables(spec, context);
  if (!read.ok) return read;
  const { locale } = context;
  const all = [...read.tables, ...read.broken].sort((a, b) => read.names.indexOf(a.name) - read.names.indexOf(b.name));
  const names = all.map((t) => t.name).join(', ');
  const wanted = spec.name?.toLowerCase();
  const chosen =
    wanted === undefined ? (all.length === 1 ? all[0] : undefined) : all.find((t) => t.name.toLowerCase() === wanted);
  if (!chosen) {
    context.error(
      wanted === undefined
        ? cliText(locale, 'table.workbook-several', {
            file: spec.file,
            count: all.length,
            names,
            example: all[0]!.name,
          })
        : cliText(locale, 'table.workbook-no-name', { file: spec.file, name: spec.name!, names }),
    );
    return { ok: false, exitCode: 1 };
  }
  const label = `${spec.file}#${chosen.name}`;
  if ('problems' in chosen) {
    context.error(cliText(locale, 'table.invalid', { file: label, count: chosen.problems.length }));
    for (const line of formatProblems(chosen.problems, locale)) context.io.stderr(line + '\n');
    return { ok: false, exitCode: 1 };
  }
  const byId = new Map(read.tables.map((t) => [t.table.id, t.table]));
  return { ok: true, table: chosen.table, label, resolve: (id) => byId.get(id) ?? getPreset(id) };
}
