export { CsvParser, type CsvRow, type CsvParserOptions } from './parser';
export { decodeChunks, detectEncoding, type DetectedEncoding, type TextEncodingName } from './decode';
export {
  openCsv,
  readCsvBatches,
  readCsvRecords,
  type CsvOpenResult,
  type CsvProblem,
  type CsvReadOptions,
  type CsvRecord,
  type CsvTable,
} from './reader';
export {
  createCsvWriter,
  escapeCsvField,
  formatCsvRow,
  type CsvValue,
  type CsvWriteOptions,
  type CsvWriter,
} from './writer';
