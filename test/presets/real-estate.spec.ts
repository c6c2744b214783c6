import { compilePreset, grade, gradeSheet, tierOf } from './preset-harness';

describe('real-estate preset (grading-systems.md section 8)', () => {
  const compiled = compilePreset('real-estate');

  it.each([
    [{ stage: '签订购房合同' }, 'A-plus'],
    [{ stage: '认购协议' }, 'A'],
    [{ stage: '认购协议', wavering: '否' }, 'A'],
    [{ stage: '认购协议', wavering: '是' }, 'A-minus'],
    [{ stage: '交定金' }, 'B-plus'],
    [{ stage: '认购卡' }, 'B-plus'],
    [{ stage: '内部认购登记' }, 'B'],
    [{ stage: '来访', visits: 2 }, 'B-minus'],
    [{ stage: '来访', visits: 3, intent: '观望' }, 'B-minus'],
    [{ stage: '留电', visits: 1, intent: '强烈' }, 'C-plus'],
    [{ stage: '首次来访', intent: '较强' }, 'C'],
    [{ stage: 'contact', intent: 'wait and see' }, 'C-minus'],
    [{ stage: '认购协议', gave_up: '是' }, 'D'],
    [{ stage: '签约', gave_up: 'TRUE' }, 'D'],
  ])('given %p then the tier is %p', (cells, tier) => {
    expect(tierOf(compiled, cells)).toBe(tier);
  });

  it('given a first visit with no intent recorded then it is ungraded, asking for the intent', () => {
    expect(grade(compiled, { stage: '来访', visits: 1 })).toEqual({ ok: false, error: { kind: 'no-match' } });
  });

  it('orders tiers A+ ... C-, D with labels that show the strength', () => {
    expect(compiled.tiers.map((t) => t.label.en.split(' ')[0])).toEqual([
      'A+',
      'A',
      'A-',
      'B+',
      'B',
      'B-',
      'C+',
      'C',
      'C-',
      'D',
    ]);
  });

  it('happy path: a sales-office sheet with Chinese headers', () => {
    const sheet = [
      ['客户', '阶段', '来访次数', '意向', '意向动摇', '最终放弃'],
      ['甲', '签约', 4, '', '', ''],
      ['乙', '认购', 3, '', '是', ''],
      ['丙', '来访', 1, '观望', '', ''],
      ['丁', '登记', 2, '', '', '是'],
    ];
    expect(gradeSheet(compiled, sheet)).toEqual(['A-plus', 'A-minus', 'C-minus', 'D']);
  });
});
