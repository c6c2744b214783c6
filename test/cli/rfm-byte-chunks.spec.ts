import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OrderCollector } from '../../src/engine/rfm';
import { openCsvByteColumns } from '../../src/cli/csv/byte-columns';
import { OrderRowsSink } from '../../src/cli/commands/rfm-order-range';
import { seededRandom } from '../support/seeded-random';

/**
 * Orders read from small chunks of bytes: nothing may keep a view of a chunk
 * (NumberedKeys' prefix is a copy). Ids of two prefixes with the same numbers
 * (C5, D5) tell apart a number table whose prefix changed under it.
 */
const NAMES = { customer: 'id', date: 'day', amount: 'amount' };

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tierwise-byte-chunks-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

test('given small chunks and ids of two prefixes, then every order has the customer the text gives', async () => {
  const random = seededRandom(32);
  const lines: string[] = [];
  for (let i = 0; i < 400; i++) {
    const prefix = i === 0 || random() < 0.5 ? 'C' : 'D';
    lines.push(`${prefix}${1 + Math.floor(random() * 30)},2024-05-${10 + Math.floor(random() * 18)},${i}`);
  }
  const path = join(dir, 'orders.csv');
  writeFileSync(path, `id,day,amount\n${lines.join('\n')}\n`);
  const want = new OrderCollector({ names: NAMES });
  lines.forEach((line, k) => {
    const [id, day, amount] = line.split(',');
    want.add(id, day, amount, k + 2);
  });
  const { orders } = want.finish();
  for (const chunkSize of [7, 16, 31, 64]) {
    const opened = await openCsvByteColumns(path, { file: 'orders.csv', chunkSize });
    const sink = new OrderRowsSink(NAMES, 20);
    await opened!.read([0, 1, 2], sink);
    const got = sink.collector.finish().orders;
    expect(got.ids).toEqual(orders.ids);
    expect(Array.from(got.customer)).toEqual(Array.from(orders.customer));
    expect(Array.from(got.date)).toEqual(Array.from(orders.date));
    expect(Array.from(got.amount)).toEqual(Array.from(orders.amount));
  }
});
