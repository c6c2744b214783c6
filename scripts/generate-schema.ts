/** Writes schema/grading-table.schema.json from the engine's table shape: `npm run schema`. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gradingTableJsonSchema } from '../src/engine/table/json-schema';

export const SCHEMA_PATH = join(__dirname, '..', 'schema', 'grading-table.schema.json');

export function schemaText(): string {
  return `${JSON.stringify(gradingTableJsonSchema(), null, 2)}\n`;
}

if (require.main === module) {
  writeFileSync(SCHEMA_PATH, schemaText());
  process.stdout.write(`wrote ${SCHEMA_PATH}\n`);
}
