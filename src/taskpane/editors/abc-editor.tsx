import { Text } from '@fluentui/react-components';
import type { GradingTable } from '../../engine';
import { localize } from '../../i18n';
import { usePaneText } from '../components/pane-text';
import { useStyles } from '../components/styles';
import { move, type MethodOf, type PartEditorProps } from './draft';
import { CellSelect, EditorGrid } from './editor-grid';
import { ShareCell } from './share-cell';

function abc(table: GradingTable): MethodOf<'abc'> {
  return table.method as MethodOf<'abc'>;
}

/** ABC / Pareto: the ranked value and the cuts by cumulative share of it (the last cut takes the rest). */
export function AbcEditor({ table, say, set }: PartEditorProps) {
  const { t, locale } = usePaneText();
  const styles = useStyles();
  const method = abc(table);
  const setMethod = (edit: (m: MethodOf<'abc'>) => void) => set((c) => edit(abc(c)));
  const inputOptions = table.inputs
    .filter((input) => input.type === 'number')
    .map((input) => ({ value: input.id, text: localize(input.label, locale) || input.id }));
  const tierOptions = table.tiers.map((tier) => ({
    value: tier.id,
    text: `${tier.id} ${localize(tier.label, locale)}`,
  }));
  const rows = method.cuts.map((cut, k) => [
    <CellSelect
      key="tier"
      label={t('abc.tier-of', { index: k + 1 })}
      value={cut.tier}
      options={tierOptions}
      problems={say(`method.cuts[${k}].tier`)}
      onChange={(v) => setMethod((m) => (m.cuts[k]!.tier = v))}
    />,
    <ShareCell
      key="upTo"
      label={t('abc.up-to-of', { tier: cut.tier })}
      optional
      placeholder={t('abc.rest')}
      value={cut.upTo}
      problems={say(`method.cuts[${k}].upTo`)}
      onChange={(v) =>
        setMethod((m) => {
          if (v === undefined) delete m.cuts[k]!.upTo;
          else m.cuts[k]!.upTo = v;
        })
      }
    />,
  ]);
  return (
    <section className={styles.section} aria-label={t('abc.title')}>
      <Text weight="semibold">{t('abc.title')}</Text>
      <CellSelect
        label={t('abc.input')}
        value={method.input}
        options={inputOptions}
        problems={say('method.input')}
        onChange={(v) => setMethod((m) => (m.input = v))}
      />
      <EditorGrid
        label={t('abc.cuts')}
        headers={[t('abc.tier'), t('abc.up-to')]}
        rows={rows}
        rowName={(k) => t('abc.row', { tier: method.cuts[k]?.tier ?? String(k + 1) })}
        onMove={(from, to) => setMethod((m) => move(m.cuts, from, to))}
        onRemove={(k) => setMethod((m) => m.cuts.splice(k, 1))}
        onAdd={() =>
          setMethod((m) => {
            const used = new Set(m.cuts.map((c) => c.tier));
            const tier = table.tiers.find((x) => !used.has(x.id))?.id ?? table.tiers[0]?.id ?? '';
            // A new cut goes before the last one (the rest), halfway from the cut above it to 100%.
            const at = Math.max(m.cuts.length - 1, 0);
            const above = m.cuts[at - 1]?.upTo ?? 0;
            m.cuts.splice(at, 0, { tier, upTo: (above + 1) / 2 });
          })
        }
        addLabel={t('abc.add')}
      />
      <Text size={200} className={styles.muted}>
        {t('abc.rule')}
      </Text>
    </section>
  );
}
