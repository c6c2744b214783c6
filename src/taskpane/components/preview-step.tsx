import { Text } from '@fluentui/react-components';
import type { CompiledTable, GradeSummary } from '../../engine';
import type { Sample } from '../session';
import { Distribution } from './distribution';
import { usePaneText } from './pane-text';
import { useStyles } from './styles';
import { CutPointsTable, type CutPointRow } from '../rfm-orders/cut-points-table';

export interface PreviewStepProps {
  compiled: CompiledTable;
  summary: GradeSummary;
  samples: readonly Sample[];
  /** Sheet row of data row 0, for "Row 12". */
  firstRow: number;
  /** RFM tables: the cut points this preview's scores use. */
  cutPoints?: readonly CutPointRow[];
}

export function PreviewStep({ compiled, summary, samples, firstRow, cutPoints }: PreviewStepProps) {
  const { t } = usePaneText();
  const styles = useStyles();
  return (
    <div className={styles.stack}>
      <Distribution compiled={compiled} summary={summary} />
      <Text>{t('preview.ungraded', { count: summary.ungraded })}</Text>
      {cutPoints && <CutPointsTable rows={cutPoints} />}
      <section className={styles.section} aria-label={t('preview.samples')}>
        <Text weight="semibold">{t('preview.samples')}</Text>
        <ul>
          {samples.map((s) => (
            <li key={s.row}>
              <Text weight="semibold">{t('preview.row', { row: firstRow + s.row })}</Text>
              {s.tier !== undefined ? ` ${s.tier}: ` : ': '}
              {s.text}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
