import type { TableProblem } from '../errors';
import { TABLE_LIMITS } from '../model';
import type { Shape } from './shape';

/**
 * Checks untrusted data against a shape and collects every problem with its
 * JSON path. It never throws and never recurses deeper than the limits allow,
 * so a hostile table cannot exhaust the stack.
 */
export function checkShape(value: unknown, shape: Shape, path = ''): TableProblem[] {
  const problems: TableProblem[] = [];
  visit(value, shape, path, problems, 0);
  return problems;
}

function visit(value: unknown, shape: Shape, path: string, problems: TableProblem[], refDepth: number): void {
  switch (shape.t) {
    case 'string':
      if (typeof value !== 'string') return wrongType(problems, path, 'text', value);
      if (shape.enum && !shape.enum.includes(value)) {
        problems.push({ code: 'wrong-type', path, detail: { expected: shape.enum.join(' | '), found: quote(value) } });
      } else if (shape.maxLength !== undefined && value.length > shape.maxLength) {
        problems.push({ code: 'too-long', path, detail: { limit: shape.maxLength, found: value.length } });
      } else if (shape.pattern && !shape.pattern.test(value)) {
        problems.push({
          code: shape.patternProblem ?? 'wrong-type',
          path,
          detail: { id: value, value, expected: shape.title ?? 'text', found: quote(value) },
        });
      }
      return;
    case 'number':
      if (typeof value !== 'number') return wrongType(problems, path, 'a number', value);
      if (!Number.isFinite(value)) {
        problems.push({ code: 'bad-number', path, detail: { value: String(value) } });
      } else if (shape.integer && !Number.isInteger(value)) {
        problems.push({ code: 'wrong-type', path, detail: { expected: 'a whole number', found: String(value) } });
      } else if (
        (shape.minimum !== undefined && value < shape.minimum) ||
        (shape.maximum !== undefined && value > shape.maximum)
      ) {
        problems.push({
          code: 'wrong-type',
          path,
          detail: {
            expected: `a number from ${shape.minimum ?? '-∞'} to ${shape.maximum ?? '∞'}`,
            found: String(value),
          },
        });
      }
      return;
    case 'boolean':
      if (typeof value !== 'boolean') wrongType(problems, path, 'true or false', value);
      return;
    case 'scalar':
      if (!(shape.types as readonly string[]).includes(typeof value)) {
        wrongType(problems, path, shape.types.join(' or '), value);
      } else if (typeof value === 'number' && !Number.isFinite(value)) {
        problems.push({ code: 'bad-number', path, detail: { value: String(value) } });
      } else if (typeof value === 'string' && value.length > TABLE_LIMITS.textLength) {
        problems.push({ code: 'too-long', path, detail: { limit: TABLE_LIMITS.textLength, found: value.length } });
      }
      return;
    case 'array':
      if (!Array.isArray(value)) return wrongType(problems, path, 'a list', value);
      if (value.length > shape.maxItems) {
        problems.push({ code: 'too-many', path, detail: { limit: shape.maxItems, found: value.length } });
        return;
      }
      if (value.length < (shape.minItems ?? 0)) {
        problems.push({ code: 'empty', path });
        return;
      }
      value.forEach((item, i) => visit(item, shape.items, `${path}[${i}]`, problems, refDepth));
      return;
    case 'tuple':
      if (!Array.isArray(value) || value.length !== shape.items.length) {
        return wrongType(problems, path, `a list of ${shape.items.length}`, value);
      }
      shape.items.forEach((item, i) => visit(value[i], item, `${path}[${i}]`, problems, refDepth));
      return;
    case 'object': {
      if (!isPlainObject(value)) {
        problems.push({ code: 'not-an-object', path, detail: { found: describe(value) } });
        return;
      }
      for (const [key, fieldShape] of Object.entries(shape.required)) {
        if (value[key] === undefined)
          problems.push({ code: 'missing-field', path: join(path, key), detail: { field: key } });
        else visit(value[key], fieldShape, join(path, key), problems, refDepth);
      }
      for (const key of Object.keys(value)) {
        if (key in shape.required) continue;
        const fieldShape = shape.optional?.[key];
        if (!fieldShape) {
          problems.push({ code: 'unknown-field', path: join(path, key), detail: { field: key } });
        } else if (value[key] !== undefined) {
          visit(value[key], fieldShape, join(path, key), problems, refDepth);
        }
      }
      return;
    }
    case 'union': {
      if (!isPlainObject(value)) {
        problems.push({ code: 'not-an-object', path, detail: { found: describe(value) } });
        return;
      }
      const option = shape.select(value);
      if (!option) {
        problems.push({ code: 'wrong-type', path, detail: { expected: shape.expected, found: describe(value) } });
        return;
      }
      visit(value, option, path, problems, refDepth);
      return;
    }
    case 'ref':
      if (refDepth >= TABLE_LIMITS.conditionDepth) {
        problems.push({ code: 'too-deep', path, detail: { limit: TABLE_LIMITS.conditionDepth } });
        return;
      }
      visit(value, shape.get(), path, problems, refDepth + 1);
      return;
  }
}

function wrongType(problems: TableProblem[], path: string, expected: string, value: unknown): void {
  problems.push({ code: 'wrong-type', path, detail: { expected, found: describe(value) } });
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'object') return 'an object';
  return String(value);
}

function quote(value: string): string {
  return `'${value.length > 40 ? `${value.slice(0, 40)}…` : value}'`;
}

/** Appends a key to a JSON path: "method" + "criteria" -> "method.criteria". */
export function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}
