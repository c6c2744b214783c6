import { Checkbox } from '@fluentui/react-components';
import type { InputType } from '../../engine';
import { localize } from '../../i18n';
import { usePaneText } from '../components/pane-text';
import { move, renameInput, typedList, type PartEditorProps } from './draft';
import { CellInput, CellSelect, EditorGrid, TypedCell } from './editor-grid';

export const INPUT_TYPES: readonly InputType[] = ['number', 'category', 'boolean', 'date', 'text'];

/** The table's inputs: id, label, type, required, aliases ("a; b"). */
export function InputsGrid({ table, say, set }: PartEditorProps) {
  const { t, locale } = usePaneText();
  const lang = locale === 'zh-CN' ? 'zh' : 'en';
  const types = INPUT_TYPES.map((type) => ({ value: type, text: t(`input.type-${type}`) }));
  const rows = table.inputs.map((input, k) => {
    const name = localize(input.label, locale) || input.id;
    return [
      <CellInput
        key="id"
        label={t('input.id-of', { index: k + 1 })}
        value={input.id}
        problems={say(`inputs[${k}].id`)}
        onChange={(id) => set((c) => renameInput(c, k, id))}
      />,
      <CellInput
        key="label"
        label={t('input.label-of', { input: input.id })}
        value={localize(input.label, locale)}
        problems={say(`inputs[${k}].label`)}
        onChange={(v) => set((c) => (c.inputs[k]!.label[lang] = v))}
      />,
      <CellSelect
        key="type"
        label={t('input.type-of', { input: name })}
        value={input.type}
        options={types}
        problems={say(`inputs[${k}].type`)}
        onChange={(v) => set((c) => (c.inputs[k]!.type = v as InputType))}
      />,
      <Checkbox
        key="required"
        aria-label={t('input.required-of', { input: name })}
        checked={input.required !== false}
        onChange={(_e, d) => set((c) => (c.inputs[k]!.required = d.checked === true))}
      />,
      <TypedCell<string[]>
        key="aliases"
        label={t('input.aliases-of', { input: name })}
        value={input.aliases ?? []}
        print={(list) => list.join('; ')}
        parse={typedList}
        badText={() => ''}
        problems={say(`inputs[${k}].aliases`)}
        onChange={(aliases) =>
          set((c) => {
            if (aliases.length === 0) delete c.inputs[k]!.aliases;
            else c.inputs[k]!.aliases = aliases;
          })
        }
      />,
    ];
  });
  return (
    <EditorGrid
      label={t('input.title')}
      headers={[t('input.id'), t('input.label'), t('input.type'), t('input.required'), t('input.aliases')]}
      rows={rows}
      rowName={(k) => t('input.row', { input: table.inputs[k]?.id ?? String(k + 1) })}
      onMove={(from, to) => set((c) => move(c.inputs, from, to))}
      onRemove={(k) => set((c) => c.inputs.splice(k, 1))}
      onAdd={() =>
        set((c) => {
          let n = c.inputs.length + 1;
          while (c.inputs.some((i) => i.id === `input_${n}`)) n++;
          c.inputs.push({ id: `input_${n}`, type: 'number', label: { en: `Input ${n}`, zh: `输入 ${n}` } });
        })
      }
      addLabel={t('input.add')}
    />
  );
}
