import { makeStyles } from '@fluentui/react-components';
import { localize } from '../../i18n';
import { usePaneText } from '../components/pane-text';
import { contrastRatio, MIN_CONTRAST, move, renameTier, type PartEditorProps } from './draft';
import { CellInput, EditorGrid, NumberCell } from './editor-grid';

const useStyles = makeStyles({
  colour: { display: 'flex', alignItems: 'center', gap: '2px' },
  swatch: { width: '24px', height: '24px', padding: 0, border: 'none', flexShrink: 0 },
  // Takes the rest of the cell, and no more: the hex text box shrinks with a narrow pane.
  text: { flex: '1 1 auto', minWidth: '84px' },
});

const HEX = /^#[0-9a-f]{6}$/i;

function ColourCell({
  label,
  pickLabel,
  value,
  onChange,
  problems,
  warnings,
}: {
  label: string;
  pickLabel: string;
  value: string;
  onChange: (value: string) => void;
  problems: string[];
  warnings: string[];
}) {
  const styles = useStyles();
  return (
    <div className={styles.colour}>
      <input
        className={styles.swatch}
        type="color"
        aria-label={pickLabel}
        value={HEX.test(value) ? value.toLowerCase() : '#ffffff'}
        onChange={(e) => onChange(e.target.value.toUpperCase())}
      />
      <div className={styles.text}>
        <CellInput label={label} value={value} onChange={onChange} problems={problems} warnings={warnings} />
      </div>
    </div>
  );
}

/** Tiers, best first: id, label, fill and font colours (with a contrast check), target share; then their notes. */
export function TiersGrid({ table, say, set }: PartEditorProps) {
  const { t, locale } = usePaneText();
  const lang = locale === 'zh-CN' ? 'zh' : 'en';
  const name = (k: number) => table.tiers[k]?.id ?? String(k + 1);
  const rows = table.tiers.map((tier, k) => {
    const ratio = contrastRatio(tier.fill, tier.font);
    const lowContrast =
      ratio !== undefined && ratio < MIN_CONTRAST
        ? [t('tier.low-contrast', { ratio: ratio.toFixed(1), min: MIN_CONTRAST })]
        : [];
    return [
      <CellInput
        key="id"
        label={t('tier.id-of', { index: k + 1 })}
        value={tier.id}
        problems={say(`tiers[${k}].id`)}
        onChange={(id) => set((c) => renameTier(c, k, id))}
      />,
      <CellInput
        key="label"
        label={t('table.tier-label', { tier: tier.id })}
        value={localize(tier.label, locale)}
        problems={say(`tiers[${k}].label`)}
        onChange={(v) => set((c) => (c.tiers[k]!.label[lang] = v))}
      />,
      <ColourCell
        key="fill"
        label={t('table.tier-fill', { tier: tier.id })}
        pickLabel={t('tier.pick-fill', { tier: tier.id })}
        value={tier.fill}
        problems={say(`tiers[${k}].fill`)}
        warnings={lowContrast}
        onChange={(v) => set((c) => (c.tiers[k]!.fill = v))}
      />,
      <ColourCell
        key="font"
        label={t('table.tier-font', { tier: tier.id })}
        pickLabel={t('tier.pick-font', { tier: tier.id })}
        value={tier.font}
        problems={say(`tiers[${k}].font`)}
        warnings={[]}
        onChange={(v) => set((c) => (c.tiers[k]!.font = v))}
      />,
      <NumberCell
        key="share"
        label={t('table.tier-share', { tier: tier.id })}
        optional
        value={tier.targetShare === undefined ? undefined : Math.round(tier.targetShare * 1000) / 10}
        problems={say(`tiers[${k}].targetShare`)}
        onChange={(v) =>
          set((c) => {
            if (v === undefined) delete c.tiers[k]!.targetShare;
            else c.tiers[k]!.targetShare = v / 100;
          })
        }
      />,
    ];
  });
  const notes = table.tiers.map((tier, k) => [
    tier.id,
    <CellInput
      key="strategy"
      label={t('table.tier-strategy', { tier: tier.id })}
      value={localize(tier.strategy, locale)}
      onChange={(v) => set((c) => (c.tiers[k]!.strategy = { ...(c.tiers[k]!.strategy ?? { en: '' }), [lang]: v }))}
    />,
    <CellInput
      key="cadence"
      label={t('table.tier-cadence', { tier: tier.id })}
      value={localize(tier.cadence, locale)}
      onChange={(v) => set((c) => (c.tiers[k]!.cadence = { ...(c.tiers[k]!.cadence ?? { en: '' }), [lang]: v }))}
    />,
  ]);
  return (
    <>
      <EditorGrid
        label={t('table.tiers')}
        headers={[t('tier.id'), t('tier.label'), t('tier.fill'), t('tier.font'), t('tier.share')]}
        rows={rows}
        rowName={(k) => t('tier.row', { tier: name(k) })}
        onMove={(from, to) => set((c) => move(c.tiers, from, to))}
        onRemove={(k) => set((c) => c.tiers.splice(k, 1))}
        onAdd={() =>
          set((c) => {
            let n = c.tiers.length + 1;
            while (c.tiers.some((tier) => tier.id === `T${n}`)) n++;
            c.tiers.push({
              id: `T${n}`,
              label: { en: `Tier ${n}`, zh: `等级 ${n}` },
              fill: '#FFFFFF',
              font: '#000000',
            });
          })
        }
        addLabel={t('tier.add')}
      />
      <EditorGrid
        label={t('tier.notes')}
        headers={[t('tier.id'), t('tier.strategy'), t('tier.cadence')]}
        rows={notes}
        rowName={(k) => t('tier.row', { tier: name(k) })}
      />
    </>
  );
}
