/**
 * `tierwise grade --table rfm` on a CSV larger than one grading chunk: quantile
 * cut points are of the whole file, so the CSV must be graded as one batch
 * (chunk by chunk, each chunk had its own quintiles).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CliIo } from '../../src/cli/command';
import { GRADE_CHUNK_ROWS, gradeCommand } from '../../src/cli/commands/grade';
import { CsvParser } from '../../src/cli/csv';
import { compileTable } from '../../src/engine/compile';
import { getPreset } from '../../src/engine/presets';

const dir = mkdtempSync(join(tmpdir(), 'tierwise-ranked-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('given an RFM quantile table and a CSV of more than one chunk, then every row is scored against the whole file', async () => {
  // The first chunk's customers are all recent and big; the rest old and small: per chunk, both look alike.
  const n = GRADE_CHUNK_ROWS + 4000;
  const rows = Array.from({ length: n }, (_, i) =>
    i < GRADE_CHUNK_ROWS ? [1 + (i % 30), 5 + (i % 7), 1000 + (i % 500)] : [300 + (i % 60), 1 + (i % 3), 10 + (i % 50)],
  );
  writeFileSync(join(dir, 'c.csv'), ['recency,frequency,monetary', ...rows.map((r) => r.join(','))].join('\n') + '\n');
  const io: CliIo = { stdout: () => undefined, stderr: () => undefined, cwd: dir };
  await gradeCommand.run(['c.csv', '--table', 'rfm'], io);
  const parser = new CsvParser();
  const out = [...parser.push(readFileSync(join(dir, 'c.graded.csv'), 'utf8')), ...parser.end().rows].map(
    (r) => r.cells,
  );
  const compiled = compileTable(getPreset('rfm'));
  if (!compiled.ok) throw new Error('rfm compiles');
  const whole = compiled.compiled.gradeRows(rows);
  const expected = Array.from(whole.tiers, (t) => compiled.compiled.tiers[t]?.id ?? '');
  expect(out.slice(1).map((r) => r[4])).toEqual(expected);
  expect(out.slice(1).map((r) => Number(r[3]))).toEqual(Array.from(whole.scores));
});
