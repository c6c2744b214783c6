/** A CSV field that never ends (an unclosed quote over megabytes) is refused at a bound, not held whole in memory. */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MAX_FIELD_CHARS } from '../../src/cli/csv/reader';
import { leftovers, tierwise, useFolder } from './support';

const folder = useFolder('field');

test('given a 3-million-character field on line 3, then grade and rfm stop there and say why, in both languages', async () => {
  const huge = `"${'x'.repeat(3_000_000)}`;
  writeFileSync(join(folder(), 'in.csv'), `id,monthly_sales,payment_days\nC1,5000,30\nC2,${huge},1\n`);
  writeFileSync(
    join(folder(), 'orders.csv'),
    `customer_id,order_date,revenue\nA,2024-01-02,10\nB,2024-01-03,${huge}\n`,
  );
  const grade = await tierwise(folder(), 'grade', 'in.csv', '--table', 'payment-scorecard', '--out', 'out.csv');
  expect(grade.code).toBe(1);
  expect(grade.err).toContain(
    `tierwise: in.csv, line 3: a field longer than ${MAX_FIELD_CHARS} characters (a quote never closed?); nothing was read past it`,
  );
  const rfm = await tierwise(folder(), 'rfm', 'orders.csv', '--out', 'rfm.csv', '--lang', 'zh-CN');
  expect(rfm.code).toBe(1);
  expect(rfm.err).toContain(
    `orders.csv 第 3 行：某个字段超过 ${MAX_FIELD_CHARS} 个字符（引号未闭合？）；其后内容未读取`,
  );
  expect(existsSync(join(folder(), 'out.csv'))).toBe(false);
  expect(existsSync(join(folder(), 'rfm.csv'))).toBe(false);
  expect(leftovers(folder())).toEqual([]);
});
