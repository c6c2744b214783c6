import { TABLE_FORMAT_VERSION } from '../model';
import type { Shape } from './shape';
import { gradingTableShape } from './shape';

type JsonSchema = Record<string, unknown>;

/**
 * The JSON Schema (draft 2020-12) of a grading table, generated from the same
 * shape that validates tables, so the shipped schema and the engine agree.
 * Semantic rules (band coverage, references) are beyond JSON Schema and are
 * checked by the engine.
 */
export function gradingTableJsonSchema(): JsonSchema {
  const defs: Record<string, JsonSchema> = {};
  const root = toSchema(gradingTableShape, defs, true);
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `urn:tierwise:grading-table:v${TABLE_FORMAT_VERSION}`,
    title: 'Tierwise grading table',
    ...root,
    $defs: Object.fromEntries(Object.entries(defs).sort(([a], [b]) => (a < b ? -1 : 1))),
  };
}

function toSchema(shape: Shape, defs: Record<string, JsonSchema>, inline = false): JsonSchema {
  const named = 'name' in shape ? shape.name : undefined;
  if (named && !inline) {
    if (!defs[named]) {
      defs[named] = {}; // placeholder first: shapes may refer to themselves
      defs[named] = toSchema(shape, defs, true);
    }
    return { $ref: `#/$defs/${named}` };
  }
  const title = 'title' in shape && shape.title ? { description: shape.title } : {};
  switch (shape.t) {
    case 'string':
      return {
        type: 'string',
        ...title,
        ...(shape.enum ? { enum: [...shape.enum] } : {}),
        ...(shape.pattern ? { pattern: shape.pattern.source } : {}),
        ...(shape.maxLength !== undefined ? { maxLength: shape.maxLength } : {}),
      };
    case 'number':
      return {
        type: shape.integer ? 'integer' : 'number',
        ...title,
        ...(shape.minimum !== undefined ? { minimum: shape.minimum } : {}),
        ...(shape.maximum !== undefined ? { maximum: shape.maximum } : {}),
      };
    case 'boolean':
      return { type: 'boolean', ...title };
    case 'scalar':
      return { type: [...shape.types], ...title };
    case 'array':
      return {
        type: 'array',
        ...title,
        items: toSchema(shape.items, defs),
        maxItems: shape.maxItems,
        ...(shape.minItems ? { minItems: shape.minItems } : {}),
      };
    case 'tuple':
      return {
        type: 'array',
        ...title,
        prefixItems: shape.items.map((item) => toSchema(item, defs)),
        minItems: shape.items.length,
        maxItems: shape.items.length,
      };
    case 'object': {
      const properties: Record<string, JsonSchema> = {};
      for (const [key, value] of Object.entries({ ...shape.required, ...shape.optional })) {
        properties[key] = toSchema(value, defs);
      }
      return {
        type: 'object',
        ...title,
        properties,
        required: Object.keys(shape.required),
        additionalProperties: false,
      };
    }
    case 'union':
      return { ...title, oneOf: shape.options.map((option) => toSchema(option, defs)) };
    case 'ref':
      return toSchema(shape.get(), defs);
  }
}
