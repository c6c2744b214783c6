/**
 * The workbook's Tierwise stamp: a custom XML part saying which rules format
 * wrote the workbook, so that an older or newer add-in can say so clearly.
 */
export const STATE_NAMESPACE = 'urn:tierwise:state';
export const RULES_FORMAT_VERSION = 1;

export const RULES_SHEET = 'Tierwise Rules';
export const SUMMARY_SHEET = 'Tierwise Summary';
export const HISTORY_SHEET = 'Tierwise History';
/** Workbook names of stored tables start with this. */
export const TABLE_NAME_PREFIX = 'TW_';
/** Worksheet-scoped names of the columns Tierwise wrote: Tierwise_score, Tierwise_tier ... */
export const OUTPUT_NAME_PREFIX = 'Tierwise_';

export function stateXml(version: number): string {
  return `<tierwise xmlns="${STATE_NAMESPACE}" version="${version}"/>`;
}

/** The version in a stamp; 0 when the part is missing or unreadable. */
export function versionOfState(xml: string | null): number {
  if (!xml) return 0;
  const match = /\bversion="(\d+)"/.exec(xml);
  return match ? Number(match[1]) : 0;
}

/** The defined name of a stored table: TW_ and the id with "-" as "_". */
export function tableName(id: string): string {
  return TABLE_NAME_PREFIX + id.replace(/[^A-Za-z0-9_]/g, '_');
}
