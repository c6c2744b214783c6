/**
 * The Excel hosts the fake can play: which requirement sets each has
 * (learn.microsoft.com/javascript/api/requirement-sets/excel/excel-api-requirement-sets
 * and .../custom-functions-requirement-sets), and the refusal Excel gives for
 * a member above them: the call queues, and sync() fails with ApiNotFound
 * ("It may be available in a newer version of Excel"). Jest runs
 * test/excel twice, as "Excel 2021" and as "Microsoft 365" (jest.config.js,
 * TIERWISE_EXCEL_HOST).
 */
import type { ApiSetCheck } from '../api-sets';
import { compareVersions } from '../api-set-versions';
import { FakeExcelError } from './fake-model';

export const EXCEL_HOSTS = {
  /** Office 2021 on Windows, Version 2108: the oldest Excel the manifest admits. */
  'Excel 2021': { ExcelApi: '1.14', SharedRuntime: '1.1', CustomFunctionsRuntime: '1.3' },
  /** Current Microsoft 365 (Version 2509 and later). */
  'Microsoft 365': { ExcelApi: '1.20', SharedRuntime: '1.1', CustomFunctionsRuntime: '1.5' },
} as const satisfies Record<string, Record<string, string>>;

export type ExcelHostName = keyof typeof EXCEL_HOSTS;
export type ExcelHost = Readonly<Record<string, string>>;

/** Members of the subset above Excel 2021's sets that the fake refuses on an older host (test/addin/api-sets.spec.ts keeps it whole). */
export const FAKE_MEMBER_SETS = {
  'RangeAreas.select': { set: 'ExcelApi', version: '1.18' },
} as const satisfies Record<string, { set: string; version: string }>;

export type CheckedMember = keyof typeof FAKE_MEMBER_SETS;

/** The host named by TIERWISE_EXCEL_HOST, else current Microsoft 365. */
export function defaultHostName(): ExcelHostName {
  const named = typeof process === 'undefined' ? undefined : process.env.TIERWISE_EXCEL_HOST;
  return named && named in EXCEL_HOSTS ? (named as ExcelHostName) : 'Microsoft 365';
}

/** `isSetSupported` as the host answers it. */
export function hostApiSets(host: ExcelHost): ApiSetCheck {
  return (set, version) => {
    const has = host[set];
    return has !== undefined && compareVersions(has, version) >= 0;
  };
}

/** Throws what Excel's sync() reports when `member` is above the host's sets. */
export function refuseAboveHost(host: ExcelHost, member: CheckedMember): void {
  const { set, version } = FAKE_MEMBER_SETS[member];
  if (!hostApiSets(host)(set, version))
    throw new FakeExcelError(
      'ApiNotFound',
      `${member} needs ${set} ${version}; this Excel has ${set} ${host[set] ?? 'none'}. It may be available in a newer version of Excel.`,
    );
}

/**
 * Chart types the add-in creates, with the set that brought each (Excel.ChartType in
 * @types/office-js). An older Excel does not know a newer type: the fake refuses it at sync with
 * ApiNotFound, as for members (the exact code an older host gives is not documented).
 */
export const FAKE_CHART_TYPE_SETS = {
  ColumnClustered: { set: 'ExcelApi', version: '1.1' },
  BarClustered: { set: 'ExcelApi', version: '1.1' },
  Pareto: { set: 'ExcelApi', version: '1.9' },
} as const satisfies Record<string, { set: string; version: string }>;

/** Throws what the fake's sync() reports when chart `type` is above the host's sets. */
export function refuseChartTypeAboveHost(host: ExcelHost, type: keyof typeof FAKE_CHART_TYPE_SETS): void {
  const { set, version } = FAKE_CHART_TYPE_SETS[type];
  if (!hostApiSets(host)(set, version))
    throw new FakeExcelError(
      'ApiNotFound',
      `Chart type ${type} needs ${set} ${version}; this Excel has ${set} ${host[set] ?? 'none'}. It may be available in a newer version of Excel.`,
    );
}
