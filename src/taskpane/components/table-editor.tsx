import { Button, Field, Input, Select, Text, Textarea } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { formatProblem, type GradingTable, type TableProblem } from '../../engine';
import { parseRange, printRange } from '../../engine/sheet-form/text';
import { localize } from '../../i18n';
import { usePaneText } from './pane-text';
import { ConditionEditor } from './condition-editor';
import { useStyles } from './styles';

export interface TableEditorProps {
  draft: unknown;
  problems: readonly TableProblem[];
  onChange: (draft: unknown) => void;
}

/** Problems at a JSON path or inside it. */
function at(problems: readonly TableProblem[], path: string): TableProblem[] {
  return problems.filter((p) => p.path === path || p.path.startsWith(`${path}.`) || p.path.startsWith(`${path}[`));
}

function looksLikeTable(draft: unknown): draft is GradingTable {
  const d = draft as Partial<GradingTable> | null;
  return !!d && typeof d === 'object' && Array.isArray(d.tiers) && !!d.method && typeof d.method === 'object';
}

/** A copy of the draft with one change made by `edit`. */
function edited(draft: GradingTable, edit: (copy: GradingTable) => void): GradingTable {
  // Tables are JSON data: a JSON round trip is an exact copy.
  const copy = JSON.parse(JSON.stringify(draft)) as GradingTable;
  edit(copy);
  return copy;
}

function RangeInput({
  label,
  range,
  problems,
  onRange,
}: {
  label: string;
  range: Parameters<typeof printRange>[0];
  problems: string[];
  onRange: (range: Parameters<typeof printRange>[0]) => void;
}) {
  const { t } = usePaneText();
  const [text, setText] = useState(printRange(range));
  const [bad, setBad] = useState(false);
  useEffect(() => setText(printRange(range)), [range]);
  const message = bad ? [t('table.bad-range', { text })] : problems;
  return (
    <Field label={label} validationMessage={message.join('; ') || undefined}>
      <Input
        value={text}
        onChange={(_e, data) => {
          setText(data.value);
          const parsed = parseRange(data.value);
          setBad(parsed === undefined);
          if (parsed) onRange(parsed);
        }}
      />
    </Field>
  );
}

