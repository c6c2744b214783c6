/** Points of 1e308 overflowed the score to Infinity (and PostgreSQL's numeric): they are refused at validation. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GradingTable, ScorecardMethod } from '../../src/engine/model';
import { getPreset } from '../../src/engine/presets';
import { tierwise, useFolder } from './support';

const folder = useFolder('huge');

test('given points of 1e308 and a weight of 2e6, then validate and sql refuse the table, naming each', async () => {
  const table = JSON.parse(JSON.stringify(getPreset('payment-scorecard'))) as GradingTable;
  const method = table.method as ScorecardMethod;
  method.criteria[0]!.bands[0]!.points = 1e308;
  method.criteria[1]!.weight = 2e6;
  writeFileSync(join(folder(), 'table.json'), JSON.stringify(table));
  const validate = await tierwise(folder(), 'validate', 'table.json');
  expect(validate.code).toBe(1);
  expect(validate.out).toBe(
    'table.json: the grading table has 2 problem(s):\n' +
      "  method.criteria[0].bands[0].points: '1e+308' is too large; at most 1000000 either way\n" +
      "  method.criteria[1].weight: '2000000' is too large; at most 1000000 either way\n",
  );
  const sql = await tierwise(folder(), 'sql', '--table', 'table.json', '--dialect', 'postgres', '--lang', 'zh-CN');
  expect(sql.code).toBe(1);
  expect(sql.err).toContain('method.criteria[0].bands[0].points: “1e+308”过大；绝对值最多为 1000000');
});
