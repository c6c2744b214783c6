import { Text } from '@fluentui/react-components';
import type { Decay, GradingTable } from '../../engine';
import { localize } from '../../i18n';
import { usePaneText } from '../components/pane-text';
import { useStyles } from '../components/styles';
import { move, type MethodOf, type PartEditorProps } from './draft';
import { CellInput, CellSelect, EditorGrid, NumberCell } from './editor-grid';

type DecayKind = 'none' | 'half-life' | 'steps';

function decayKind(decay: Decay | undefined): DecayKind {
  if (!decay) return 'none';
  return decay.steps !== undefined ? 'steps' : 'half-life';
}

function scorecard(table: GradingTable): MethodOf<'scorecard'> {
  return table.method as MethodOf<'scorecard'>;
}

/** Per criterion its decay (half-life or a step table) and capped group; the caps per group and on the total. */
export function DecayCapsEditor({ table, say, set }: PartEditorProps) {
  const { t, locale } = usePaneText();
  const styles = useStyles();
  const method = scorecard(table);
  const setMethod = (edit: (m: MethodOf<'scorecard'>) => void) => set((c) => edit(scorecard(c)));
  const ageOptions = table.inputs
    .filter((input) => input.type === 'number')
    .map((input) => ({ value: input.id, text: localize(input.label, locale) || input.id }));
  const kinds = (['none', 'half-life', 'steps'] as const).map((kind) => ({
    value: kind,
    text: t(`decay.kind-${kind}`),
  }));
  const nameOf = (c: number) => {
    const criterion = method.criteria[c];
    return localize(criterion?.label, locale) || criterion?.id || String(c + 1);
  };
  const path = (c: number) => `method.criteria[${c}].decay`;
  /** Problems of the decay itself, not of its age, half-life or steps (those show at their cells). */
  const ownProblems = (c: number) => {
    const inner = new Set([...say(`${path(c)}.age`), ...say(`${path(c)}.halfLife`), ...say(`${path(c)}.steps`)]);
    return say(path(c)).filter((p) => !inner.has(p));
  };

  const decayRows = method.criteria.map((criterion, c) => {
    const name = nameOf(c);
    const decay = criterion.decay;
    const kind = decayKind(decay);
    return [
      <Text key="name">{name}</Text>,
      <CellSelect
        key="kind"
        label={t('decay.kind-of', { criterion: name })}
        value={kind}
        options={kinds}
        problems={ownProblems(c)}
        onChange={(v) =>
          setMethod((m) => {
            const edited = m.criteria[c]!;
            if (v === 'none') return void delete edited.decay;
            const age = edited.decay?.age ?? ageOptions[0]?.value ?? '';
            edited.decay = v === 'half-life' ? { age, halfLife: 90 } : { age, steps: [{ fromDays: 90, factor: 0.5 }] };
          })
        }
      />,
      kind === 'none' ? (
        ''
      ) : (
        <CellSelect
          key="age"
          label={t('decay.age-of', { criterion: name })}
          value={decay!.age}
          options={ageOptions}
          problems={say(`${path(c)}.age`)}
          onChange={(v) => setMethod((m) => (m.criteria[c]!.decay!.age = v))}
        />
      ),
      kind === 'half-life' ? (
        <NumberCell
          key="half-life"
          label={t('decay.half-life-of', { criterion: name })}
          value={decay!.halfLife}
          problems={say(`${path(c)}.halfLife`)}
          onChange={(v) => setMethod((m) => (m.criteria[c]!.decay!.halfLife = v ?? 0))}
        />
      ) : (
        ''
      ),
      <CellInput
        key="group"
        label={t('cap.group-of', { criterion: name })}
        value={criterion.group ?? ''}
        problems={say(`method.criteria[${c}].group`)}
        onChange={(v) =>
          setMethod((m) => {
            if (v.trim() === '') delete m.criteria[c]!.group;
            else m.criteria[c]!.group = v.trim();
          })
        }
      />,
    ];
  });

  const capRows = (method.groupCaps ?? []).map((cap, k) => [
    <CellInput
      key="group"
      label={t('cap.capped-group-of', { index: k + 1 })}
      value={cap.group}
      problems={say(`method.groupCaps[${k}].group`)}
      onChange={(v) => setMethod((m) => (m.groupCaps![k]!.group = v.trim()))}
    />,
    <NumberCell
      key="max"
      label={t('cap.max-of', { group: cap.group })}
      value={cap.max}
      problems={say(`method.groupCaps[${k}].max`)}
      onChange={(v) => setMethod((m) => (m.groupCaps![k]!.max = v ?? 0))}
    />,
  ]);

  return (
    <>
      <section className={styles.section} aria-label={t('decay.title')}>
        <Text weight="semibold">{t('decay.title')}</Text>
        <EditorGrid
          label={t('decay.title')}
          headers={[t('decay.criterion'), t('decay.kind'), t('decay.age'), t('decay.half-life'), t('cap.group')]}
          rows={decayRows}
          rowName={(c) => nameOf(c)}
        />
        {method.criteria.map((criterion, c) => {
          const steps = criterion.decay?.steps;
          if (!steps) return null;
          const name = nameOf(c);
          return (
            <EditorGrid
              key={c}
              label={t('decay.steps-of', { criterion: name })}
              headers={[t('decay.from-days'), t('decay.factor')]}
              rows={steps.map((step, k) => [
                <NumberCell
                  key="from"
                  label={t('decay.from-days-of', { criterion: name, index: k + 1 })}
                  value={step.fromDays}
                  problems={say(`${path(c)}.steps[${k}].fromDays`)}
                  onChange={(v) => setMethod((m) => (m.criteria[c]!.decay!.steps![k]!.fromDays = v ?? 0))}
                />,
                <NumberCell
                  key="factor"
                  label={t('decay.factor-of', { criterion: name, index: k + 1 })}
                  value={step.factor}
                  problems={say(`${path(c)}.steps[${k}].factor`)}
                  onChange={(v) => setMethod((m) => (m.criteria[c]!.decay!.steps![k]!.factor = v ?? 0))}
                />,
              ])}
              rowName={(k) => t('decay.step-row', { criterion: name, index: k + 1 })}
              onMove={(from, to) => setMethod((m) => move(m.criteria[c]!.decay!.steps!, from, to))}
              onRemove={(k) => setMethod((m) => m.criteria[c]!.decay!.steps!.splice(k, 1))}
              onAdd={() =>
                setMethod((m) => {
                  const list = m.criteria[c]!.decay!.steps!;
                  const last = list[list.length - 1];
                  list.push({ fromDays: (last?.fromDays ?? 0) + 90, factor: (last?.factor ?? 1) / 2 });
                })
              }
              addLabel={t('decay.step-add', { criterion: name })}
            />
          );
        })}
      </section>
      <section className={styles.section} aria-label={t('cap.title')}>
        <Text weight="semibold">{t('cap.title')}</Text>
        <EditorGrid
          label={t('cap.title')}
          headers={[t('cap.group'), t('cap.max')]}
          rows={capRows}
          rowName={(k) => t('cap.row', { group: method.groupCaps?.[k]?.group ?? String(k + 1) })}
          onMove={(from, to) => setMethod((m) => move(m.groupCaps ?? [], from, to))}
          onRemove={(k) =>
            setMethod((m) => {
              m.groupCaps?.splice(k, 1);
              if (m.groupCaps?.length === 0) delete m.groupCaps;
            })
          }
          onAdd={() =>
            setMethod((m) => {
              const list = (m.groupCaps ??= []);
              const used = new Set(list.map((cap) => cap.group));
              const group = m.criteria.map((x) => x.group).find((g) => g !== undefined && !used.has(g)) ?? '';
              list.push({ group, max: 0 });
            })
          }
          addLabel={t('cap.add')}
        />
        <div className={styles.row}>
          <Text>{t('cap.total')}</Text>
          <NumberCell
            label={t('cap.total')}
            optional
            placeholder={t('cap.no-total')}
            value={method.maxTotal}
            problems={say('method.maxTotal')}
            onChange={(v) =>
              setMethod((m) => {
                if (v === undefined) delete m.maxTotal;
                else m.maxTotal = v;
              })
            }
          />
        </div>
      </section>
    </>
  );
}
