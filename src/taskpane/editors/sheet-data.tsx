import { createContext, useContext } from 'react';
import type { Cell } from '../../engine';
import type { DataRegion, StoredTable } from '../../excel/workbook';

/** The data the pane read from the current sheet, for editors that look at it (calibration). */
export interface SheetData {
  region: DataRegion;
  rows: readonly (readonly Cell[])[];
  /** Input -> header chosen by the manager. */
  overrides: Record<string, string>;
  /** Tables of the workbook, for derived inputs. */
  stored: readonly StoredTable[];
}

export const SheetDataContext = createContext<SheetData | undefined>(undefined);

/** The current sheet's data, or undefined when none was read. */
export function useSheetData(): SheetData | undefined {
  return useContext(SheetDataContext);
}
