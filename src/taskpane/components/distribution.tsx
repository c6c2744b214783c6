import type { CompiledTable, GradeSummary } from '../../engine';
import { localize } from '../../i18n';
import { usePaneText } from './pane-text';
import { useStyles } from './styles';

const percent = (share: number | undefined, locale: string) =>
  share === undefined || Number.isNaN(share)
    ? ''
    : share.toLocaleString(locale, { style: 'percent', maximumFractionDigits: 1 });

/** Count and share per tier against its target share (and share of value for ABC), each tier in its colours. */
export function Distribution({ compiled, summary }: { compiled: CompiledTable; summary: GradeSummary }) {
  const { t, locale } = usePaneText();
  const styles = useStyles();
  // Ranked by a value (ABC): the share of it each tier holds.
  const withValues = Number.isFinite(summary.valueTotal);
  return (
    <div className={styles.scroll}>
      <table className={styles.table} aria-label={t('preview.distribution')}>
        <thead>
          <tr>
            <th className={styles.cell}>{t('preview.tier')}</th>
            <th className={`${styles.cell} ${styles.number}`}>{t('preview.count')}</th>
            <th className={`${styles.cell} ${styles.number}`}>{t('preview.share')}</th>
            <th className={`${styles.cell} ${styles.number}`}>{t('preview.target')}</th>
            {withValues && <th className={`${styles.cell} ${styles.number}`}>{t('preview.value-share')}</th>}
          </tr>
        </thead>
        <tbody>
          {summary.tiers.map((tier, k) => {
            const def = compiled.tiers[k]!;
            return (
              <tr key={tier.id}>
                <td className={styles.cell}>
                  <span className={styles.swatch} style={{ background: def.fill, color: def.font }}>
                    {tier.id}
                  </span>{' '}
                  {localize(def.label, locale)}
                </td>
                <td className={`${styles.cell} ${styles.number}`}>{tier.count.toLocaleString(locale)}</td>
                <td className={`${styles.cell} ${styles.number}`}>{percent(tier.share, locale)}</td>
                <td className={`${styles.cell} ${styles.number}`}>{percent(tier.targetShare, locale)}</td>
                {withValues && (
                  <td className={`${styles.cell} ${styles.number}`}>{percent(tier.valueShare, locale)}</td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
