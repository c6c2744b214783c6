/** The three columns of a raw orders table. */
export type OrderColumnRole = 'customer' | 'date' | 'amount';

export const ORDER_COLUMN_ROLES: readonly OrderColumnRole[] = ['customer', 'date', 'amount'];

/** Header names tried, in order, when a column is not named (compared case- and space-insensitively). */
export const ORDER_COLUMN_GUESSES: Readonly<Record<OrderColumnRole, readonly string[]>> = {
  customer: [
    'customer_id',
    'customer',
    'customerid',
    'client_id',
    'user_id',
    'id',
    '客户编号',
    '客户id',
    '客户',
    '会员编号',
  ],
  date: [
    'order_date',
    'date',
    'orderdate',
    'purchase_date',
    'invoice_date',
    'transaction_date',
    '订单日期',
    '日期',
    '下单日期',
    '消费日期',
  ],
  amount: ['revenue', 'amount', 'sales', 'total', 'value', 'price', '金额', '订单金额', '消费金额', '销售额'],
};

function normalizeHeader(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

/**
 * The index of a role's column among the headers: the header `given` names
 * (exactly, else case- and space-insensitively), or without `given` the first
 * of the role's guesses present. -1 when none is found.
 */
export function findOrderColumn(headers: readonly string[], role: OrderColumnRole, given?: string): number {
  if (given !== undefined) {
    const exact = headers.indexOf(given);
    return exact >= 0 ? exact : headers.findIndex((h) => normalizeHeader(h) === normalizeHeader(given));
  }
  for (const guess of ORDER_COLUMN_GUESSES[role]) {
    const found = headers.findIndex((h) => normalizeHeader(h) === normalizeHeader(guess));
    if (found >= 0) return found;
  }
  return -1;
}
