import type { Locale } from '../engine';
import { formatMessage } from '../i18n/plural';
import { assertNever } from '../engine';
import type { WorkbookProblem } from '../excel/workbook';
import { editorEnUS, type EditorMessageKey } from '../i18n/editor.en-US';
import { editorZhCN } from '../i18n/editor.zh-CN';
import { taskpaneEnUS, type TaskpaneMessageKey as PaneKey } from '../i18n/taskpane.en-US';
import { taskpaneZhCN } from '../i18n/taskpane.zh-CN';

/** Keys of the pane's own texts and of its table editors'. */
export type TaskpaneMessageKey = PaneKey | EditorMessageKey;

const TABLES: Record<Locale, Record<TaskpaneMessageKey, string>> = {
  'en-US': { ...taskpaneEnUS, ...editorEnUS },
  'zh-CN': { ...taskpaneZhCN, ...editorZhCN },
};

/** A task pane message in the given language with {placeholders} filled in. */
export function paneText(
  locale: Locale,
  key: TaskpaneMessageKey,
  params: Record<string, string | number> = {},
): string {
  return formatMessage(locale, TABLES[locale][key], params);
}

export function isTaskpaneMessageKey(key: string): key is TaskpaneMessageKey {
  return Object.prototype.hasOwnProperty.call(TABLES['en-US'], key);
}

/** What went wrong in the workbook, as the pane says it. */
export function formatWorkbookProblem(problem: WorkbookProblem, locale: Locale): string {
  const t = (key: TaskpaneMessageKey, params: Record<string, string | number> = {}) => paneText(locale, key, params);
  switch (problem.kind) {
    case 'empty-sheet':
      return t('problem.empty-sheet', problem);
    case 'no-data-rows':
      return t('problem.no-data-rows', problem);
    case 'protected-sheet':
      return t('problem.protected-sheet', problem);
    case 'own-sheet':
      return t('problem.own-sheet', problem);
    case 'merged-header':
      return t('problem.merged-header', problem);
    case 'sheet-changed':
      return t(problem.part === 'columns' ? 'problem.sheet-changed-columns' : 'problem.sheet-changed', problem);
    case 'no-room':
      return t('problem.no-room', problem);
    case 'user-columns':
      return t('problem.user-columns', { headers: problem.headers.join(', ') });
    case 'cancelled':
      if (problem.rollbackError) return t('problem.cancelled-rollback', { rollback: problem.rollbackError.message });
      return t(problem.rolledBack ? 'problem.cancelled' : 'problem.cancelled-kept');
    case 'nothing-to-revert':
      return t('problem.nothing-to-revert');
    case 'revert-refused':
      return problem.reason === 'changed'
        ? t('problem.revert-changed', { address: problem.address })
        : t('problem.revert-unreadable');
    case 'newer-workbook':
      return t('problem.newer-workbook', problem);
    case 'failed':
      if (problem.rollbackError)
        return t('problem.failed-rollback', { message: problem.message, rollback: problem.rollbackError.message });
      if (problem.rolledBack === undefined) return t('problem.failed', { message: problem.message });
      return t(problem.rolledBack ? 'problem.failed-undone' : 'problem.failed-kept', { message: problem.message });
    case 'journal-in-memory': {
      const kept =
        problem.reason === 'too-large'
          ? t('problem.journal-too-large', {
              size: Math.ceil(problem.bytes / 1024),
              limit: Math.ceil(problem.limit / 1024),
            })
          : t('problem.journal-refused', { message: problem.error.message });
      const cleanup = problem.cleanupError
        ? t('problem.journal-cleanup-failed', { message: problem.cleanupError.message })
        : t('problem.journal-dropped');
      return `${kept} ${cleanup}`;
    }
    case 'summary-index-unreadable':
      return t('problem.summary-index-unreadable', { reason: problem.reason, sheet: problem.sheet });
    case 'summary-user-cells':
      return t('problem.summary-user-cells', problem);
    default:
      return assertNever(problem, 'workbook problem');
  }
}
