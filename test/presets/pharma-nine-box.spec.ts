import { compilePreset, grade, gradeSheet, rowOf } from './preset-harness';

describe('pharma-nine-box preset (grading-systems.md section 7)', () => {
  const compiled = compilePreset('pharma-nine-box');

  it("reads its own prescribing column and the potential table's hospital and title columns", () => {
    expect(compiled.columns.map((c) => c.id).sort()).toEqual(['doctor_title', 'hospital_level', 'prescribing']);
  });

  // First choice adds 1, so the total is the potential cell + 1.
  it.each([
    ['三级', '主任', 9],
    ['三级', '主治医师', 8],
    ['三级', '住院医师', 5],
    ['二级', '副主任', 7],
    ['二级', '主治医师', 5],
    ['二级', '住院医师', 3],
    ['二级以下', '主任医师', 3],
    ['二级以下', '主治医师', 2],
    ['二级以下', '住院医师', 1],
  ])(
    'given a %p hospital and a %p doctor then the potential %p feeds the total',
    (hospital_level, doctor_title, potential) => {
      expect(grade(compiled, { hospital_level, doctor_title, prescribing: '首选' })).toMatchObject({
        ok: true,
        score: potential + 1,
      });
    },
  );

  it.each([
    ['首选', 1],
    ['次选', 2],
    ['竞品', 3],
    ['competitor', 3],
  ])('given prescribing %p then behaviour adds %p', (prescribing, points) => {
    expect(grade(compiled, { hospital_level: '二级', doctor_title: '住院医师', prescribing })).toMatchObject({
      ok: true,
      score: 3 + points,
    });
  });

  it.each([
    ['三级', '主任', '竞品', 12, 'A'],
    ['二级', '副主任', '首选', 8, 'A'],
    ['二级', '主治医师', '次选', 7, 'B'],
    ['二级', '住院医师', '首选', 4, 'B'],
    ['二级以下', '主治医师', '首选', 3, 'C'],
    ['二级以下', '住院医师', '首选', 2, 'C'],
  ])(
    'grade edges: %p %p %p totals %p -> %p (A 8-12, B 4-7, C 1-3)',
    (hospital_level, doctor_title, prescribing, score, tier) => {
      expect(grade(compiled, { hospital_level, doctor_title, prescribing })).toMatchObject({ ok: true, score, tier });
    },
  );

  it('given a hospital level the potential table does not know then the row error names that input', () => {
    expect(grade(compiled, { hospital_level: '诊所X', doctor_title: '主任', prescribing: '首选' })).toMatchObject({
      ok: false,
      error: { kind: 'unknown-category', input: 'hospital_level' },
    });
  });

  it('explains the potential step and the total', () => {
    const explained = compiled.explainRow(
      rowOf(compiled, { hospital_level: '三级', doctor_title: '主任', prescribing: '首选' }),
    );
    expect(explained.ok && explained.explanation.steps.find((s) => s.kind === 'source')).toMatchObject({
      kind: 'source',
      input: 'potential',
      table: 'pharma-potential',
      output: 'score',
      value: 9,
    });
  });

  it('happy path: a visit sheet with Chinese headers', () => {
    const sheet = [
      ['医生', '医院级别', '职称', '处方程度'],
      ['王', '三级', '主任医师', '首选'],
      ['李', '二级', '主治医师', '次选'],
      ['张', '一级', '住院医师', '次选'],
    ];
    expect(gradeSheet(compiled, sheet)).toEqual(['A', 'B', 'C']);
  });

  it('puts the red and yellow zones in the A strategy', () => {
    const a = compiled.tiers[0];
    expect(a?.strategy?.zh).toContain('红区');
    expect(a?.strategy?.zh).toContain('黄区');
    expect(a?.cadence?.en).toContain('8 visits/month');
  });
});
