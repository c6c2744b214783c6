/**
 * The task pane's entry: waits for Office, picks the language and theme from
 * Office, and renders the pane over the workbook. Outside Excel (a browser,
 * the browser test) Office.onReady resolves with no host; a test may hand in a
 * scripted workbook as window.__tierwiseWorkbook before this script runs.
 */
import { createRoot } from 'react-dom/client';
import { OfficeWorkbook } from '../excel/office-workbook';
import type { ExcelRun } from '../excel/excel-api';
import type { Workbook } from '../excel/workbook';
import { localeFromTag } from '../i18n';
import { App, type Theme } from './components/app';
import { whenPaneShown, type AddinVisibility } from './pane-shown';
import { themeOf } from './theme';

declare global {
  interface Window {
    __tierwiseWorkbook?: Workbook;
    __tierwiseLocale?: string;
    __tierwiseTheme?: Theme;
  }
}

async function officeReady(): Promise<{ host?: string }> {
  if (typeof Office === 'undefined' || !Office.onReady) return {};
  const info = await Office.onReady();
  return info.host ? { host: String(info.host) } : {};
}

async function boot(): Promise<void> {
  // Marks for bench/taskpane.ts: where the time to the first render goes.
  performance.mark('tierwise:script');
  const { host } = await officeReady();
  performance.mark('tierwise:office-ready');
  // A TIERWISE formula starts the shared runtime, and this page with it: read the workbook only once the pane shows.
  const addin = typeof Office === 'undefined' ? undefined : (Office as { addin?: AddinVisibility }).addin;
  await whenPaneShown(document, addin);
  performance.mark('tierwise:shown');
  const office = typeof Office === 'undefined' ? undefined : Office.context;
  const inExcel = host === 'Excel' && typeof Excel !== 'undefined';
  const workbook =
    window.__tierwiseWorkbook ?? (inExcel ? new OfficeWorkbook(Excel.run as unknown as ExcelRun) : undefined);
  const locale = localeFromTag(window.__tierwiseLocale ?? office?.displayLanguage ?? navigator.language);
  const theme = window.__tierwiseTheme ?? themeOf(office?.officeTheme?.bodyBackgroundColor);
  // The pane fills the task pane: no white page margin around the (possibly dark) theme.
  document.body.style.margin = '0';
  const root = document.getElementById('root') ?? document.body.appendChild(document.createElement('div'));
  createRoot(root).render(<App workbook={workbook} locale={locale} theme={theme} />);
}

void boot();
