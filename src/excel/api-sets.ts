/**
 * Requirement sets: what the manifest declares (the oldest Excel Tierwise
 * supports, docs/adr/0010-oldest-supported-excel.md) and the members of the
 * Office.js subset that need more, each called only after asking the host.
 * test/addin/api-sets.spec.ts checks both against @types/office-js.
 */

/** `Office.context.requirements.isSetSupported`, or a fake host's answer. */
export type ApiSetCheck = (set: string, version: string) => boolean;

/** The sets manifest.xml declares under <Requirements>: Excel 2021 (Version 2108) and later. */
export const DECLARED_SETS = {
  ExcelApi: '1.14',
  SharedRuntime: '1.1',
  CustomFunctionsRuntime: '1.3',
} as const;

/** Members above DECLARED_SETS the add-in calls behind a check, and what it does without them. */
export const GUARDED_MEMBERS = {
  /** Selecting many row areas at once; without it, the first run of rows is selected (Range.select, 1.1). */
  'RangeAreas.select': { set: 'ExcelApi', version: '1.18' },
} as const satisfies Record<string, { set: string; version: string }>;

export type GuardedMember = keyof typeof GUARDED_MEMBERS;

/** Whether the host has what `member` needs. */
export function hostHas(check: ApiSetCheck, member: GuardedMember): boolean {
  const { set, version } = GUARDED_MEMBERS[member];
  return check(set, version);
}

interface OfficeGlobal {
  context?: { requirements?: { isSetSupported(name: string, version?: string): boolean } };
}

/** The running Office host's answer; outside Office (no Office.js context) nothing above the declared sets. */
export const officeApiSets: ApiSetCheck = (set, version) => {
  const office = (globalThis as { Office?: OfficeGlobal }).Office;
  return office?.context?.requirements?.isSetSupported(set, version) ?? false;
};
