import { Text } from '@fluentui/react-components';
import type { GradingTable } from '../../engine';
import { localize } from '../../i18n';
import { ConditionEditor } from '../components/condition-editor';
import { usePaneText } from '../components/pane-text';
import { useStyles } from '../components/styles';
import { BandCell, emptyMatch } from './band-cell';
import { move, type MethodOf, type PartEditorProps } from './draft';
import { CellInput, CellSelect, EditorGrid, NumberCell } from './editor-grid';
import { ThresholdsGrid } from './thresholds-grid';

function scorecard(table: GradingTable): MethodOf<'scorecard'> {
  return table.method as MethodOf<'scorecard'>;
}

/** Criteria (input, weight, blank points) with their bands, thresholds, multipliers and rounding. */
export function ScorecardEditor({ table, say, set }: PartEditorProps) {
  const { t, locale } = usePaneText();
  const styles = useStyles();
  const lang = locale === 'zh-CN' ? 'zh' : 'en';
  const method = scorecard(table);
  const setMethod = (edit: (m: MethodOf<'scorecard'>) => void) => set((c) => edit(scorecard(c)));
  const inputOptions = table.inputs.map((i) => ({ value: i.id, text: localize(i.label, locale) || i.id }));
  const criterionName = (c: number) => {
    const criterion = method.criteria[c];
    return localize(criterion?.label, locale) || criterion?.id || String(c + 1);
  };
  const path = (c: number) => `method.criteria[${c}]`;

  const criteriaRows = method.criteria.map((criterion, c) => {
    const name = criterionName(c);
    return [
      <CellInput
        key="label"
        label={t('criterion.label-of', { index: c + 1 })}
        value={localize(criterion.label, locale) || criterion.id}
        problems={say(`${path(c)}.id`)}
        onChange={(v) =>
          setMethod((m) => (m.criteria[c]!.label = { ...(m.criteria[c]!.label ?? { en: v }), [lang]: v }))
        }
      />,
      <CellSelect
        key="input"
        label={t('criterion.input-of', { criterion: name })}
        value={criterion.input}
        options={inputOptions}
        problems={say(`${path(c)}.input`)}
        onChange={(v) => setMethod((m) => (m.criteria[c]!.input = v))}
      />,
      <NumberCell
        key="weight"
        label={t('criterion.weight-of', { criterion: name })}
        optional
        placeholder="1"
        value={criterion.weight}
        problems={say(`${path(c)}.weight`)}
        onChange={(v) =>
          setMethod((m) => {
            if (v === undefined) delete m.criteria[c]!.weight;
            else m.criteria[c]!.weight = v;
          })
        }
      />,
      <NumberCell
        key="blank"
        label={t('criterion.blank-of', { criterion: name })}
        optional
        value={criterion.blankPoints}
        problems={say(`${path(c)}.blankPoints`)}
        onChange={(v) =>
          setMethod((m) => {
            if (v === undefined) delete m.criteria[c]!.blankPoints;
            else m.criteria[c]!.blankPoints = v;
          })
        }
      />,
    ];
  });

  return (
    <>
      <section className={styles.section} aria-label={t('table.criteria')}>
        <Text weight="semibold">{t('table.criteria')}</Text>
        <EditorGrid
          label={t('table.criteria')}
          headers={[t('criterion.label'), t('criterion.input'), t('criterion.weight'), t('criterion.blank')]}
          rows={criteriaRows}
          rowName={(c) => t('criterion.row', { criterion: criterionName(c) })}
          onMove={(from, to) => setMethod((m) => move(m.criteria, from, to))}
          onRemove={(c) => setMethod((m) => m.criteria.splice(c, 1))}
          onAdd={() =>
            set((copy) => {
              const m = scorecard(copy);
              let n = m.criteria.length + 1;
              while (m.criteria.some((criterion) => criterion.id === `criterion_${n}`)) n++;
              const input = copy.inputs[0];
              m.criteria.push({
                id: `criterion_${n}`,
                input: input?.id ?? '',
                label: { en: `Criterion ${n}`, zh: `指标 ${n}` },
                bands: [{ match: emptyMatch(input?.type), points: 0 }],
              });
            })
          }
          addLabel={t('criterion.add')}
        />
        {method.criteria.map((criterion, c) => {
          const name = criterionName(c);
          const type = table.inputs.find((i) => i.id === criterion.input)?.type;
          return (
            <EditorGrid
              key={c}
              label={t('band.title', { criterion: name })}
              headers={[t('band.header', { criterion: name }), t('band.points')]}
              rows={criterion.bands.map((band, b) => [
                <BandCell
                  key="match"
                  label={t('table.band', { criterion: name, index: b + 1 })}
                  match={band.match}
                  problems={say(`${path(c)}.bands[${b}].match`)}
                  onChange={(match) => setMethod((m) => (m.criteria[c]!.bands[b]!.match = match))}
                />,
                <NumberCell
                  key="points"
                  label={t('table.points', { criterion: name, index: b + 1 })}
                  value={band.points}
                  problems={say(`${path(c)}.bands[${b}].points`)}
                  onChange={(v) => setMethod((m) => (m.criteria[c]!.bands[b]!.points = v ?? 0))}
                />,
              ])}
              rowName={(b) => t('band.row', { criterion: name, index: b + 1 })}
              onMove={(from, to) => setMethod((m) => move(m.criteria[c]!.bands, from, to))}
              onRemove={(b) => setMethod((m) => m.criteria[c]!.bands.splice(b, 1))}
              onAdd={() => setMethod((m) => m.criteria[c]!.bands.push({ match: emptyMatch(type), points: 0 }))}
              addLabel={t('band.add', { criterion: name })}
            />
          );
        })}
        {say('method.criteria').length > 0 && <Text>{say('method.criteria').join('; ')}</Text>}
      </section>
      <ThresholdsGrid
        table={table}
        say={say}
        thresholds={method.thresholds}
        path="method.thresholds"
        onChange={(edit) => setMethod((m) => edit(m.thresholds))}
      />
      <section className={styles.section} aria-label={t('multiplier.title')}>
        <Text weight="semibold">{t('multiplier.title')}</Text>
        <EditorGrid
          label={t('multiplier.title')}
          headers={[t('multiplier.label'), t('multiplier.factor')]}
          rows={(method.multipliers ?? []).map((multiplier, k) => [
            <CellInput
              key="label"
              label={t('multiplier.label-of', { index: k + 1 })}
              value={localize(multiplier.label, locale) || multiplier.id}
              onChange={(v) =>
                setMethod((m) => (m.multipliers![k]!.label = { ...(m.multipliers![k]!.label ?? { en: v }), [lang]: v }))
              }
            />,
            <NumberCell
              key="factor"
              label={t('multiplier.factor-of', { index: k + 1 })}
              value={multiplier.factor}
              problems={say(`method.multipliers[${k}].factor`)}
              onChange={(v) => setMethod((m) => (m.multipliers![k]!.factor = v ?? 1))}
            />,
          ])}
          rowName={(k) => t('multiplier.row', { index: k + 1 })}
          onMove={(from, to) => setMethod((m) => move(m.multipliers ?? [], from, to))}
          onRemove={(k) =>
            setMethod((m) => {
              m.multipliers?.splice(k, 1);
              if (m.multipliers?.length === 0) delete m.multipliers;
            })
          }
          onAdd={() =>
            set((copy) => {
              const m = scorecard(copy);
              const list = (m.multipliers ??= []);
              let n = list.length + 1;
              while (list.some((x) => x.id === `multiplier_${n}`)) n++;
              list.push({
                id: `multiplier_${n}`,
                factor: 1,
                when: { input: copy.inputs[0]?.id ?? '', op: 'not_blank' },
              });
            })
          }
          addLabel={t('multiplier.add')}
        />
        {(method.multipliers ?? []).map((multiplier, k) => (
          <ConditionEditor
            key={k}
            node={multiplier.when}
            inputs={table.inputs}
            where={t('multiplier.row', { index: k + 1 })}
            problems={say}
            path={`method.multipliers[${k}].when`}
            onChange={(when) => setMethod((m) => (m.multipliers![k]!.when = when))}
          />
        ))}
      </section>
      <div className={styles.row}>
        <Text>{t('scorecard.round')}</Text>
        <NumberCell
          label={t('scorecard.round')}
          optional
          placeholder={t('scorecard.no-round')}
          value={method.round}
          problems={say('method.round')}
          onChange={(v) =>
            setMethod((m) => {
              if (v === undefined) delete m.round;
              else m.round = v;
            })
          }
        />
      </div>
    </>
  );
}
