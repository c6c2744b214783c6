import { Button, Field, Select, Text } from '@fluentui/react-components';
import { localize } from '../../i18n';
import { ConditionEditor } from '../components/condition-editor';
import { usePaneText } from '../components/pane-text';
import { useStyles } from '../components/styles';
import { move, type MethodOf, type PartEditorProps } from './draft';

/** The rules of a rules table, in order: per rule its tier and condition tree; the default tier. */
export function RulesEditor({ table, say, set: setTable }: PartEditorProps) {
  const { t, locale } = usePaneText();
  const styles = useStyles();
  const method = table.method as MethodOf<'rules'>;
  const inputs = table.inputs;
  const set = (edit: (method: MethodOf<'rules'>) => void) => setTable((copy) => edit(copy.method as MethodOf<'rules'>));
  const tierOptions = table.tiers.map((tier, k) => (
    <option key={k} value={tier.id}>
      {tier.id} {localize(tier.label, locale)}
    </option>
  ));
  return (
    <section className={styles.section} aria-label={t('table.rules-title')}>
      <Text weight="semibold">{t('table.rules-title')}</Text>
      {method.rules.map((rule, r) => {
        const index = r + 1;
        return (
          <div key={r} className={styles.section}>
            <div className={styles.row}>
              <Field
                label={t('table.rule-tier', { index })}
                validationMessage={say(`method.rules[${r}].tier`).join('; ') || undefined}
              >
                <Select value={rule.tier} onChange={(_e, d) => set((m) => (m.rules[r]!.tier = d.value))}>
                  {tierOptions}
                </Select>
              </Field>
              <Button
                size="small"
                disabled={r === 0}
                aria-label={t('grid.up', { row: t('table.rule', { index }) })}
                onClick={() => set((m) => move(m.rules, r, r - 1))}
              >
                ↑
              </Button>
              <Button
                size="small"
                disabled={r === method.rules.length - 1}
                aria-label={t('grid.down', { row: t('table.rule', { index }) })}
                onClick={() => set((m) => move(m.rules, r, r + 1))}
              >
                ↓
              </Button>
              <Button size="small" onClick={() => set((m) => m.rules.splice(r, 1))}>
                {t('table.rule-remove', { index })}
              </Button>
            </div>
            <ConditionEditor
              node={rule.when}
              inputs={inputs}
              where={t('table.rule', { index })}
              problems={say}
              path={`method.rules[${r}].when`}
              onChange={(when) => set((m) => (m.rules[r]!.when = when))}
            />
          </div>
        );
      })}
      <Button
        onClick={() =>
          set((m) =>
            m.rules.push({ tier: table.tiers[0]?.id ?? '', when: { input: inputs[0]?.id ?? '', op: 'not_blank' } }),
          )
        }
      >
        {t('table.rule-add')}
      </Button>
      <Field label={t('table.default-tier')} validationMessage={say('method.default').join('; ') || undefined}>
        <Select
          value={method.default ?? ''}
          onChange={(_e, d) =>
            set((m) => {
              if (d.value === '') delete m.default;
              else m.default = d.value;
            })
          }
        >
          <option value="">{t('table.no-default')}</option>
          {tierOptions}
        </Select>
      </Field>
    </section>
  );
}
