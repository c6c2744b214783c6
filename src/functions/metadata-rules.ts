/**
 * Microsoft's documented rules for custom functions metadata (functions.json
 * and its localized copies), as a list of problems; empty means valid.
 * Sources: learn.microsoft.com/office/dev/add-ins/excel/custom-functions-naming
 * (id: A-Z, 0-9, underscore, period; name: Unicode letters, underscore,
 * period; both start with a letter, at least three characters, not a cell
 * reference) and .../custom-functions-json (parameter types and
 * dimensionality, options; requiresParameterAddresses needs a matrix result).
 */
import type { FunctionsMetadata } from './localize-metadata';

const TYPES = new Set(['any', 'boolean', 'number', 'string']);
const DIMENSIONALITIES = new Set(['scalar', 'matrix']);
/** The options the metadata reference lists, with the CustomFunctionsRuntime version each needs. */
export const OPTION_RUNTIME: Readonly<Record<string, number>> = {
  cancelable: 1.1,
  requiresAddress: 1.1,
  stream: 1.1,
  volatile: 1.1,
  requiresParameterAddresses: 1.3,
  capturesCallingObject: 1.5,
  excludeFromAutoComplete: 1.5,
};
/** Top-level flags and the runtime version each needs (allowCustomData... is data types: CustomFunctionsRuntime 1.4). */
export const TOP_LEVEL_RUNTIME: Readonly<Record<string, number>> = {
  allowErrorForDataTypeAny: 1.2,
  allowCustomDataForDataTypeAny: 1.4,
};

function isCellReference(name: string): boolean {
  const a1 = /^([A-Z]{1,3})([1-9][0-9]{0,6})$/i.exec(name);
  if (a1) {
    const column = [...a1[1]!.toUpperCase()].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);
    return column <= 16384 && Number(a1[2]) <= 1048576;
  }
  const r1c1 = /^R([1-9][0-9]{0,6})C([1-9][0-9]{0,4})$/i.exec(name);
  return r1c1 !== null && Number(r1c1[1]) <= 1048576 && Number(r1c1[2]) <= 16384;
}

/** Problems of one functions.json against Microsoft's rules and the declared CustomFunctionsRuntime version. */
export function functionsMetadataProblems(metadata: FunctionsMetadata, runtimeVersion: number): string[] {
  const problems: string[] = [];
  for (const [flag, needs] of Object.entries(TOP_LEVEL_RUNTIME))
    if (metadata[flag] === true && needs > runtimeVersion)
      problems.push(`${flag} needs CustomFunctionsRuntime ${needs}, the manifest declares ${runtimeVersion}`);
  const ids = new Set<string>();
  const names = new Set<string>();
  for (const fn of metadata.functions) {
    if (!/^[A-Z][A-Z0-9_.]{2,}$/.test(fn.id))
      problems.push(`${fn.id}: an id has A-Z, 0-9, _ and . only, starts with a letter, 3 characters or more`);
    if (!/^\p{L}[\p{L}\p{N}_.]{2,}$/u.test(fn.name))
      problems.push(
        `${fn.id}: name '${fn.name}' must start with a letter, use letters, _ and . only, 3 characters or more`,
      );
    if (isCellReference(fn.name)) problems.push(`${fn.id}: name '${fn.name}' is a cell reference`);
    if (ids.has(fn.id)) problems.push(`${fn.id}: the id is used twice`);
    if (names.has(fn.name.toUpperCase())) problems.push(`${fn.id}: the name '${fn.name}' is used twice`);
    ids.add(fn.id);
    names.add(fn.name.toUpperCase());
    let optionalSeen = false;
    for (const p of fn.parameters) {
      if (!TYPES.has(String(p.type ?? 'any'))) problems.push(`${fn.id}(${p.name}): type '${String(p.type)}'`);
      if (!DIMENSIONALITIES.has(String(p.dimensionality ?? 'scalar')))
        problems.push(`${fn.id}(${p.name}): dimensionality '${String(p.dimensionality)}'`);
      if (p.optional === true) optionalSeen = true;
      else if (optionalSeen) problems.push(`${fn.id}(${p.name}): a required parameter after an optional one`);
    }
    const result = (fn.result ?? {}) as { type?: string; dimensionality?: string };
    if (!DIMENSIONALITIES.has(result.dimensionality ?? 'scalar'))
      problems.push(`${fn.id}: result dimensionality '${String(result.dimensionality)}'`);
    const options = (fn.options ?? {}) as Record<string, unknown>;
    for (const [option, value] of Object.entries(options)) {
      const needs = OPTION_RUNTIME[option];
      if (needs === undefined) problems.push(`${fn.id}: unknown option '${option}'`);
      else if (value === true && needs > runtimeVersion)
        problems.push(
          `${fn.id}: ${option} needs CustomFunctionsRuntime ${needs}, the manifest declares ${runtimeVersion}`,
        );
    }
    if (options.requiresParameterAddresses === true && result.dimensionality !== 'matrix')
      problems.push(`${fn.id}: requiresParameterAddresses needs a matrix result`);
    if (options.volatile === true && options.stream === true) problems.push(`${fn.id}: volatile and stream together`);
  }
  return problems;
}
