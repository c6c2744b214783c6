import {
  Button,
  Caption1,
  Field,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Select,
  Text,
} from '@fluentui/react-components';
import type { ColumnMapping, CompiledTable } from '../../engine';
import { displayCell } from '../../engine/values/coerce';
import { dataColumnCount } from '../../excel/build-plan';
import type { DataRegion, Progress } from '../../excel/workbook';
import { PROGRESS_FROM_ROWS } from './apply-step';
import { localize } from '../../i18n';
import { usePaneText } from './pane-text';
import { useStyles } from './styles';

export interface DataStepProps {
  region?: DataRegion;
  busy: boolean;
  progress?: Progress;
  onCancel: () => void;
  compiled?: CompiledTable;
  mapping?: ColumnMapping;
  onDetect: () => void;
  /** input id -> header ('' to leave the input unmapped). */
  onMap: (input: string, header: string) => void;
}

export function DataStep({ region, busy, progress, onCancel, compiled, mapping, onDetect, onMap }: DataStepProps) {
  const { t, locale } = usePaneText();
  const styles = useStyles();
  const labelOf = (id: string) => localize(compiled?.columns.find((c) => c.id === id)?.label, locale) || id;
  return (
    <div className={styles.stack}>
      <div className={styles.row}>
        <Button appearance="primary" onClick={onDetect} disabled={busy}>
          {t('data.detect')}
        </Button>
        {busy && <Caption1>{t('data.detecting')}</Caption1>}
      </div>
      {busy && progress && progress.total > PROGRESS_FROM_ROWS && (
        <div className={styles.row}>
          <Field
            label={t('preview.reading', {
              done: progress.done,
              total: progress.total,
            })}
          >
            <ProgressBar value={progress.done / Math.max(1, progress.total)} />
          </Field>
          <Button onClick={onCancel}>{t('apply.cancel')}</Button>
        </div>
      )}
      {region && (
        <div className={styles.stack}>
          <Text>{t('data.region', { rows: region.rowCount, address: region.address })}</Text>
          {region.table && <Caption1>{t('data.table', { table: region.table })}</Caption1>}
          {region.filtered && (
            <MessageBar intent="info">
              <MessageBarBody>{t('data.filtered')}</MessageBarBody>
            </MessageBar>
          )}
        </div>
      )}
      {region && !compiled && <Caption1>{t('data.pick-table-first')}</Caption1>}
      {region && compiled && mapping && (
        <section className={styles.section} aria-label={t('data.mapping')}>
          <Text weight="semibold">{t('data.mapping')}</Text>
          {compiled.columns.map((input, i) => {
            const column = mapping.map[i]!;
            const value = column >= 0 ? displayCell(region.headers[column]) : '';
            return (
              <Field key={input.id} label={t('data.column-for', { input: labelOf(input.id) })}>
                <Select value={value} onChange={(_e, data) => onMap(input.id, data.value)}>
                  <option value="">{t('data.not-mapped')}</option>
                  {region.headers.slice(0, dataColumnCount(region)).map((header, j) => {
                    const text = displayCell(header);
                    return text === '' ? null : (
                      <option key={j} value={text}>
                        {text}
                      </option>
                    );
                  })}
                </Select>
              </Field>
            );
          })}
          {mapping.missingRequired.length > 0 ? (
            <MessageBar intent="warning">
              <MessageBarBody>
                {t('data.missing-required', { inputs: mapping.missingRequired.map(labelOf).join(', ') })}
              </MessageBarBody>
            </MessageBar>
          ) : mapping.unmapped.length > 0 ? (
            <MessageBar intent="info">
              <MessageBarBody>
                {t('data.unmapped', { inputs: mapping.unmapped.map(labelOf).join(', ') })}
              </MessageBarBody>
            </MessageBar>
          ) : (
            <Caption1>{t('data.all-mapped')}</Caption1>
          )}
        </section>
      )}
    </div>
  );
}
