import type { TableProblem } from '../errors';
import type { BandMatch, ConditionNode, GradingTable, InputDef, InputType, MatrixAxis, Threshold } from '../model';
import { TABLE_LIMITS } from '../model';
import { normalizeKey } from '../values/coerce';
import { isRankedTable, validateAbcMethod } from '../grading/abc-validate';
import { validateTimeFields } from '../time/validate-time';
import { findGapOrOverlap, formatRange, isValidRange } from './ranges';

/** Finds another table by id: the workbook's tables and the presets. */
export type TableResolver = (id: string) => GradingTable | undefined;

/**
 * Semantic checks of a structurally valid table: references, coverage of
 * bands, order of thresholds, colours and shares, reachability, composition.
 * Problems carry JSON paths; none of this throws.
 */
export function validateSemantics(table: GradingTable, resolve?: TableResolver): TableProblem[] {
  const v = new Validator(table, resolve);
  v.run();
  return v.problems;
}

class Validator {
  readonly problems: TableProblem[] = [];
  private readonly inputs = new Map<string, InputDef>();
  private readonly tiers = new Set<string>();
  private readonly reached = new Set<string>();

  constructor(
    private readonly table: GradingTable,
    private readonly resolve: TableResolver | undefined,
  ) {}

  run(): void {
    const { table } = this;
    this.uniqueIds(table.inputs, 'inputs');
    this.uniqueIds(table.tiers, 'tiers');
    table.inputs.forEach((input, i) => {
      this.inputs.set(input.id, input);
      this.checkInput(input, `inputs[${i}]`);
    });
    this.checkTiers();
    this.problems.push(...validateTimeFields(table));
    const method = table.method;
    switch (method.kind) {
      case 'scorecard':
        this.uniqueIds(method.criteria, 'method.criteria');
        method.criteria.forEach((c, i) => {
          const path = `method.criteria[${i}]`;
          const input = this.inputRef(c.input, `${path}.input`);
          if (input) {
            this.checkBands(
              input,
              c.bands.map((b) => b.match),
              (k) => `${path}.bands[${k}].match`,
              path,
            );
          }
          c.bands.forEach((b, k) => this.bounded(b.points, `${path}.bands[${k}].points`));
          if (c.weight !== undefined) this.bounded(c.weight, `${path}.weight`);
        });
        (method.multipliers ?? []).forEach((m, i) => {
          this.bounded(m.factor, `method.multipliers[${i}].factor`);
          this.checkCondition(m.when, `method.multipliers[${i}].when`);
        });
        this.uniqueIds(method.multipliers ?? [], 'method.multipliers');
        this.checkThresholds(method.thresholds, 'method.thresholds');
        break;
      case 'rules':
        method.rules.forEach((rule, i) => {
          if (this.tierRef(rule.tier, `method.rules[${i}].tier`)) this.reached.add(rule.tier);
          this.checkCondition(rule.when, `method.rules[${i}].when`);
        });
        if (method.default !== undefined && this.tierRef(method.default, 'method.default')) {
          this.reached.add(method.default);
        }
        this.countNodes(method.rules.map((r) => r.when));
        break;
      case 'matrix':
        this.checkMatrix(method.rows, method.columns, method.cells, method.output, method.thresholds);
        break;
      case 'rfm':
        // Scores and segments are checked by the RFM module when it compiles the table.
        method.segments.forEach((s, i) => {
          if (this.tierRef(s.tier, `method.segments[${i}].tier`)) this.reached.add(s.tier);
        });
        table.tiers.forEach((t) => this.reached.add(t.id));
        break;
      case 'abc':
        this.problems.push(...validateAbcMethod(method, table.inputs));
        method.cuts.forEach((cut, i) => {
          if (this.tierRef(cut.tier, `method.cuts[${i}].tier`)) this.reached.add(cut.tier);
        });
        break;
    }
    table.tiers.forEach((tier, i) => {
      if (!this.reached.has(tier.id))
        this.problems.push({ code: 'tier-unreachable', path: `tiers[${i}]`, detail: { tier: tier.id } });
    });
    this.checkComposition();
  }

