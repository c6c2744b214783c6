/** Labels from a stranger's table reach the terminal as text: their escape sequences are shown, never run. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GradingTable } from '../../src/engine/model';
import { getPreset } from '../../src/engine/presets';
import { tierwise, useFolder } from './support';

const folder = useFolder('escape');

test('given tier labels and a table name holding ESC sequences, then grade and validate print them escaped', async () => {
  const table = JSON.parse(JSON.stringify(getPreset('payment-scorecard'))) as GradingTable;
  table.name = { en: 'Clear\u001b[2J\u001b[H screen', zh: '清屏' };
  table.tiers[0]!.label = { en: 'A\u001b]0;owned\u0007\u202e', zh: 'A' };
  writeFileSync(join(folder(), 'table.json'), JSON.stringify(table));
  writeFileSync(join(folder(), 'in.csv'), 'id,monthly_sales,payment_days\nC1,5000,30\n');
  const grade = await tierwise(folder(), 'grade', 'in.csv', '--table', 'table.json', '--out', 'out.csv');
  const stdoutGrade = await tierwise(folder(), 'grade', 'in.csv', '--table', 'table.json', '--out', '-');
  const validate = await tierwise(folder(), 'validate', 'table.json');
  for (const text of [grade.out, stdoutGrade.err, validate.out]) {
    for (const raw of ['\u001b', '\u0007', '\u202e']) expect(text).not.toContain(raw);
    expect(text).toContain('Clear\\u{1b}[2J\\u{1b}[H screen');
  }
  expect(grade.out).toContain('A\\u{1b}]0;owned\\u{7}\\u{202e}');
});
