import type { ChosenColumns } from './chosen-columns';
import type { CsvParser } from './parser';

/**
 * A line (or the start of one, at a chunk's end) read by the general parser
 * while a reader of plain lines is not splitting them itself (a quote, a lone
 * CR): its records are handed on. The number of the next line when the line
 * ended between records, so that the reader splits plain lines again; else
 * undefined.
 */
export function parseGeneralLine(
  parser: CsvParser,
  chosen: ChosenColumns,
  text: string,
  endsLine: boolean,
): number | undefined {
  chosen.general(parser.push(text));
  return endsLine && parser.atRecordStart ? parser.currentLine : undefined;
}