  private uniqueIds(items: ReadonlyArray<{ id: string }>, path: string): void {
    const seen = new Set<string>();
    items.forEach((item, i) => {
      if (seen.has(item.id))
        this.problems.push({ code: 'duplicate-id', path: `${path}[${i}].id`, detail: { id: item.id } });
      seen.add(item.id);
    });
  }

  private checkInput(input: InputDef, path: string): void {
    if (input.type === 'category') {
      if (!input.values || input.values.length === 0) {
        this.problems.push({ code: 'missing-field', path: `${path}.values`, detail: { field: 'values' } });
      } else {
        this.uniqueIds(input.values, `${path}.values`);
        // Two values must not answer to the same text, or a cell would be ambiguous.
        const owner = new Map<string, string>();
        input.values.forEach((value, k) => {
          for (const name of [value.id, ...(value.aliases ?? [])]) {
            const key = normalizeKey(name);
            const other = owner.get(key);
            if (other !== undefined && other !== value.id) {
              this.problems.push({ code: 'category-overlap', path: `${path}.values[${k}]`, detail: { value: name } });
            }
            owner.set(key, value.id);
          }
        });
      }
    } else if (input.values) {
      this.problems.push({
        code: 'wrong-input-type',
        path: `${path}.values`,
        detail: { input: input.id, found: input.type, expected: 'category' },
      });
    }
    if (input.source) {
      const expected: InputType = input.source.output === 'score' ? 'number' : 'category';
      if (input.type !== expected) {
        this.problems.push({
          code: 'wrong-input-type',
          path: `${path}.type`,
          detail: { input: input.id, found: input.type, expected },
        });
      }
    }
  }

  private checkTiers(): void {
    const labels = { en: new Set<string>(), zh: new Set<string>() };
    let shares = 0;
    this.table.tiers.forEach((tier, i) => {
      this.tiers.add(tier.id);
      for (const lang of ['en', 'zh'] as const) {
        const label = tier.label[lang];
        if (label === undefined) continue;
        if (labels[lang].has(label)) {
          this.problems.push({ code: 'duplicate-id', path: `tiers[${i}].label.${lang}`, detail: { id: label } });
        }
        labels[lang].add(label);
      }
      if (tier.targetShare !== undefined) shares += tier.targetShare;
    });
    if (shares > 1 + 1e-9) {
      this.problems.push({
        code: 'shares-over-100',
        path: 'tiers',
        detail: { value: `${Math.round(shares * 1000) / 10}%` },
      });
    }
  }

  private inputRef(id: string, path: string): InputDef | undefined {
    const input = this.inputs.get(id);
    if (!input) this.problems.push({ code: 'unknown-input', path, detail: { input: id } });
    return input;
  }

  private tierRef(id: string, path: string): boolean {
    if (this.tiers.has(id)) return true;
    this.problems.push({ code: 'unknown-tier', path, detail: { tier: id } });
    return false;
  }

  /** Points, weights and factors: finite, and small enough that sums of them stay finite and exact. */
  private bounded(n: number, path: string): void {
    if (Number.isFinite(n) && Math.abs(n) > TABLE_LIMITS.magnitude) {
      this.problems.push({
        code: 'number-too-large',
        path,
        detail: { value: String(n), limit: TABLE_LIMITS.magnitude },
      });
    } else this.finite(n, path);
  }

  private finite(n: number, path: string): void {
    if (!Number.isFinite(n)) this.problems.push({ code: 'bad-number', path, detail: { value: String(n) } });
  }

