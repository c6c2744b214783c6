/** Grading tables as native Excel formulas: Score, Tier and Error computed in each row without the add-in. */
export {
  compileToFormulas,
  excelTrim,
  fileFormula,
  MAX_FORMULA_LENGTH,
  MAX_FORMULA_NESTING,
  type FormulaColumn,
  type FormulaErrorKind,
  type FormulaExport,
  type FormulaOptions,
  type FormulaOutput,
  type FormulaProblem,
  type FormulaUnsupportedFeature,
} from './generate';
export { excelNumber, excelString } from './literals';
export { nativeFormulaRows, planNativeFormulas, type NativeFormulas } from './apply';
export { formatFormulaProblem, formulaErrorText, formulaText } from './messages';
export { formulaReadsLikeEngine } from './readable';
