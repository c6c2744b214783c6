import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { customFunctionsRuntimeSets, manifestSets, subsetApiSets, unguardedMembers } from '../../scripts/api-set-usage';
import { DECLARED_SETS, GUARDED_MEMBERS } from '../../src/excel/api-sets';
import { EXCEL_HOSTS, FAKE_MEMBER_SETS } from '../../src/excel/testing/fake-hosts';

const manifest = readFileSync(join(__dirname, '..', '..', 'manifest.xml'), 'utf8');

describe('requirement sets: the Office.js subset against the manifest (@types/office-js annotations)', () => {
  const uses = subsetApiSets();

  it('the manifest declares exactly the oldest supported Excel: Excel 2021', () => {
    expect(manifestSets(manifest)).toEqual(DECLARED_SETS);
    expect(EXCEL_HOSTS['Excel 2021']).toEqual(DECLARED_SETS);
  });

  it('reads the annotation of every member the subset uses', () => {
    const needs = Object.fromEntries(uses.map((u) => [u.member, `${u.set} ${u.version}`]));
    expect(needs).toMatchObject({
      'RangeAreas.select': 'ExcelApi 1.18',
      'Range.getMergedAreasOrNullObject': 'ExcelApi 1.13',
      'Worksheet.getRanges': 'ExcelApi 1.9',
      'Application.suspendApiCalculationUntilNextSync': 'ExcelApi 1.6',
      'ConditionalFormat.custom': 'ExcelApi 1.6',
      'Range.values': 'ExcelApi 1.1',
      // Enum values carry their own annotations: the Pareto chart type came later than charts.add.
      "ChartCollection.add(type: 'Pareto')": 'ExcelApi 1.9',
      "ChartCollection.add(type: 'ColumnClustered')": 'ExcelApi 1.1',
      "ConditionalFormatCollection.add(type: 'ColorScale')": 'ExcelApi 1.6',
      "Worksheet.visibility = 'VeryHidden'": 'ExcelApi 1.1',
    });
    expect(uses.length).toBeGreaterThan(90);
  });

  it('every member above the manifest is guarded by isSetSupported, and the fake refuses it on Excel 2021', () => {
    expect(unguardedMembers(uses, DECLARED_SETS, GUARDED_MEMBERS)).toEqual([]);
    const above = uses.filter((u) => unguardedMembers([u], DECLARED_SETS, {}).length > 0).map((u) => u.member);
    expect(above).toEqual(Object.keys(GUARDED_MEMBERS));
    expect(FAKE_MEMBER_SETS).toEqual(GUARDED_MEMBERS);
  });

  it('fails for a manifest that declares less than the subset needs', () => {
    expect(unguardedMembers(uses, { ExcelApi: '1.12' }, GUARDED_MEMBERS)).toEqual([
      'Range.getMergedAreasOrNullObject needs ExcelApi 1.13, the manifest declares 1.12',
    ]);
  });

  it('fails for a manifest below an enum value the subset passes (Pareto charts need ExcelApi 1.9)', () => {
    expect(unguardedMembers(uses, { ExcelApi: '1.8' }, GUARDED_MEMBERS)).toContain(
      "ChartCollection.add(type: 'Pareto') needs ExcelApi 1.9, the manifest declares 1.8",
    );
  });

  it('refuses a subset passing a value that is not in the Excel enum the member takes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tw-subset-'));
    const file = join(dir, 'excel-api.ts');
    writeFileSync(
      file,
      "export interface ExcelWorksheet { readonly charts: { add(type: 'Pareto' | 'Parteo', source: unknown, seriesBy: 'Columns'): unknown } }\n",
    );
    expect(() => subsetApiSets(file)).toThrow(/ChartCollection\.add takes no value 'Parteo'/);
  });

  it('the custom functions runtime members fit the declared CustomFunctionsRuntime', () => {
    const runtime = customFunctionsRuntimeSets();
    expect(runtime.map((u) => `${u.member} ${u.version}`)).toEqual([
      'ErrorCode 1.2',
      'Error 1.2',
      'Invocation 1.1',
      'address 1.1',
      'parameterAddresses 1.3',
      'associate 1.1',
    ]);
    expect(unguardedMembers(runtime, DECLARED_SETS, {})).toEqual([]);
  });
});