  /** Bands of one criterion or axis: one kind, matching the input's type, covering it without overlap. */
  private checkBands(input: InputDef, matches: readonly BandMatch[], at: (k: number) => string, path: string): void {
    const kinds = new Set(matches.map(matchKind));
    const expected = kindToType(matchKind(matches[0]!));
    if (kinds.size > 1 || !typeAccepts(input.type, expected)) {
      this.problems.push({
        code: 'wrong-input-type',
        path: at(0),
        detail: { input: input.id, found: input.type, expected: [...kinds].map(kindToType).join(' / ') },
      });
      return;
    }
    if ('range' in matches[0]!) {
      const ranges = matches.map((m) => ('range' in m ? m.range : {}));
      let valid = true;
      ranges.forEach((range, k) => {
        if (!isValidRange(range)) {
          valid = false;
          this.problems.push({ code: 'bad-range', path: `${at(k)}.range`, detail: { range: JSON.stringify(range) } });
        }
      });
      const issue = valid ? findGapOrOverlap(ranges) : undefined;
      if (issue?.kind === 'gap') {
        this.problems.push({
          code: 'band-gap',
          path: at(issue.b),
          detail: { a: formatRange(ranges[issue.a]!), b: formatRange(ranges[issue.b]!) },
        });
      } else if (issue?.kind === 'overlap') {
        this.problems.push({
          code: 'band-overlap',
          path: at(issue.b),
          detail: { a: formatRange(ranges[issue.a]!), b: formatRange(ranges[issue.b]!), at: issue.at },
        });
      }
      return;
    }
    const universe = 'is' in matches[0]! ? ['true', 'false'] : (input.values ?? []).map((v) => v.id);
    const covered = new Map<string, number>();
    matches.forEach((m, k) => {
      const ids = 'is' in m ? [String(m.is)] : 'values' in m ? m.values : [];
      for (const id of ids) {
        if (!universe.includes(id)) {
          this.problems.push({
            code: 'unknown-category-value',
            path: `${at(k)}`,
            detail: { value: id, input: input.id },
          });
        } else if (covered.has(id)) {
          this.problems.push({ code: 'category-overlap', path: `${at(k)}`, detail: { value: id } });
        }
        covered.set(id, k);
      }
    });
    for (const id of universe) {
      if (!covered.has(id)) {
        this.problems.push({ code: 'category-uncovered', path, detail: { value: id, input: input.id } });
      }
    }
  }

  private checkThresholds(thresholds: readonly Threshold[], path: string): void {
    const seen = new Set<string>();
    let previous: number | undefined;
    // By share: bounds are cumulative shares of customers and rise; fixed: scores that fall.
    const byShare = thresholds.some((t) => t.topShare !== undefined);
    thresholds.forEach((t, i) => {
      if (this.tierRef(t.tier, `${path}[${i}].tier`)) this.reached.add(t.tier);
      if (seen.has(t.tier)) {
        this.problems.push({ code: 'threshold-tier-repeated', path: `${path}[${i}].tier`, detail: { tier: t.tier } });
      }
      seen.add(t.tier);
      const last = i === thresholds.length - 1;
      const bound = byShare ? t.topShare : (t.gte ?? t.gt);
      if (byShare && (t.gte !== undefined || t.gt !== undefined)) {
        this.problems.push({ code: 'bad-range', path: `${path}[${i}]`, detail: { range: JSON.stringify(t) } });
      }
      if (byShare && bound !== undefined && !(bound > 0 && bound < 1)) {
        this.problems.push({ code: 'share-cut-range', path: `${path}[${i}].topShare`, detail: { value: bound } });
      }
      if (t.gte !== undefined && t.gt !== undefined) {
        this.problems.push({ code: 'bad-range', path: `${path}[${i}]`, detail: { range: JSON.stringify(t) } });
      }
      if (last && bound !== undefined) {
        this.problems.push({ code: 'threshold-last-bounded', path: `${path}[${i}]` });
      }
      if (!last && bound === undefined) {
        const field = byShare ? 'topShare' : 'gte';
        this.problems.push({ code: 'missing-field', path: `${path}[${i}].${field}`, detail: { field } });
      }
      if (bound !== undefined) {
        this.finite(bound, `${path}[${i}]`);
        if (previous !== undefined && !(byShare ? bound > previous : bound < previous)) {
          this.problems.push({ code: 'thresholds-order', path: `${path}[${i}]`, detail: { a: bound, b: previous } });
        }
        previous = bound;
      }
    });
  }

