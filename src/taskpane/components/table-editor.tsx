import { Field, Text, Textarea } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { formatProblem, type GradingTable, type TableProblem } from '../../engine';
import { edited, problemsAt } from '../editors/draft';
import { TableParts } from '../editors/table-parts';
import { usePaneText } from './pane-text';
import { useStyles } from './styles';

export interface TableEditorProps {
  draft: unknown;
  problems: readonly TableProblem[];
  onChange: (draft: unknown) => void;
}

function looksLikeTable(draft: unknown): draft is GradingTable {
  const d = draft as Partial<GradingTable> | null;
  return !!d && typeof d === 'object' && Array.isArray(d.tiers) && !!d.method && typeof d.method === 'object';
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
  const say = (path: string) => problemsAt(problems, path).map((p) => formatProblem(p, locale));

  return (
    <div className={styles.stack}>
      {looksLikeTable(draft) && <TableParts table={draft} say={say} set={(edit) => onChange(edited(draft, edit))} />}
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
