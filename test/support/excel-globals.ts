/**
 * The globals Excel's shared runtime gives custom functions (CustomFunctions.Error,
 * Office.context.displayLanguage), installed for one describe block, so tests call
 * the functions exactly as Excel does.
 */
import { sharedTableCache } from '../../src/functions/runtime';

export function withExcelGlobals(displayLanguage: string): void {
  const globals = globalThis as Record<string, unknown>;
  beforeAll(() => {
    class FakeCustomFunctionsError {
      constructor(
        readonly code: string,
        readonly message?: string,
      ) {}
    }
    globals.CustomFunctions = {
      Error: FakeCustomFunctionsError,
      ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A' },
    };
    globals.Office = { context: { displayLanguage } };
  });
  afterAll(() => {
    delete globals.CustomFunctions;
    delete globals.Office;
    sharedTableCache.clear();
  });
}
