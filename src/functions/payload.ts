/**
 * Excel on the web caps what one custom-function result may carry at 5 MB.
 * The estimate errs high (every non-ASCII character counted as 3 bytes of
 * UTF-8, numbers at their longest), so a result it lets through fits.
 */
export const MAX_PAYLOAD_BYTES = 5 * 1000 * 1000;

/** The estimated size of a result in bytes, as JSON. */
export function estimatePayloadBytes(result: readonly (readonly unknown[])[]): number {
  let bytes = 2;
  for (const row of result) {
    bytes += 3;
    for (const v of row) bytes += valueBytes(v) + 1;
  }
  return bytes;
}

function valueBytes(v: unknown): number {
  if (typeof v === 'string') return textBytes(v) + 2;
  if (typeof v === 'number') return 24;
  if (typeof v === 'boolean') return 5;
  if (v === null || v === undefined) return 4;
  // An error value: its code and message.
  const message = (v as { message?: unknown }).message;
  return 40 + (typeof message === 'string' ? textBytes(message) : 0);
}

function textBytes(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) bytes += 2;
  return bytes;
}

/** Undefined when the result fits; else its size in MB and how many rows per part would fit. */
export function payloadOverflow(result: readonly (readonly unknown[])[]): { size: string; rows: number } | undefined {
  const bytes = estimatePayloadBytes(result);
  if (bytes <= MAX_PAYLOAD_BYTES) return undefined;
  const rows = Math.max(1, Math.floor((result.length * MAX_PAYLOAD_BYTES) / bytes / 1000) * 1000);
  return { size: (bytes / 1e6).toFixed(1), rows };
}
