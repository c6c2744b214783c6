import { getPreset, PRESETS } from '../../src/engine/presets';
import { exportSql, SQL_DIALECTS } from '../../src/engine/sql';

describe('SQL export in every dialect', () => {
  const cases = PRESETS.flatMap((preset) => SQL_DIALECTS.map((dialect) => [preset.id, dialect] as const));

  it.each(cases)('given preset %s in %s then one statement comes out, its only comment line first', (id, dialect) => {
    const result = exportSql(getPreset(id), { dialect, source: 'customers', resolve: getPreset });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const lines = result.sql.split('\n');
    expect(lines[0]).toMatch(/^-- tierwise: grading table [A-Za-z0-9_-]+ as \w+ SQL/);
    expect(lines.slice(1).some((line) => line.trimStart().startsWith('--'))).toBe(false);
    // Whitespace characters travel as escapes, so the text stays printable.
    const controls = [...result.sql].filter((ch) => {
      const c = ch.charCodeAt(0);
      return (c < 0x20 && ch !== '\n' && ch !== '\t') || c === 0x2028 || c === 0x2029;
    });
    expect(controls).toEqual([]);
  });

  it('given Spark then identifiers use backticks and no backslash appears, so escapedStringLiterals cannot change it', () => {
    const table = structuredClone(getPreset('payment-scorecard')!);
    const result = exportSql(table, { dialect: 'spark', source: 't', columns: { monthly_sales: 'a`b' } });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.sql).toContain('__tw_src.`a``b` AS __tw_c0');
    expect(result.sql).toContain("RLIKE '^(?:[+-]?(?:(?:[0-9]{1,200}[.]?");
    expect(result.sql).not.toContain('\\');
  });

  it("given a number pattern in Spark then the match ends at the end of the text, not before a final line break ($ in Java's regexes)", () => {
    const result = exportSql(getPreset('payment-scorecard'), { dialect: 'spark', source: 't' });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.sql).toContain(")(?!(?s:.))')");
    expect(result.sql).not.toMatch(/\$'\)/);
  });

  it.each(SQL_DIALECTS)('given RFM quantiles in %s then no subquery is correlated with the cut index', (dialect) => {
    const rfm = PRESETS.find((p) => p.method.kind === 'rfm')!;
    const result = exportSql(rfm, { dialect, source: 't' });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.sql).not.toMatch(/\(SELECT max\(v\) FROM \S+ WHERE rn =/);
    expect(result.sql).toContain('max(CASE WHEN rn = floor(i1) THEN v END)');
  });
});
