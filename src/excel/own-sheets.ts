/**
 * The sheets Tierwise writes as its own. Data on a sheet of that name would
 * be written over (the rules block, the summary, the history, the journal),
 * so Apply refuses it and asks for another name.
 */
import { RULES_SHEET, SUMMARY_SHEET } from '../engine/plan';
import { HISTORY_SHEET, JOURNAL_SHEET } from './state';

const OWN_SHEETS = [RULES_SHEET, HISTORY_SHEET, JOURNAL_SHEET].map((name) => name.toLowerCase());
/** Summaries of further graded sheets are numbered: "Tierwise Summary (2)". */
const SUMMARY = new RegExp(`^${SUMMARY_SHEET.toLowerCase()}( \\(\\d+\\))?$`);

export function isOwnSheet(sheet: string): boolean {
  const name = sheet.toLowerCase();
  return OWN_SHEETS.includes(name) || SUMMARY.test(name);
}
