/**
 * Ctrl+C while a command works: the process ends by the signal, the output
 * does not appear, and no temporary file is left in the output's folder.
 */
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ended, leftovers, spawnTierwise, useFolder } from './support';

const folder = useFolder('sigint');

async function until(condition: () => boolean, timeoutMs: number): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 2));
  }
}

describe('SIGINT', () => {
  test('given grade interrupted while it writes, then no output and no temporary file remain', async () => {
    const lines = ['id,monthly_sales,payment_days'];
    for (let i = 0; i < 150_000; i++) lines.push(`C${i},${1000 + (i % 9000)},${i % 120}`);
    writeFileSync(join(folder(), 'in.csv'), lines.join('\n') + '\n');
    const child = spawnTierwise(folder(), 'grade', 'in.csv', '--table', 'payment-scorecard', '--out', 'out.csv');
    const done = ended(child);
    await until(() => leftovers(folder()).length > 0, 20_000);
    child.kill('SIGINT');
    const result = await done;
    expect(result.signal).toBe('SIGINT');
    expect(readdirSync(folder()).sort()).toEqual(['in.csv']);
  });

  test('given rfm interrupted while it writes, then neither the output nor a temporary file remains', async () => {
    const lines = ['customer_id,order_date,revenue'];
    for (let i = 0; i < 150_000; i++) lines.push(`C${i},2024-0${1 + (i % 9)}-1${i % 10},${i % 97}`);
    writeFileSync(join(folder(), 'orders.csv'), lines.join('\n') + '\n');
    const child = spawnTierwise(folder(), 'rfm', 'orders.csv', '--out', 'rfm.csv');
    const done = ended(child);
    // Writing has begun once a temporary file (or, written in place, the output itself) appears.
    await until(() => leftovers(folder()).length > 0 || existsSync(join(folder(), 'rfm.csv')), 30_000);
    child.kill('SIGINT');
    const result = await done;
    expect(result.signal).toBe('SIGINT');
    expect(readdirSync(folder()).sort()).toEqual(['orders.csv']);
  });
});
