import { Text } from '@fluentui/react-components';
import type { GradingTable, Threshold } from '../../engine';
import { localize } from '../../i18n';
import { usePaneText } from '../components/pane-text';
import { useStyles } from '../components/styles';
import { move } from './draft';
import { CellSelect, EditorGrid, NumberCell } from './editor-grid';
import { ShareCell } from './share-cell';

type BoundKind = 'gte' | 'gt' | 'top' | 'none';

function boundKind(threshold: Threshold): BoundKind {
  if (threshold.topShare !== undefined) return 'top';
  if (threshold.gte !== undefined) return 'gte';
  if (threshold.gt !== undefined) return 'gt';
  return 'none';
}

export interface ThresholdsGridProps {
  table: GradingTable;
  say: (path: string) => string[];
  thresholds: readonly Threshold[];
  /** The thresholds' validation path, e.g. "method.thresholds". */
  path: string;
  onChange: (edit: (thresholds: Threshold[]) => void) => void;
}

/** Score -> tier, highest first: per row a tier, "score >=" or "score >", and the bound; the last row takes the rest. */
export function ThresholdsGrid({ table, say, thresholds, path, onChange }: ThresholdsGridProps) {
  const { t, locale } = usePaneText();
  const styles = useStyles();
  const tierOptions = table.tiers.map((tier) => ({
    value: tier.id,
    text: `${tier.id} ${localize(tier.label, locale)}`,
  }));
  const kinds = [
    { value: 'gte', text: '≥' },
    { value: 'gt', text: '>' },
    { value: 'top', text: t('threshold.top') },
    { value: 'none', text: t('threshold.rest') },
  ];
  const rows = thresholds.map((threshold, k) => {
    const kind = boundKind(threshold);
    const bound = threshold.gte ?? threshold.gt;
    return [
      <CellSelect
        key="tier"
        label={t('threshold.tier-of', { index: k + 1 })}
        value={threshold.tier}
        options={tierOptions}
        problems={say(`${path}[${k}].tier`)}
        onChange={(v) => onChange((list) => (list[k]!.tier = v))}
      />,
      <CellSelect
        key="kind"
        label={t('threshold.kind-of', { tier: threshold.tier })}
        value={kind}
        options={kinds}
        onChange={(v) =>
          onChange((list) => {
            const th = list[k]!;
            delete th.gte;
            delete th.gt;
            delete th.topShare;
            if (v === 'top') th.topShare = threshold.topShare ?? 0.2;
            else if (v !== 'none') th[v as 'gte' | 'gt'] = bound ?? 0;
          })
        }
      />,
      kind === 'none' ? (
        ''
      ) : kind === 'top' ? (
        <ShareCell
          key="share"
          label={t('threshold.share-of', { tier: threshold.tier })}
          value={threshold.topShare}
          problems={say(`${path}[${k}].topShare`)}
          onChange={(v) => onChange((list) => (list[k]!.topShare = v ?? 0))}
        />
      ) : (
        <NumberCell
          key="bound"
          label={t('table.threshold', { tier: threshold.tier })}
          value={bound}
          problems={say(`${path}[${k}]`)}
          onChange={(v) => onChange((list) => (list[k]![kind] = v ?? 0))}
        />
      ),
    ];
  });
  return (
    <section className={styles.section} aria-label={t('table.thresholds')}>
      <Text weight="semibold">{t('table.thresholds')}</Text>
      <EditorGrid
        label={t('table.thresholds')}
        headers={[t('threshold.tier'), t('threshold.kind'), t('threshold.bound')]}
        rows={rows}
        rowName={(k) => t('threshold.row', { tier: thresholds[k]?.tier ?? String(k + 1) })}
        onMove={(from, to) => onChange((list) => move(list, from, to))}
        onRemove={(k) => onChange((list) => list.splice(k, 1))}
        onAdd={() =>
          onChange((list) => {
            const used = new Set(list.map((th) => th.tier));
            const tier = table.tiers.find((x) => !used.has(x.id))?.id ?? table.tiers[0]?.id ?? '';
            // A new bounded row goes before the catch-all last row.
            const at = list.length > 0 && boundKind(list[list.length - 1]!) === 'none' ? list.length - 1 : list.length;
            // By share when the others are, so a table does not mix fixed and share bounds.
            const byShare = list.some((th) => th.topShare !== undefined);
            list.splice(at, 0, byShare ? { tier, topShare: 0.5 } : { tier, gte: 0 });
          })
        }
        addLabel={t('threshold.add')}
      />
    </section>
  );
}
