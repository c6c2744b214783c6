/**
 * Errors as they travel to the pane (ADR 0009): the user reads the message, a caller or a log gets the
 * Error itself (`cause`, with its stack and Excel's `code`), and nothing is caught without being passed on.
 */
import type { ErrorReport } from './workbook';

export function errorReport(error: unknown): ErrorReport {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown } | null)?.code;
  return { message, ...(typeof code === 'string' ? { code } : {}), cause: error };
}
