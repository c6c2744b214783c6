import { mapColumns } from '../../src/engine/columns';
import { compileTable } from '../../src/engine/compile';
import { getPreset, PRESET_IDS, PRESETS } from '../../src/engine/presets';

const HAN = /[\u4e00-\u9fff]/;
const LATIN = /[A-Za-z]/;

describe('built-in presets', () => {
  it('covers every scheme of grading-systems.md sections 1-8, 10 and 11 under the agreed ids', () => {
    expect(PRESET_IDS).toEqual(
      expect.arrayContaining([
        'payment-scorecard',
        'weighted-bonus',
        'sales-pipeline',
        'order-volume',
        'close-horizon',
        'potential-time-amount',
        'pharma-potential',
        'pharma-nine-box',
        'real-estate',
        'value-potential',
        'importance-3',
        'spend-abcd',
        'five-dimension',
        'business-class',
        'bank-value',
        'bank-segment',
        'lifecycle',
        'multi-dimension-value',
        'star-levels',
      ]),
    );
    expect(new Set(PRESET_IDS).size).toBe(PRESET_IDS.length);
  });

  it('finds each preset by id and nothing for an unknown id', () => {
    for (const preset of PRESETS) expect(getPreset(preset.id)).toBe(preset);
    expect(getPreset('no-such-table')).toBeUndefined();
  });

  it('keeps presets of one category together', () => {
    const categories = PRESETS.map((p) => p.category ?? '');
    const runs = categories.filter((c, i) => i === 0 || c !== categories[i - 1]);
    expect(new Set(runs).size).toBe(runs.length);
    expect(categories.every((c) => c !== '')).toBe(true);
  });

  describe.each(PRESETS.map((p) => [p.id, p] as const))('%s', (_id, preset) => {
    it('compiles without problems, resolving the presets it takes results from', () => {
      const result = compileTable(preset, { resolve: getPreset });
      expect(result.ok ? [] : result.problems).toEqual([]);
    });

    it('names itself, its inputs and its tiers in English and Chinese', () => {
      const texts = [
        preset.name,
        preset.description,
        ...preset.inputs.map((i) => i.label),
        ...preset.tiers.map((t) => t.label),
      ];
      for (const text of texts) {
        expect(text?.en).toMatch(LATIN);
        expect(text?.zh).toMatch(HAN);
      }
    });

    it('gives every column input header aliases in both languages', () => {
      for (const input of preset.inputs.filter((i) => !i.source)) {
        expect(input.aliases?.some((a) => HAN.test(a))).toBe(true);
        expect(input.aliases?.some((a) => LATIN.test(a) && !HAN.test(a))).toBe(true);
      }
    });

    it('maps a sheet whose headers are the Chinese labels, and one whose headers are the English labels', () => {
      const result = compileTable(preset, { resolve: getPreset });
      if (!result.ok) throw new Error('does not compile');
      const { columns } = result.compiled;
      for (const language of ['zh', 'en'] as const) {
        const headers = ['客户名称', ...columns.map((c) => c.label[language] ?? '')];
        expect(mapColumns(columns, headers).unmapped).toEqual([]);
      }
    });

    it('leaves ordinary data columns (names, phones, dates, notes) alone, so they cannot hijack an input', () => {
      const result = compileTable(preset, { resolve: getPreset });
      if (!result.ok) throw new Error('does not compile');
      const headers = [
        ...['客户名称', '公司名称', '联系人', '电话', '传真', '地址', '备注', '成交时间', '客户类型', '日期'],
        ...['Customer', 'Name', 'Company name', 'Phone', 'Fax', 'Address', 'Notes', 'Date', 'Time to close'],
      ];
      expect(mapColumns(result.compiled.columns, headers).matched).toEqual([]);
    });

    it('colours tiers with #RRGGBB fills and fonts, distinct fill per tier', () => {
      for (const tier of preset.tiers) {
        expect(tier.fill).toMatch(/^#[0-9A-F]{6}$/);
        expect(tier.font).toMatch(/^#[0-9A-F]{6}$/);
        expect(tier.font).not.toBe(tier.fill);
      }
      expect(new Set(preset.tiers.map((t) => t.fill)).size).toBe(preset.tiers.length);
    });
  });
});
