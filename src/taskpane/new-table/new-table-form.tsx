import { Button, Caption1, Field, Input, Radio, RadioGroup, Select } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import type { Cell, GradingTable } from '../../engine';
import { PRESETS } from '../../engine/presets';
import { localize } from '../../i18n';
import { usePaneText } from '../components/pane-text';
import { useStyles } from '../components/styles';
import { NEW_TABLE_METHODS, newTable, takenTableIds, type NewTableMethod, type NewTableStart } from './starting-tables';

export interface SheetColumns {
  headers: readonly Cell[];
  rows: readonly Cell[][];
}

export interface NewTableFormProps {
  /** Ids of the workbook's tables: a new table takes none of them. */
  workbookIds: readonly string[];
  /** The current sheet's data, once read. */
  sheet?: SheetColumns;
  onCreate: (table: GradingTable) => void;
  onCancel: () => void;
}

type StartKind = NewTableStart['kind'];

/** Names a new table and picks what it starts from; the table editor takes it from there. */
export function NewTableForm({ workbookIds, sheet, onCreate, onCancel }: NewTableFormProps) {
  const { t, locale } = usePaneText();
  const styles = useStyles();
  const [name, setName] = useState('');
  const [start, setStart] = useState<StartKind>('empty');
  const [method, setMethod] = useState<NewTableMethod>('scorecard');
  const [presetId, setPresetId] = useState(PRESETS[0]!.id);

  const startOf = (): NewTableStart => {
    if (start === 'preset') return { kind: 'preset', preset: PRESETS.find((p) => p.id === presetId) ?? PRESETS[0]! };
    if (start === 'columns' && sheet) return { kind: 'columns', method, headers: sheet.headers, rows: sheet.rows };
    return { kind: 'empty', method };
  };
  const proposed = useMemo(
    () =>
      start === 'columns' && sheet && method !== 'rfm'
        ? newTable({ kind: 'columns', method, ...sheet }, 'x', new Set()).inputs
        : [],
    [start, sheet, method],
  );
  const create = () => onCreate(newTable(startOf(), name, takenTableIds(workbookIds)));

  return (
    <section className={styles.section} aria-label={t('new.title')}>
      <Field label={t('new.name')}>
        <Input value={name} onChange={(_e, d) => setName(d.value)} />
      </Field>
      <Field label={t('new.start')}>
        <RadioGroup value={start} onChange={(_e, d) => setStart(d.value as StartKind)}>
          <Radio value="empty" label={t('new.start-empty')} />
          <Radio value="preset" label={t('new.start-preset')} />
          <Radio value="columns" label={t('new.start-columns')} disabled={!sheet} />
        </RadioGroup>
      </Field>
      {!sheet && <Caption1 className={styles.muted}>{t('new.no-columns')}</Caption1>}
      {start === 'preset' ? (
        <Field label={t('new.preset')}>
          <Select value={presetId} onChange={(_e, d) => setPresetId(d.value)}>
            {PRESETS.map((p) => (
              <option key={p.id} value={p.id}>
                {localize(p.name, locale)}
              </option>
            ))}
          </Select>
        </Field>
      ) : (
        <Field label={t('new.method')}>
          <Select value={method} onChange={(_e, d) => setMethod(d.value as NewTableMethod)}>
            {NEW_TABLE_METHODS.map((m) => (
              <option key={m} value={m}>
                {t(`new.method-${m}`)}
              </option>
            ))}
          </Select>
        </Field>
      )}
      {proposed.length > 0 && (
        <Caption1>
          {t('new.columns-found', {
            count: proposed.length,
            inputs: proposed
              .map((input) => `${localize(input.label, locale)} (${t(`input.type-${input.type}`)})`)
              .join(', '),
          })}
        </Caption1>
      )}
      <div className={styles.row}>
        <Button appearance="primary" disabled={name.trim() === ''} onClick={create}>
          {t('new.create')}
        </Button>
        <Button onClick={onCancel}>{t('new.cancel')}</Button>
      </div>
    </section>
  );
}