  private checkMatrix(
    rows: MatrixAxis,
    columns: MatrixAxis,
    cells: ReadonlyArray<ReadonlyArray<string | number>>,
    output: 'tier' | 'score',
    thresholds: readonly Threshold[] | undefined,
  ): void {
    for (const [axis, name] of [
      [rows, 'rows'],
      [columns, 'columns'],
    ] as const) {
      const path = `method.${name}`;
      this.uniqueIds(axis.bands, `${path}.bands`);
      const input = this.inputRef(axis.input, `${path}.input`);
      if (input) {
        this.checkBands(
          input,
          axis.bands.map((b) => b.match),
          (k) => `${path}.bands[${k}].match`,
          path,
        );
      }
    }
    const shape = { rows: rows.bands.length, columns: columns.bands.length };
    if (cells.length !== shape.rows || cells.some((row) => row.length !== shape.columns)) {
      this.problems.push({ code: 'matrix-shape', path: 'method.cells', detail: shape });
      return;
    }
    cells.forEach((row, r) =>
      row.forEach((cell, c) => {
        const path = `method.cells[${r}][${c}]`;
        if (output === 'tier') {
          if (typeof cell !== 'string') {
            this.problems.push({ code: 'wrong-type', path, detail: { expected: 'a tier id', found: String(cell) } });
          } else if (this.tierRef(cell, path)) {
            this.reached.add(cell);
          }
        } else if (typeof cell !== 'number') {
          this.problems.push({ code: 'wrong-type', path, detail: { expected: 'points', found: `'${cell}'` } });
        }
      }),
    );
    if (output === 'score') {
      if (!thresholds) {
        this.problems.push({ code: 'missing-field', path: 'method.thresholds', detail: { field: 'thresholds' } });
      } else {
        this.checkThresholds(thresholds, 'method.thresholds');
      }
    }
  }

  private checkCondition(node: ConditionNode, path: string): void {
    if ('all' in node) return node.all.forEach((n, i) => this.checkCondition(n, `${path}.all[${i}]`));
    if ('any' in node) return node.any.forEach((n, i) => this.checkCondition(n, `${path}.any[${i}]`));
    if ('not' in node) return this.checkCondition(node.not, `${path}.not`);
    const input = this.inputRef(node.input, `${path}.input`);
    if (!input) return;
    const mismatch = (expected: string) =>
      this.problems.push({
        code: 'wrong-input-type',
        path: `${path}.op`,
        detail: { input: input.id, found: input.type, expected },
      });
    switch (node.op) {
      case 'blank':
      case 'not_blank':
        return;
      case 'contains':
        if (input.type !== 'text' && input.type !== 'category') mismatch('text');
        return;
      case 'between':
        if (input.type !== 'number' && input.type !== 'date') mismatch('number or date');
        else if (!isValidRange(node.range)) {
          this.problems.push({
            code: 'bad-range',
            path: `${path}.range`,
            detail: { range: JSON.stringify(node.range) },
          });
        }
        return;
      case 'in':
        node.values.forEach((value, i) => this.checkOperand(input, value, `${path}.values[${i}]`, mismatch));
        return;
      case '<':
      case '<=':
      case '>':
      case '>=':
        if (input.type !== 'number' && input.type !== 'date') mismatch('number or date');
        else this.checkOperand(input, node.value, `${path}.value`, mismatch);
        return;
      case '=':
      case '<>':
        this.checkOperand(input, node.value, `${path}.value`, mismatch);
        return;
    }
  }

