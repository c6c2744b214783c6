/**
 * A user's column edits on the data sheet of the fake, shared by the two property sessions
 * (apply-safety-property.spec.ts, repeat-use-session.ts): insert a column of their own (headed U<n>,
 * a currency number per row), delete one of theirs, rename a header of theirs or of Tierwise's.
 */
import { MAX_COLUMNS } from '../../src/excel/a1';
import type { FakeExcel, SheetModel } from '../../src/excel/testing/fake-excel';

export type ColumnEdit =
  | { kind: 'insert-column'; at: number }
  | { kind: 'delete-column'; pick: number }
  | { kind: 'rename-header'; pick: number };

export class UserColumnEdits {
  private userColumns = 0;

  /**
   * `ours`: the columns Tierwise owns now (each session reads its names its own way); `dataRows`: how many
   * rows below the header a user column fills.
   */
  constructor(
    private readonly fake: FakeExcel,
    private readonly sheetName: string,
    private readonly ours: (sheet: SheetModel) => Iterable<number>,
    private readonly dataRows: () => number,
  ) {}

  get sheet(): SheetModel {
    return this.fake.sheet(this.sheetName)!;
  }

  /** Columns 0..width-1 hold the data, Tierwise's columns and the user's. */
  width(): number {
    let width = 0;
    for (const key of this.sheet.cells.keys()) width = Math.max(width, (key % MAX_COLUMNS) + 1);
    return width;
  }

  height(): number {
    let height = 0;
    for (const key of this.sheet.cells.keys()) height = Math.max(height, Math.floor(key / MAX_COLUMNS) + 1);
    return height;
  }

  /** Columns the user added (headed U<n>, renamed or not) that Tierwise does not own. */
  userAdded(): number[] {
    const ours = new Set(this.ours(this.sheet));
    return Array.from({ length: this.width() }, (_x, c) => c).filter(
      (c) => !ours.has(c) && /^U\d+( \(renamed\))*$/.test(String(this.fake.cell(this.sheet, 0, c)?.value ?? '')),
    );
  }

  /** Applies `step`; false when there was nothing to do (no column of the user's to delete or rename). */
  edit(step: ColumnEdit): boolean {
    const { fake, sheet } = this;
    switch (step.kind) {
      case 'insert-column': {
        const at = 1 + (step.at % this.width());
        fake.shiftColumns(sheet, at, 1);
        this.fillColumn(at);
        return true;
      }
      case 'delete-column': {
        const mine = this.userAdded();
        if (mine.length === 0) return false;
        fake.shiftColumns(sheet, mine[step.pick % mine.length]!, -1);
        return true;
      }
      case 'rename-header': {
        const candidates = [...this.userAdded(), ...this.ours(sheet)];
        if (candidates.length === 0) return false;
        const column = candidates[step.pick % candidates.length]!;
        const old = fake.cell(sheet, 0, column)!;
        fake.setCell(sheet, 0, column, { ...old, value: `${String(old.value)} (renamed)` });
        return true;
      }
    }
  }

  /** A user column at `column`: header U<n>, a number per row in a currency format (which an inserted column to its right takes). */
  fillColumn(column: number): void {
    const n = ++this.userColumns;
    this.fake.setCell(this.sheet, 0, column, { value: `U${n}` });
    for (let r = 1; r <= this.dataRows(); r++) {
      this.fake.setCell(this.sheet, r, column, { value: r * 100 + n, numberFormat: '"$"#,##0.00' });
    }
  }
}
