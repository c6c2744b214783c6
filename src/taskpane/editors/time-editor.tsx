import { Checkbox, Text } from '@fluentui/react-components';
import { localize } from '../../i18n';
import { usePaneText } from '../components/pane-text';
import { useStyles } from '../components/styles';
import { AsOfCell } from './as-of-cell';
import type { PartEditorProps } from './draft';
import { EditorGrid } from './editor-grid';

/** The table's as-of date and which inputs are days since a date column (ADR 0017). */
export function TimeEditor({ table, say, set, now }: PartEditorProps & { now?: () => Date }) {
  const { t, locale } = usePaneText();
  const styles = useStyles();
  const rows = table.inputs.map((input, k) => {
    const name = localize(input.label, locale) || input.id;
    return [
      <Text key="name">{name}</Text>,
      <Checkbox
        key="days"
        aria-label={t('time.days-since-of', { input: name })}
        checked={input.daysSince === true}
        onChange={(_e, d) =>
          set((c) => {
            const edited = c.inputs[k]!;
            if (d.checked === true) {
              // Read from a date column, it is a number of days.
              edited.daysSince = true;
              edited.type = 'number';
            } else delete edited.daysSince;
          })
        }
      />,
    ];
  });
  return (
    <section className={styles.section} aria-label={t('time.title')}>
      <Text weight="semibold">{t('time.title')}</Text>
      <AsOfCell
        label={t('time.as-of')}
        value={table.asOf}
        problems={say('asOf')}
        now={now}
        onChange={(serial) =>
          set((c) => {
            if (serial === undefined) delete c.asOf;
            else c.asOf = serial;
          })
        }
      />
      <EditorGrid
        label={t('time.days-since')}
        headers={[t('time.input'), t('time.days-since')]}
        rows={rows}
        rowName={(k) => table.inputs[k]?.id ?? String(k + 1)}
      />
      <Text size={200} className={styles.muted}>
        {t('time.rule')}
      </Text>
    </section>
  );
}
