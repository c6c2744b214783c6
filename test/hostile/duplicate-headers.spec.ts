/** Two columns under one header: the one read is said, not chosen silently. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tierwise, useFolder } from './support';

const folder = useFolder('dup');

test('given monthly_sales twice and revenue twice, then grade and rfm name the column they read and the others', async () => {
  writeFileSync(join(folder(), 'in.csv'), 'id,monthly_sales,payment_days,monthly_sales\r\nC1,5000,30,9\r\n');
  writeFileSync(join(folder(), 'orders.csv'), 'customer_id,order_date,revenue,revenue\nA,2024-01-02,10,99\n');
  const grade = await tierwise(folder(), 'grade', 'in.csv', '--table', 'payment-scorecard', '--out', 'out.csv');
  expect(grade.code).toBe(0);
  expect(grade.err).toBe(
    'tierwise: note: in.csv: the header "monthly_sales" appears more than once (also column(s) 4); column 2 is the one read\n',
  );
  const rfm = await tierwise(folder(), 'rfm', 'orders.csv', '--out', 'rfm.csv', '--lang', 'zh-CN');
  expect(rfm.code).toBe(0);
  expect(rfm.err).toContain('orders.csv：列名“revenue”出现了不止一次（另见第 4 列）；读取的是第 3 列');
});