export function TableEditor({ draft, problems, onChange }: TableEditorProps) {
  const { t, locale } = usePaneText();
  const styles = useStyles();
  const [json, setJson] = useState(() => JSON.stringify(draft, null, 2));
  const [jsonError, setJsonError] = useState<string>();
  // A change typed in the JSON box must not reformat the box under the cursor.
  const typed = useRef(false);
  useEffect(() => {
    if (typed.current) {
      typed.current = false;
      return;
    }
    setJson(JSON.stringify(draft, null, 2));
    setJsonError(undefined);
  }, [draft]);
  const say = (path: string) => at(problems, path).map((p) => formatProblem(p, locale));
  const lang = locale === 'zh-CN' ? 'zh' : 'en';

  return (
    <div className={styles.stack}>
      {looksLikeTable(draft) && (
        <>
          <section className={styles.section} aria-label={t('table.tiers')}>
            <Text weight="semibold">{t('table.tiers')}</Text>
            {draft.tiers.map((tier, k) => {
              const name = tier.id;
              const set = (edit: (copy: GradingTable) => void) => onChange(edited(draft, edit));
              return (
                <div key={k} className={styles.section}>
                  <Field
                    label={t('table.tier-label', { tier: name })}
                    validationMessage={say(`tiers[${k}].label`).join('; ') || undefined}
                  >
                    <Input
                      value={localize(tier.label, locale)}
                      onChange={(_e, d) => set((c) => (c.tiers[k]!.label[lang] = d.value))}
                    />
                  </Field>
                  <div className={styles.row}>
                    <Field
                      label={t('table.tier-fill', { tier: name })}
                      validationMessage={say(`tiers[${k}].fill`).join('; ') || undefined}
                    >
                      <Input value={tier.fill} onChange={(_e, d) => set((c) => (c.tiers[k]!.fill = d.value))} />
                    </Field>
                    <Field
                      label={t('table.tier-font', { tier: name })}
                      validationMessage={say(`tiers[${k}].font`).join('; ') || undefined}
                    >
                      <Input value={tier.font} onChange={(_e, d) => set((c) => (c.tiers[k]!.font = d.value))} />
                    </Field>
                  </div>
                  <Field label={t('table.tier-strategy', { tier: name })}>
                    <Input
                      value={localize(tier.strategy, locale)}
                      onChange={(_e, d) =>
                        set(
                          (c) => (c.tiers[k]!.strategy = { ...(c.tiers[k]!.strategy ?? { en: '' }), [lang]: d.value }),
                        )
                      }
                    />
                  </Field>
                  <Field label={t('table.tier-cadence', { tier: name })}>
                    <Input
                      value={localize(tier.cadence, locale)}
                      onChange={(_e, d) =>
                        set((c) => (c.tiers[k]!.cadence = { ...(c.tiers[k]!.cadence ?? { en: '' }), [lang]: d.value }))
                      }
                    />
                  </Field>
                  <Field
                    label={t('table.tier-share', { tier: name })}
                    validationMessage={say(`tiers[${k}].targetShare`).join('; ') || undefined}
                  >
                    <Input
                      type="number"
                      value={tier.targetShare === undefined ? '' : String(Math.round(tier.targetShare * 1000) / 10)}
                      onChange={(_e, d) =>
                        set((c) => {
                          if (d.value === '') delete c.tiers[k]!.targetShare;
                          else c.tiers[k]!.targetShare = Number(d.value) / 100;
                        })
                      }
                    />
                  </Field>
                </div>
              );
            })}
          </section>
          {draft.method.kind === 'scorecard' && (
            <>
              <section className={styles.section} aria-label={t('table.criteria')}>
                <Text weight="semibold">{t('table.criteria')}</Text>
                {draft.method.criteria.map((criterion, c) =>
                  criterion.bands.map((band, b) => {
                    const path = `method.criteria[${c}].bands[${b}]`;
                    const names = { criterion: localize(criterion.label, locale) || criterion.id, index: b + 1 };
                    const set = (edit: (copy: GradingTable) => void) => onChange(edited(draft, edit));
                    const bandOf = (copy: GradingTable) =>
                      (copy.method as Extract<GradingTable['method'], { kind: 'scorecard' }>).criteria[c]!.bands[b]!;
                    return (
                      <div key={path} className={styles.row}>
                        {'range' in band.match && (
                          <RangeInput
                            label={t('table.band', names)}
                            range={band.match.range}
                            problems={say(`${path}.match`)}
                            onRange={(range) => set((copy) => (bandOf(copy).match = { range }))}
                          />
                        )}
                        <Field
                          label={t('table.points', names)}
                          validationMessage={say(`${path}.points`).join('; ') || undefined}
                        >
                          <Input
                            type="number"
                            value={String(band.points)}
                            onChange={(_e, d) => set((copy) => (bandOf(copy).points = Number(d.value)))}
                          />
                        </Field>
                      </div>
                    );
                  }),
                )}
                {say('method.criteria').length > 0 && <Text>{say('method.criteria').join('; ')}</Text>}
              </section>
              <section className={styles.section} aria-label={t('table.thresholds')}>
                <Text weight="semibold">{t('table.thresholds')}</Text>
                {draft.method.thresholds.map((threshold, k) =>
                  threshold.gte === undefined && threshold.gt === undefined ? null : (
                    <Field
                      key={k}
                      label={t('table.threshold', { tier: threshold.tier })}
                      validationMessage={say(`method.thresholds[${k}]`).join('; ') || undefined}
                    >
                      <Input
                        type="number"
                        value={String(threshold.gte ?? threshold.gt)}
                        onChange={(_e, d) =>
                          onChange(
                            edited(draft, (copy) => {
                              const th = (copy.method as Extract<GradingTable['method'], { kind: 'scorecard' }>)
                                .thresholds[k]!;
                              if (th.gte !== undefined) th.gte = Number(d.value);
                              else th.gt = Number(d.value);
                            }),
                          )
                        }
                      />
                    </Field>
                  ),
                )}
              </section>
            </>
          )}
          {draft.method.kind === 'rules' && <RulesEditor draft={draft} say={say} onChange={onChange} />}
          {(draft.method.kind === 'matrix' || draft.method.kind === 'rfm' || draft.method.kind === 'abc') && (
            <Text>{t('table.rules')}</Text>
          )}
        </>
      )}
      <Field label={t('table.json')} validationMessage={jsonError}>
        <Textarea
          value={json}
          rows={10}
          textarea={{ spellCheck: false, style: { fontFamily: 'monospace', fontSize: '12px' } }}
          onChange={(_e, d) => {
            setJson(d.value);
            try {
              const parsed: unknown = JSON.parse(d.value);
              typed.current = true;
              onChange(parsed);
              setJsonError(undefined);
            } catch (error) {
              setJsonError(t('table.import-failed', { message: (error as Error).message }));
            }
          }}
        />
      </Field>
      <div role="status" aria-live="polite">
        {problems.length === 0 ? (
          <Text>{t('table.valid')}</Text>
        ) : (
          <div className={styles.stack}>
            <Text weight="semibold">{t('table.problems', { count: problems.length })}</Text>
            <ul>
              {problems.map((p, i) => (
                <li key={i}>{formatProblem(p, locale)}</li>
              ))}
            </ul>
          </div>
        )}
      </div>
    </div>
  );
}

type RulesTable = GradingTable & { method: Extract<GradingTable['method'], { kind: 'rules' }> };

/** The rules of a rules table: per rule its tier and condition tree; the default tier. */
function RulesEditor({
  draft,
  say,
  onChange,
}: {
  draft: GradingTable;
  say: (path: string) => string[];
  onChange: (draft: unknown) => void;
}) {
  const { t, locale } = usePaneText();
  const styles = useStyles();
  const table = draft as RulesTable;
  const inputs = table.inputs;
  const set = (edit: (method: RulesTable['method']) => void) =>
    onChange(edited(draft, (copy) => edit((copy as RulesTable).method)));
  const tierOptions = table.tiers.map((tier) => (
    <option key={tier.id} value={tier.id}>
      {tier.id} {localize(tier.label, locale)}
    </option>
  ));
  return (
    <section className={styles.section} aria-label={t('table.rules-title')}>
      <Text weight="semibold">{t('table.rules-title')}</Text>
      {table.method.rules.map((rule, r) => {
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
              <Button onClick={() => set((m) => m.rules.splice(r, 1))}>{t('table.rule-remove', { index })}</Button>
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
          value={table.method.default ?? ''}
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
