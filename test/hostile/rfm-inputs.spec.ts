/**
 * RFM inputs that read fine but mean nothing: a --segments file that
 * `validate` rejects, and bins the segment table was not made for. Each is
 * refused with the table's own problem list, as `validate` prints it.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RFM_PRESETS } from '../../src/engine/rfm';
import { tierwise, useFolder } from './support';

const folder = useFolder('rfm');
const ORDERS = 'customer_id,order_date,revenue\nA,2024-01-02,10\nB,2024-03-04,20\nA,2024-05-06,30\n';

describe('rfm --segments FILE', () => {
  test('given a bad fill and a huge label, then rfm lists the problems validate lists', async () => {
    writeFileSync(join(folder(), 'orders.csv'), ORDERS);
    const table = JSON.parse(JSON.stringify(RFM_PRESETS[0])) as {
      tiers: Array<{ id: string; fill: string; label: { en: string } }>;
    };
    table.tiers[2]!.fill = 'red';
    table.tiers[3]!.label.en = 'x'.repeat(100_000);
    writeFileSync(join(folder(), 'segments.json'), JSON.stringify(table));
    const rfm = await tierwise(folder(), 'rfm', 'orders.csv', '--segments', 'segments.json', '--out', 'out.csv');
    const validate = await tierwise(folder(), 'validate', 'segments.json');
    expect(validate.code).toBe(1);
    expect(rfm.code).toBe(1);
    const listed = validate.out.split('\n').filter((line) => line.startsWith('  '));
    expect(listed).toEqual([
      "  tiers[2].fill: 'red' is not a colour; use #RRGGBB",
      '  tiers[3].label.en: at most 1000 characters allowed, found 100000',
    ]);
    expect(rfm.err).toBe(`tierwise: ${validate.out.split('\n')[0]}\n${listed.join('\n')}\n`);
    expect(existsSync(join(folder(), 'out.csv'))).toBe(false);
  });

  test('given --bins 3 with the default segments (made for 5), then rfm refuses, naming each range', async () => {
    writeFileSync(join(folder(), 'orders.csv'), ORDERS);
    const run = await tierwise(folder(), 'rfm', 'orders.csv', '--bins', '3', '--out', 'out.csv');
    expect(run.code).toBe(2);
    expect(run.err).toContain('--bins 3 does not fit the segments of rfm: 22 score range(s) lie outside these bins');
    expect(run.err).toContain('method.segments[0].r: the segment range 5-5 must be within 1..3, low to high');
    expect(existsSync(join(folder(), 'out.csv'))).toBe(false);
  });
});
