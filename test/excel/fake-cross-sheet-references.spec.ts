import { shiftFormulaColumns } from '../../src/excel/testing/fake-references';

const across = { own: 'Summary', shifted: 'Data' };

describe('the fake moves references of other sheets when columns are inserted or deleted', () => {
  it('given a column inserted left of F on Data then a summary formula pointing at Data moves, its own refs stay', () => {
    expect(shiftFormulaColumns(`=SUMPRODUCT(--('Data'!$F$2:$F$9="A"))+F1`, 2, 1, undefined, across)).toBe(
      `=SUMPRODUCT(--('Data'!$G$2:$G$9="A"))+F1`,
    );
    expect(shiftFormulaColumns('=Data!B2+Other!F2', 2, 1, undefined, across)).toBe('=Data!B2+Other!F2');
  });

  it('given the column a reference points at deleted then it becomes #REF!, a range losing some columns shrinks', () => {
    expect(shiftFormulaColumns(`=COUNTIF('Data'!$F$2:$F$9,"A")`, 5, -1, undefined, across)).toBe(
      `=COUNTIF('Data'!#REF!,"A")`,
    );
    expect(shiftFormulaColumns('=SUM(Data!D2:H2)', 5, -2, undefined, across)).toBe('=SUM(Data!D2:F2)');
  });

  it('given the same sheet then unqualified refs move and refs to another sheet do not', () => {
    const own = { own: 'Data', shifted: 'Data' };
    expect(shiftFormulaColumns(`=$F2&'Other'!F2:F9`, 2, 1, undefined, own)).toBe(`=$G2&'Other'!F2:F9`);
    expect(shiftFormulaColumns(`="F2"&F2`, 2, 1)).toBe(`="F2"&G2`);
  });
});
