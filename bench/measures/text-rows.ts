/** The numeric rows written as people type them: "12,345", "1.2345万", "¥12,345" in turn. */
export function textRows(rows: Array<[number, number]>): Array<[string, string]> {
  return rows.map(([sales, days], i) => {
    const s = Math.round(sales);
    const form = i % 3;
    const text =
      form === 0
        ? s.toLocaleString('en-US')
        : form === 1
          ? `${(s / 10000).toFixed(4)}万`
          : `¥${s.toLocaleString('en-US')}`;
    return [text, String(days)];
  });
}
