import type { GradingTable, InputDef, Tier } from '../../src/engine/model';
import { paymentScorecard as printedPaymentScorecard } from './sheet-form/fixtures';

/** Tiers with valid colours, for tables built in tests. */
export function tiers(...ids: string[]): Tier[] {
  return ids.map((id) => ({ id, label: { en: id, zh: `${id} 级` }, fill: '#C6EFCE', font: '#006100' }));
}

/** Number inputs x0, x1, ... for tables built in tests, each required or not. */
export function numberInputs(inputs: readonly { required: boolean }[]): InputDef[] {
  return inputs.map((n, i) => ({
    id: `x${i}`,
    type: 'number',
    label: { en: `x${i}` },
    ...(n.required ? {} : { required: false }),
  }));
}

/** A category input `kind` with the given value ids. */
export function kindInput(ids: readonly string[], required: boolean): InputDef {
  return {
    id: 'kind',
    type: 'category',
    label: { en: 'kind' },
    values: ids.map((id) => ({ id, label: { en: id } })),
    ...(required ? {} : { required: false }),
  };
}

/**
 * The payment scorecard of grading-systems.md section 1 (its bands written out once, in the
 * sheet-form fixtures), with short input labels and plain tiers that explanation texts assert.
 */
export const paymentScorecard: GradingTable = {
  ...printedPaymentScorecard,
  id: 'payment-test',
  name: { en: 'Payment scorecard', zh: '客户分级标准' },
  inputs: [
    { id: 'monthly_sales', type: 'number', label: { en: 'Monthly sales', zh: '月均销售额' }, aliases: ['月均销售额'] },
    { id: 'payment_days', type: 'number', label: { en: 'Payment days', zh: '回款天数' }, aliases: ['回款天数'] },
  ],
  tiers: tiers('A', 'B', 'C'),
};
