import { compilePreset, grade } from './preset-harness';

describe('pharma-potential preset (grading-systems.md section 7, hospital x title)', () => {
  const compiled = compilePreset('pharma-potential');

  it.each([
    ['三级', '主任医师', 9, 'high'],
    ['三甲', '主治医师', 8, 'high'],
    ['tier3', '住院医师', 5, 'medium'],
    ['二级', '副主任医师', 7, 'high'],
    ['二级医院', '主治', 5, 'medium'],
    ['Tier 2', 'resident', 3, 'medium'],
    ['二级以下', '副主任以上', 3, 'medium'],
    ['社区医院', 'attending', 2, 'low'],
    ['other', '住院', 1, 'low'],
  ])(
    'given a %p hospital and a %p doctor then the potential is %p (%p)',
    (hospital_level, doctor_title, score, tier) => {
      expect(grade(compiled, { hospital_level, doctor_title })).toMatchObject({ ok: true, score, tier });
    },
  );

  it('given a title outside the three then the row names the allowed values', () => {
    expect(grade(compiled, { hospital_level: '三级', doctor_title: '实习医生' })).toMatchObject({
      ok: false,
      error: { kind: 'unknown-category', input: 'doctor_title' },
    });
  });
});
