/**
 * The workbook's Tierwise stamp: a custom XML part saying which rules format
 * wrote the workbook, so that an older or newer add-in can say so clearly.
 */
export const STATE_NAMESPACE = 'urn:tierwise:state';
export const RULES_FORMAT_VERSION = 1;

export const HISTORY_SHEET = 'Tierwise History';
/** The very hidden sheet holding the journals of Applies, one column each, the last Apply rightmost. */
export const JOURNAL_SHEET = 'Tierwise Journal';

/** Journals over this many bytes (all columns together) are not stored in the workbook. */
export const JOURNAL_LIMIT = 20 * 1024 * 1024;
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
