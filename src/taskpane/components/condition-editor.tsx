import { Button, Field, Input, Select } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { ComparisonOp, Condition, ConditionNode, InputDef } from '../../engine';
import { parseRange, printRange } from '../../engine/sheet-form/text';
import { localize } from '../../i18n';
import { usePaneText } from './pane-text';
import { useStyles } from './styles';

type Kind = 'all' | 'any' | 'not' | 'leaf';
type Op = Condition['op'];

const OPS: readonly Op[] = ['=', '<>', '<', '<=', '>', '>=', 'between', 'in', 'blank', 'not_blank', 'contains'];
const COMPARISONS: readonly string[] = ['=', '<>', '<', '<=', '>', '>='];

function kindOf(node: ConditionNode): Kind {
  if ('all' in node) return 'all';
  if ('any' in node) return 'any';
  if ('not' in node) return 'not';
  return 'leaf';
}

function childrenOf(node: ConditionNode): ConditionNode[] {
  if ('all' in node) return node.all;
  if ('any' in node) return node.any;
  if ('not' in node) return [node.not];
  return [];
}

function leafFor(inputs: readonly InputDef[]): Condition {
  return { input: inputs[0]?.id ?? '', op: 'not_blank' };
}

/** The value as typed, in the condition's own terms. */
function valueText(leaf: Condition): string {
  switch (leaf.op) {
    case 'between':
      return printRange(leaf.range);
    case 'in':
      return leaf.values.join('; ');
    case 'blank':
    case 'not_blank':
      return '';
    default:
      return String(leaf.value);
  }
}

function withValue(leaf: Condition, op: Op, text: string, input: InputDef | undefined): Condition | undefined {
  const scalar = (): number | string | boolean => {
    if (input?.type === 'boolean' && /^(true|false)$/i.test(text.trim())) return /^true$/i.test(text.trim());
    if (input?.type === 'number' && text.trim() !== '' && Number.isFinite(Number(text))) return Number(text);
    return text;
  };
  const base = { input: leaf.input };
  switch (op) {
    case 'between': {
      const range = parseRange(text);
      return range ? { ...base, op, range } : undefined;
    }
    case 'in':
      return {
        ...base,
        op,
        values: text
          .split(/[;；]/)
          .map((v) => v.trim())
          .filter((v) => v !== ''),
      };
    case 'blank':
    case 'not_blank':
      return { ...base, op };
    case 'contains':
      return { ...base, op, value: text };
    default:
      return { ...base, op: op as ComparisonOp, value: scalar() };
  }
}

export interface ConditionEditorProps {
  node: ConditionNode;
  inputs: readonly InputDef[];
  /** "Rule 2 › 1.3": where the node is, for labels. */
  where: string;
  problems: (path: string) => string[];
  path: string;
  onChange: (node: ConditionNode) => void;
  onRemove?: () => void;
}

/** One node of a condition tree: ALL / ANY / NOT with its children, or a condition on an input. */
export function ConditionEditor({ node, inputs, where, problems, path, onChange, onRemove }: ConditionEditorProps) {
  const { t, locale } = usePaneText();
  const styles = useStyles();
  const kind = kindOf(node);
  const leaf = kind === 'leaf' ? (node as Condition) : undefined;
  const [text, setText] = useState(leaf ? valueText(leaf) : '');
  const [bad, setBad] = useState(false);
  useEffect(() => {
    if (leaf) setText(valueText(leaf));
    // Only when the condition changes from outside (another input, operator or a JSON edit).
  }, [node]);
  const input = leaf ? inputs.find((i) => i.id === leaf.input) : undefined;

  const changeKind = (next: Kind) => {
    const children = childrenOf(node);
    if (next === 'leaf') onChange(children[0] && kindOf(children[0]) === 'leaf' ? children[0] : leafFor(inputs));
    else if (next === 'not') onChange({ not: kind === 'leaf' ? node : (children[0] ?? leafFor(inputs)) });
    else
      onChange(
        next === 'all' ? { all: kind === 'leaf' ? [node] : children } : { any: kind === 'leaf' ? [node] : children },
      );
  };
  const setChild = (index: number, child: ConditionNode | undefined) => {
    const children = childrenOf(node).slice();
    if (child) children[index] = child;
    else children.splice(index, 1);
    if (kind === 'all') onChange({ all: children });
    else if (kind === 'any') onChange({ any: children });
    else if (kind === 'not' && child) onChange({ not: child });
  };
  const childPath = (index: number) => (kind === 'not' ? `${path}.not` : `${path}.${kind}[${index}]`);
  const message = (p: string) => problems(p).join('; ') || undefined;

  return (
    <div className={styles.section}>
      <div className={styles.row}>
        <Field label={t('table.cond-kind', { where })}>
          <Select value={kind} onChange={(_e, d) => changeKind(d.value as Kind)}>
            <option value="leaf">{t('table.cond-leaf')}</option>
            <option value="all">{t('table.cond-all')}</option>
            <option value="any">{t('table.cond-any')}</option>
            <option value="not">{t('table.cond-not')}</option>
          </Select>
        </Field>
        {onRemove && <Button onClick={onRemove}>{t('table.cond-remove', { where })}</Button>}
      </div>
      {leaf && (
        <div className={styles.row}>
          <Field label={t('table.cond-input', { where })} validationMessage={message(`${path}.input`)}>
            <Select value={leaf.input} onChange={(_e, d) => onChange({ ...leaf, input: d.value } as Condition)}>
              {inputs.map((i, k) => (
                <option key={k} value={i.id}>
                  {localize(i.label, locale) || i.id}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t('table.cond-op', { where })}>
            <Select
              value={leaf.op}
              onChange={(_e, d) => {
                const op = d.value as Op;
                const keep = COMPARISONS.includes(op) && COMPARISONS.includes(leaf.op) ? text : op === 'in' ? text : '';
                onChange(withValue(leaf, op, keep, input) ?? { input: leaf.input, op: 'not_blank' });
              }}
            >
              {OPS.map((op) => (
                <option key={op} value={op}>
                  {op}
                </option>
              ))}
            </Select>
          </Field>
          {leaf.op !== 'blank' && leaf.op !== 'not_blank' && (
            <Field
              label={t('table.cond-value', { where })}
              validationMessage={bad ? t('table.bad-range', { text }) : message(path)}
            >
              <Input
                value={text}
                onChange={(_e, d) => {
                  setText(d.value);
                  const next = withValue(leaf, leaf.op, d.value, input);
                  setBad(next === undefined);
                  if (next) onChange(next);
                }}
              />
            </Field>
          )}
        </div>
      )}
      {!leaf &&
        childrenOf(node).map((child, i) => (
          <ConditionEditor
            key={i}
            node={child}
            inputs={inputs}
            where={`${where}.${i + 1}`}
            problems={problems}
            path={childPath(i)}
            onChange={(next) => setChild(i, next)}
            onRemove={kind === 'not' ? undefined : () => setChild(i, undefined)}
          />
        ))}
      {(kind === 'all' || kind === 'any') && (
        <Button onClick={() => setChild(childrenOf(node).length, leafFor(inputs))}>
          {t('table.cond-add', { where })}
        </Button>
      )}
    </div>
  );
}
