import { Text } from '@fluentui/react-components';
import type { GradeBatch, Locale } from '../../engine';
import {
  dimensionReports,
  rfmReportText,
  scoreBinText,
  RFM_DIMENSIONS,
  type DimensionReport,
  type RfmBatch,
  type RfmDimension,
} from '../../engine/rfm';
import { usePaneText } from '../components/pane-text';
import { useStyles } from '../components/styles';

/** One line of the cut points shown in the pane: dimension, score, the values it covers, customers. */
export type CutPointRow = [string, number, string, number];

export function cutPointRows(dimensions: Record<RfmDimension, DimensionReport>, locale: Locale): CutPointRow[] {
  return RFM_DIMENSIONS.flatMap((d) =>
    dimensions[d].bins.map((bin): CutPointRow => [
      rfmReportText(locale, `report.dimension.${d}`),
      bin.score,
      scoreBinText(bin, (n) => n.toLocaleString(locale, { maximumFractionDigits: 2 })),
      bin.customers,
    ]),
  );
}

/** The cut points used, as a compact table (the RFM-from-orders panel and the preview of an RFM table). */
export function CutPointsTable({ rows }: { rows: readonly CutPointRow[] }) {
  const { t, locale } = usePaneText();
  const styles = useStyles();
  return (
    <section className={`${styles.section} ${styles.scroll}`} aria-label={t('rfm-orders.cuts')}>
      <Text weight="semibold">{t('rfm-orders.cuts')}</Text>
      <table className={styles.table}>
        <thead>
          <tr>
            {t('rfm-orders.cuts-columns')
              .split('|')
              .map((h) => (
                <th key={h} className={styles.cell}>
                  {h}
                </th>
              ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(([dimension, score, values, customers]) => (
            <tr key={`${dimension}-${score}`}>
              <td className={styles.cell}>{dimension}</td>
              <td className={`${styles.cell} ${styles.number}`}>{score}</td>
              <td className={styles.cell}>{values}</td>
              <td className={`${styles.cell} ${styles.number}`}>{customers.toLocaleString(locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** The cut points of a batch graded by an RFM table; undefined for other tables. */
export function rfmCutPoints(batch: GradeBatch | undefined, locale: Locale): CutPointRow[] | undefined {
  const scores = batch as Partial<RfmBatch> | undefined;
  if (!scores?.cuts || !scores.r || !scores.f || !scores.m) return undefined;
  return cutPointRows(dimensionReports(scores as RfmBatch), locale);
}
