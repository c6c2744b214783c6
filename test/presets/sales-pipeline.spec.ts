import { compilePreset, grade, tierOf } from './preset-harness';

describe('sales-pipeline preset (grading-systems.md section 3)', () => {
  const compiled = compilePreset('sales-pipeline');
  const replied = { dm_feedback: '是', knows_our_offer: '是', considered_decision: '是' };
  const inScope = { has_company_name: true, has_phone: true, has_fax: true, industry: '制造业', annual_sales: '600万' };

  it('has one yes/no input per checklist fact, each optional (blank = not recorded)', () => {
    const booleans = compiled.columns.filter((c) => c.type === 'boolean');
    expect(booleans).toHaveLength(28);
    expect(compiled.columns.every((c) => c.required === false)).toBe(true);
  });

  it('given an empty record then it is A21, the raw-lead default', () => {
    expect(grade(compiled, {})).toMatchObject({ ok: true, tier: 'A21', score: 1 });
  });

  it('given every A01 fact then it is A01; with one missing it falls through', () => {
    expect(tierOf(compiled, { goods_used_up: '是', all_paid: '是', no_open_promises: '是' })).toBe('A01');
    expect(tierOf(compiled, { goods_used_up: '是', all_paid: '否', no_open_promises: '是' })).toBe('A21');
    expect(tierOf(compiled, { goods_used_up: '是', all_paid: '否', no_open_promises: '是', has_paid: '是' })).toBe(
      'A02',
    );
  });

  it.each(['signed_agreement', 'has_purchased', 'has_paid'])('given only %p then it is A02 (ANY)', (fact) => {
    expect(tierOf(compiled, { [fact]: 'TRUE' })).toBe('A02');
  });

  it.each(['dm_verbal_commit', 'substantive_action', 'purchase_within_2_months'])(
    'given only %p then it is A03',
    (fact) => {
      expect(tierOf(compiled, { [fact]: 1 })).toBe('A03');
    },
  );

  it('given both A04 facts then it is A04, one alone is not enough', () => {
    expect(tierOf(compiled, { deal_affordable: '是', price_acceptable: '是' })).toBe('A04');
    expect(tierOf(compiled, { deal_affordable: '是' })).toBe('A21');
  });

  it('given all five A05 facts then it is A05', () => {
    const a05 = {
      dm_feedback: 'y',
      considered_decision: 'y',
      needs_understood: 'y',
      fit_as_supplier: 'y',
      knows_our_quote: 'y',
    };
    expect(tierOf(compiled, a05)).toBe('A05');
    expect(tierOf(compiled, { ...a05, knows_our_quote: 'n' })).toBe('A21');
  });

  it('first match wins from the most advanced level down: A02 and A05 facts together give A02', () => {
    const a05 = {
      dm_feedback: '是',
      considered_decision: '是',
      needs_understood: '是',
      fit_as_supplier: '是',
      knows_our_quote: '是',
    };
    expect(tierOf(compiled, { ...a05, signed_agreement: '是' })).toBe('A02');
  });

  it.each(['considering_switch', 'dissatisfied_supplier', 'talking_new_suppliers'])(
    'given only %p then it is A06',
    (fact) => {
      expect(tierOf(compiled, { [fact]: '是' })).toBe('A06');
    },
  );

  it.each(['asks_more_material', 'books_next_contact', 'asks_about_us'])(
    'given a decision-maker reply that %p then it is A06 (nested ALL / ANY)',
    (fact) => {
      expect(tierOf(compiled, { ...replied, [fact]: '是' })).toBe('A06');
    },
  );

  it('given a positive reply without one of the three decision-maker facts then A06 does not hold', () => {
    expect(tierOf(compiled, { ...replied, considered_decision: '否', asks_more_material: '是' })).toBe('A21');
    expect(tierOf(compiled, { ...replied, knows_our_offer: null, books_next_contact: '是' })).toBe('A21');
  });

  it('given a neutral decision-maker reply then it is A07', () => {
    expect(tierOf(compiled, { ...replied, reply_neutral: '是' })).toBe('A07');
  });

  it('given an explicit no then it is A31, terminal even for a record in scope', () => {
    expect(grade(compiled, { ...replied, explicit_no: '是' })).toMatchObject({ ok: true, tier: 'A31', score: 0 });
    expect(tierOf(compiled, { ...replied, explicit_no: '是', ...inScope })).toBe('A31');
  });

  it('given an explicit no without the decision-maker facts then it is not A31', () => {
    expect(tierOf(compiled, { explicit_no: '是' })).toBe('A21');
  });

  it('given the 5 key facts, a target industry and sales over 5,000,000 then it is A08', () => {
    expect(grade(compiled, inScope)).toMatchObject({ ok: true, tier: 'A08', score: 2 });
    expect(tierOf(compiled, { ...inScope, industry: 'Wholesale & retail' })).toBe('A08');
    expect(tierOf(compiled, { ...inScope, industry: '房地产' })).toBe('A08');
  });

  it.each([
    ['sales exactly at the threshold', { annual_sales: 5_000_000 }],
    ['sales unknown', { annual_sales: null }],
    ['a government customer', { industry: '政府' }],
    ['a non-profit', { industry: '非营利组织' }],
    ['industry unknown', { industry: '' }],
    ['no fax', { has_fax: '否' }],
    ['no phone recorded', { has_phone: null }],
  ])('given a record in scope but with %s then it stays A21', (_what, change) => {
    expect(tierOf(compiled, { ...inScope, ...change })).toBe('A21');
  });

  it('given a fact that is not yes/no then the row names it', () => {
    expect(grade(compiled, { has_paid: 'perhaps' })).toMatchObject({
      ok: false,
      error: { kind: 'not-a-boolean', input: 'has_paid' },
    });
  });
});
