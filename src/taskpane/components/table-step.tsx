import { Button, Field, Input, MessageBar, MessageBarBody, Select, Text } from '@fluentui/react-components';
import { useMemo, useRef, useState } from 'react';
import { formatProblem, type GradingTable, type TableProblem } from '../../engine';
import type { BrokenTable, StoredTable } from '../../excel/workbook';
import { localize } from '../../i18n';
import { NewTableForm, type SheetColumns } from '../new-table/new-table-form';
import { tableChoices } from '../session';
import { isTaskpaneMessageKey } from '../text';
import { usePaneText } from './pane-text';
import { useStyles } from './styles';
import { TableEditor } from './table-editor';

export interface TableStepProps {
  stored: readonly StoredTable[];
  broken: readonly BrokenTable[];
  choice: string;
  draft: unknown;
  problems: readonly TableProblem[];
  onChoose: (key: string) => void;
  onDraft: (draft: unknown) => void;
  onError: (text: string) => void;
  /** The current sheet's data, once read: a new table can start from its columns. */
  sheet?: SheetColumns;
  onNew: (table: GradingTable) => void;
}

export function TableStep(props: TableStepProps) {
  const { stored, broken, choice, draft, problems, onChoose, onDraft, onError, sheet, onNew } = props;
  const { t, locale } = usePaneText();
  const styles = useStyles();
  const [query, setQuery] = useState('');
  const [creating, setCreating] = useState(false);
  const draftName = (draft as Partial<GradingTable> | null)?.name;
  const groups = useMemo(() => tableChoices(stored, query), [stored, query]);
  const file = useRef<HTMLInputElement>(null);
  const groupLabel = (group: string) => {
    if (group === 'workbook') return t('table.in-workbook');
    const key = `category.${group}`;
    return isTaskpaneMessageKey(key) ? t(key) : t('table.category', { category: group });
  };

  const exportJson = () => {
    const blob = new Blob([JSON.stringify(draft, null, 2)], { type: 'application/json' });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    const id = (draft as { id?: unknown } | null)?.id;
    link.download = `${typeof id === 'string' ? id : 'table'}.json`;
    link.click();
    URL.revokeObjectURL(link.href);
  };
  const importJson = async (picked: File | undefined) => {
    if (!picked) return;
    try {
      onDraft(JSON.parse(await picked.text()));
    } catch (error) {
      onError(t('table.import-failed', { message: (error as Error).message }));
    }
  };

  return (
    <div className={styles.stack}>
      <Field label={t('table.search')}>
        <Input type="search" value={query} onChange={(_e, d) => setQuery(d.value)} />
      </Field>
      <Field label={t('table.source')}>
        <Select value={choice} onChange={(_e, d) => onChoose(d.value)}>
          {!groups.some((g) => g.choices.some((c) => c.key === choice)) && (
            <option value={choice}>
              {choice.startsWith('new:') && draftName
                ? t('new.unsaved', { name: localize(draftName, locale) })
                : choice}
            </option>
          )}
          {groups.map((g) => (
            <optgroup key={g.group} label={groupLabel(g.group)}>
              {g.choices.map((c) => (
                <option key={c.key} value={c.key}>
                  {localize(c.table.name, locale)}
                </option>
              ))}
            </optgroup>
          ))}
        </Select>
      </Field>
      {groups.length === 0 && <Text>{t('table.none')}</Text>}
      {broken.map((b) => (
        <MessageBar key={b.name} intent="error">
          <MessageBarBody>
            {t('table.broken', { name: b.name, address: b.address })}
            <ul>
              {b.problems.map((p, i) => (
                <li key={i}>{formatProblem(p, locale)}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      ))}
      {creating && (
        <NewTableForm
          workbookIds={stored.map((s) => s.table.id)}
          {...(sheet ? { sheet } : {})}
          onCreate={(table) => {
            setCreating(false);
            onNew(table);
          }}
          onCancel={() => setCreating(false)}
        />
      )}
      <div className={styles.row}>
        {!creating && <Button onClick={() => setCreating(true)}>{t('new.open')}</Button>}
        <Button onClick={() => file.current?.click()}>{t('table.import')}</Button>
        <Button onClick={exportJson}>{t('table.export')}</Button>
        <input
          ref={file}
          className={styles.hidden}
          type="file"
          accept=".json,application/json"
          aria-label={t('table.import')}
          onChange={(e) => void importJson(e.target.files?.[0])}
        />
      </div>
      <TableEditor draft={draft} problems={problems} onChange={onDraft} />
    </div>
  );
}
