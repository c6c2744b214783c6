/**
 * The scripted workbook of the browser check: a customer sheet in the strict
 * fake Excel, handed to the pane as window.__tierwiseWorkbook before it boots.
 * Built by webpack.test.config.js into fake-workbook.js.
 */
import { OfficeWorkbook } from '../../src/excel/office-workbook';
import { FakeExcel } from '../../src/excel/testing/fake-excel';

const fake = new FakeExcel();
const rows: Array<Array<string | number>> = [['Customer', '月均销售额', 'Payment days', 'Revenue']];
for (let i = 0; i < 40; i++) {
  rows.push([
    `C${String(i + 1).padStart(3, '0')}`,
    [25000, 15000, 8000, 3000][i % 4]!,
    i === 9 ? 'soon' : [10, 40, 50, 90][i % 3]!,
    1000 + 37 * i,
  ]);
}
fake.addSheet('Customers', rows);
fake.select('Customers', { row: 1, column: 1, rows: 1, columns: 1 });

const params = new URLSearchParams(window.location.search);
Object.assign(window, {
  __tierwiseFake: fake,
  __tierwiseWorkbook: new OfficeWorkbook(fake.run),
  __tierwiseLocale: params.get('lang') ?? 'en-US',
  __tierwiseTheme: params.get('theme') === 'dark' ? 'dark' : 'light',
  __tierwiseBefore: JSON.stringify(fake.snapshot()),
});
