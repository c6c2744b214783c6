/**
 * Builds a localized functions.json (e.g. functions.zh-CN.json) from the one
 * generated from the JSDoc: same ids, types and options, translated
 * descriptions and parameter names. Runs in the build (webpack.config.js).
 */
import type { LocalizedFunctionHelp } from '../i18n/functions-metadata.zh-CN';

export interface FunctionsMetadata {
  functions: Array<{
    id: string;
    name: string;
    description?: string;
    parameters: Array<{ name: string; description?: string; [key: string]: unknown }>;
    [key: string]: unknown;
  }>;
  [key: string]: unknown;
}

export type LocalizeResult = { ok: true; metadata: FunctionsMetadata } | { ok: false; missing: string[] };

/** The metadata with every description and parameter name translated; `missing` lists what the table lacks. */
export function localizeFunctionsMetadata(
  metadata: FunctionsMetadata,
  help: Readonly<Record<string, LocalizedFunctionHelp>>,
): LocalizeResult {
  const missing: string[] = [];
  const functions = metadata.functions.map((fn) => {
    const local = help[fn.id];
    if (!local) {
      missing.push(fn.id);
      return fn;
    }
    const parameters = fn.parameters.map((p) => {
      const param = local.parameters[p.name];
      if (!param) {
        missing.push(`${fn.id}(${p.name})`);
        return p;
      }
      return { ...p, name: param.name, description: param.description };
    });
    return { ...fn, description: local.description, parameters };
  });
  for (const id of Object.keys(help)) {
    if (!metadata.functions.some((fn) => fn.id === id)) missing.push(`${id} (no such function)`);
  }
  return missing.length > 0 ? { ok: false, missing } : { ok: true, metadata: { ...metadata, functions } };
}