  /** A literal compared with an input must be of the input's kind. */
  private checkOperand(input: InputDef, value: unknown, path: string, mismatch: (expected: string) => void): void {
    switch (input.type) {
      case 'number':
        if (typeof value !== 'number') mismatch(`a number, not '${String(value)}'`);
        return;
      case 'boolean':
        if (typeof value !== 'boolean') mismatch(`true or false, not '${String(value)}'`);
        return;
      case 'date':
        if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) mismatch(`a date as YYYY-MM-DD`);
        return;
      case 'category':
        if (!(input.values ?? []).some((v) => v.id === value)) {
          this.problems.push({
            code: 'unknown-category-value',
            path,
            detail: { value: String(value), input: input.id },
          });
        }
        return;
      case 'text':
        if (typeof value !== 'string') mismatch('text');
        return;
    }
  }

  private countNodes(roots: readonly ConditionNode[]): void {
    let count = 0;
    const stack = [...roots];
    while (stack.length > 0 && count <= TABLE_LIMITS.conditionNodes) {
      const node = stack.pop()!;
      count++;
      if ('all' in node) stack.push(...node.all);
      else if ('any' in node) stack.push(...node.any);
      else if ('not' in node) stack.push(node.not);
    }
    if (count > TABLE_LIMITS.conditionNodes) {
      this.problems.push({
        code: 'too-many',
        path: 'method.rules',
        detail: { limit: TABLE_LIMITS.conditionNodes, found: `${count}+` },
      });
    }
  }

  /** Inputs taken from other tables: the table exists, its inputs agree with ours, no cycles. */
  private checkComposition(): void {
    const sources = this.table.inputs
      .map((input, i) => ({ input, path: `inputs[${i}].source` }))
      .filter((x) => x.input.source);
    if (sources.length === 0) return;
    for (const { input, path } of sources) {
      const id = input.source!.table;
      const found = id === this.table.id ? this.table : this.resolve?.(id);
      if (!found) {
        this.problems.push({ code: 'unknown-table', path: `${path}.table`, detail: { table: id } });
        continue;
      }
      if (isRankedTable(found)) {
        this.problems.push({ code: 'ranked-source', path: `${path}.table`, detail: { table: id } });
        continue;
      }
      if (input.source!.output === 'tier') {
        const tierIds = new Set(found.tiers.map((t) => t.id));
        (input.values ?? []).forEach((value, k) => {
          if (!tierIds.has(value.id)) {
            this.problems.push({
              code: 'unknown-tier',
              path: `inputs[${this.table.inputs.indexOf(input)}].values[${k}]`,
              detail: { tier: value.id },
            });
          }
        });
      }
    }
    const cycle = findCycle(this.table, this.resolve);
    if (cycle === 'too-deep') {
      this.problems.push({
        code: 'composition-too-deep',
        path: 'inputs',
        detail: { limit: TABLE_LIMITS.compositionDepth },
      });
    } else if (cycle) {
      this.problems.push({ code: 'composition-cycle', path: 'inputs', detail: { cycle: cycle.join(' → ') } });
    }
  }
}

function findCycle(root: GradingTable, resolve: TableResolver | undefined): string[] | 'too-deep' | undefined {
  const walk = (table: GradingTable, trail: string[]): string[] | 'too-deep' | undefined => {
    if (trail.length > TABLE_LIMITS.compositionDepth) return 'too-deep';
    for (const input of table.inputs) {
      if (!input.source) continue;
      const id = input.source.table;
      if (trail.includes(id)) return [...trail, id];
      const next = id === root.id ? root : resolve?.(id);
      if (!next) continue;
      const found = walk(next, [...trail, id]);
      if (found) return found;
    }
    return undefined;
  };
  return walk(root, [root.id]);
}

function matchKind(m: BandMatch): 'range' | 'values' | 'is' {
  return 'range' in m ? 'range' : 'values' in m ? 'values' : 'is';
}

function kindToType(kind: 'range' | 'values' | 'is'): InputType {
  return kind === 'range' ? 'number' : kind === 'values' ? 'category' : 'boolean';
}

function typeAccepts(inputType: InputType, bandType: InputType): boolean {
  return inputType === bandType || (inputType === 'date' && bandType === 'number');
}
