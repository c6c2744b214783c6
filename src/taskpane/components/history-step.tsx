import { Button, Field, Select, Text } from '@fluentui/react-components';
import { displayCell } from '../../engine/values/coerce';
import type { DataRegion, Snapshot } from '../../excel/workbook';
import type { MigrationChoice, MigrationView } from '../session';
import { usePaneText } from './pane-text';
import { useStyles } from './styles';

export interface HistoryStepProps {
  region: DataRegion;
  keyColumn: number;
  onKeyColumn: (column: number) => void;
  busy: boolean;
  onSnapshot: () => void;
  /** The table's snapshots, in the order taken: any two can be compared. */
  snapshots: readonly Snapshot[];
  choice?: MigrationChoice;
  onChoice: (choice: MigrationChoice) => void;
  migration?: MigrationView;
}

export function HistoryStep({
  region,
  keyColumn,
  onKeyColumn,
  busy,
  onSnapshot,
  snapshots,
  choice,
  onChoice,
  migration,
}: HistoryStepProps) {
  const { t } = usePaneText();
  const styles = useStyles();
  const from = choice?.from ?? snapshots.at(-2)?.id ?? '';
  const to = choice?.to ?? snapshots.at(-1)?.id ?? '';
  const pick = (label: string, selected: string, choose: (id: string) => void) => (
    <Field label={label}>
      <Select value={selected} onChange={(_e, d) => choose(d.value)}>
        {snapshots.map((s) => (
          <option key={s.id} value={s.id}>
            {t('history.snapshot-option', { date: s.date, count: s.entries.length })}
          </option>
        ))}
      </Select>
    </Field>
  );
  return (
    <div className={styles.stack}>
      <Field label={t('history.key')}>
        <Select value={String(keyColumn)} onChange={(_e, d) => onKeyColumn(Number(d.value))}>
          {region.headers.map((h, j) => (
            <option key={j} value={String(j)}>
              {displayCell(h)}
            </option>
          ))}
        </Select>
      </Field>
      <div className={styles.row}>
        <Button appearance="primary" disabled={busy} onClick={onSnapshot}>
          {t('history.snapshot')}
        </Button>
      </div>
      {snapshots.length >= 2 && (
        <div className={styles.row}>
          {pick(t('history.compare-from'), from, (id) => onChoice({ from: id, to }))}
          {pick(t('history.compare-to'), to, (id) => onChoice({ from, to: id }))}
        </div>
      )}
      {!migration && <Text>{t('history.none')}</Text>}
      {migration && (
        <section
          className={styles.section}
          aria-label={t('history.migration', { from: migration.from, to: migration.to })}
        >
          <Text weight="semibold">{t('history.migration', { from: migration.from, to: migration.to })}</Text>
          <div className={styles.scroll}>
            <table className={styles.table}>
              <thead>
                <tr>
                  <th className={styles.cell}>{t('history.from-to')}</th>
                  {migration.labels.map((l) => (
                    <th key={l} className={`${styles.cell} ${styles.number}`}>
                      {l === 'absent' ? t('history.absent') : l}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {migration.matrix.map((row, r) => (
                  <tr key={r}>
                    <th className={styles.cell} scope="row">
                      {migration.labels[r] === 'absent' ? t('history.absent') : migration.labels[r]}
                    </th>
                    {row.map((n, c) => (
                      <td key={c} className={`${styles.cell} ${styles.number}`}>
                        {n}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Text>{t('history.up', { count: migration.up.length })}</Text>
          {migration.up.length > 0 && <Text size={200}>{migration.up.slice(0, 30).join(', ')}</Text>}
          <Text>{t('history.down', { count: migration.down.length })}</Text>
          {migration.down.length > 0 && <Text size={200}>{migration.down.slice(0, 30).join(', ')}</Text>}
        </section>
      )}
    </div>
  );
}
