import { Text } from '@fluentui/react-components';
import type { CompiledTable, GradeSummary } from '../../engine';
import type { Sample } from '../session';
import { Distribution } from './distribution';
import { usePaneText } from './pane-text';
import { useStyles } from './styles';

export interface PreviewStepProps {
  compiled: CompiledTable;
  summary: GradeSummary;
  samples: readonly Sample[];
  /** Sheet row of data row 0, for "Row 12". */
  firstRow: number;
}

export function PreviewStep({ compiled, summary, samples, firstRow }: PreviewStepProps) {
  const { t } = usePaneText();
  const styles = useStyles();
  return (
    <div className={styles.stack}>
      <Distribution compiled={compiled} summary={summary} />
      <Text>{t('preview.ungraded', { count: summary.ungraded })}</Text>
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
