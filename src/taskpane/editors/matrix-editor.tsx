import { Text } from '@fluentui/react-components';
import type { GradingTable, MatrixAxis } from '../../engine';
import { localize } from '../../i18n';
import { usePaneText } from '../components/pane-text';
import { useStyles } from '../components/styles';
import { BandCell, emptyMatch } from './band-cell';
import { move, type MethodOf, type PartEditorProps } from './draft';
import { CellInput, CellSelect, EditorGrid, NumberCell } from './editor-grid';
import { ThresholdsGrid } from './thresholds-grid';

type Side = 'rows' | 'columns';

function matrix(table: GradingTable): MethodOf<'matrix'> {
  return table.method as MethodOf<'matrix'>;
}

/** The value a new cell starts with. */
function blankCell(table: GradingTable): string | number {
  return matrix(table).output === 'tier' ? (table.tiers[table.tiers.length - 1]?.id ?? '') : 0;
}

/** Keeps cells[r][c] in step when a band of one axis is added, removed or moved. */
function editAxis(table: GradingTable, side: Side, edit: 'add' | { remove: number } | { from: number; to: number }) {
  const m = matrix(table);
  const axis = m[side];
  const cells = m.cells;
  if (edit === 'add') {
    const input = table.inputs.find((i) => i.id === axis.input);
    let n = axis.bands.length + 1;
    while (axis.bands.some((b) => b.id === `${side === 'rows' ? 'r' : 'c'}${n}`)) n++;
    axis.bands.push({ id: `${side === 'rows' ? 'r' : 'c'}${n}`, match: emptyMatch(input?.type) });
    if (side === 'rows') cells.push(m.columns.bands.map(() => blankCell(table)));
    else for (const row of cells) row.push(blankCell(table));
  } else if ('remove' in edit) {
    axis.bands.splice(edit.remove, 1);
    if (side === 'rows') cells.splice(edit.remove, 1);
    else for (const row of cells) row.splice(edit.remove, 1);
  } else {
    move(axis.bands, edit.from, edit.to);
    if (side === 'rows') move(cells, edit.from, edit.to);
    else for (const row of cells) move(row, edit.from, edit.to);
  }
}

function AxisEditor({ table, say, set, side }: PartEditorProps & { side: Side }) {
  const { t, locale } = usePaneText();
  const styles = useStyles();
  const axis: MatrixAxis = matrix(table)[side];
  const path = `method.${side}`;
  const title = t(side === 'rows' ? 'matrix.rows' : 'matrix.columns');
  const inputOptions = table.inputs.map((i) => ({ value: i.id, text: localize(i.label, locale) || i.id }));
  return (
    <section className={styles.section} aria-label={title}>
      <Text weight="semibold">{title}</Text>
      <CellSelect
        label={t('matrix.axis-input', { axis: title })}
        value={axis.input}
        options={inputOptions}
        problems={say(`${path}.input`)}
        onChange={(v) => set((c) => (matrix(c)[side].input = v))}
      />
      <EditorGrid
        label={t('matrix.bands', { axis: title })}
        headers={[t('matrix.band-id'), t('matrix.band-match')]}
        rows={axis.bands.map((band, b) => [
          <CellInput
            key="id"
            label={t('matrix.band-id-of', { axis: title, index: b + 1 })}
            value={band.id}
            problems={say(`${path}.bands[${b}].id`)}
            onChange={(v) => set((c) => (matrix(c)[side].bands[b]!.id = v))}
          />,
          <BandCell
            key="match"
            label={t('matrix.band-match-of', { axis: title, band: band.id })}
            match={band.match}
            problems={say(`${path}.bands[${b}].match`)}
            onChange={(match) => set((c) => (matrix(c)[side].bands[b]!.match = match))}
          />,
        ])}
        rowName={(b) => t('matrix.band-row', { axis: title, band: axis.bands[b]?.id ?? String(b + 1) })}
        onMove={(from, to) => set((c) => editAxis(c, side, { from, to }))}
        onRemove={(b) => set((c) => editAxis(c, side, { remove: b }))}
        onAdd={() => set((c) => editAxis(c, side, 'add'))}
        addLabel={t('matrix.band-add', { axis: title })}
      />
    </section>
  );
}

/** A matrix: its two axes (input and bands), the output (tier or points) and one cell per row band x column band. */
export function MatrixEditor(props: PartEditorProps) {
  const { table, say, set } = props;
  const { t, locale } = usePaneText();
  const styles = useStyles();
  const m = matrix(table);
  const tierOptions = table.tiers.map((tier) => ({
    value: tier.id,
    text: `${tier.id} ${localize(tier.label, locale)}`,
  }));
  const cellRows = m.rows.bands.map((row, r) => [
    <Text key="row" weight="semibold">
      {row.id}
    </Text>,
    ...m.columns.bands.map((column, c) => {
      const label = t('matrix.cell', { row: row.id, column: column.id });
      const value = m.cells[r]?.[c];
      const problems = say(`method.cells[${r}][${c}]`);
      const setCell = (v: string | number) => set((copy) => (matrix(copy).cells[r]![c] = v));
      return m.output === 'tier' ? (
        <CellSelect
          key={c}
          label={label}
          value={String(value ?? '')}
          options={tierOptions}
          problems={problems}
          onChange={setCell}
        />
      ) : (
        <NumberCell
          key={c}
          label={label}
          value={typeof value === 'number' ? value : undefined}
          problems={problems}
          onChange={(v) => setCell(v ?? 0)}
        />
      );
    }),
  ]);
  return (
    <>
      <AxisEditor {...props} side="rows" />
      <AxisEditor {...props} side="columns" />
      <section className={styles.section} aria-label={t('matrix.cells')}>
        <Text weight="semibold">{t('matrix.cells')}</Text>
        <CellSelect
          label={t('matrix.output')}
          value={m.output}
          options={[
            { value: 'tier', text: t('matrix.output-tier') },
            { value: 'score', text: t('matrix.output-score') },
          ]}
          onChange={(v) =>
            set((copy) => {
              const mm = matrix(copy);
              mm.output = v as 'tier' | 'score';
              mm.cells = mm.cells.map((row) => row.map(() => blankCell(copy)));
              if (mm.output === 'score' && !mm.thresholds)
                mm.thresholds = copy.tiers.map((tier, k) =>
                  k === copy.tiers.length - 1
                    ? { tier: tier.id }
                    : { tier: tier.id, gte: (copy.tiers.length - 1 - k) * 10 },
                );
              if (mm.output === 'tier') delete mm.thresholds;
            })
          }
        />
        <EditorGrid
          label={t('matrix.cells')}
          headers={[t('matrix.corner'), ...m.columns.bands.map((b) => b.id)]}
          rows={cellRows}
          rowName={(r) => m.rows.bands[r]?.id ?? String(r + 1)}
        />
        {say('method.cells').length > 0 && <Text>{say('method.cells').join('; ')}</Text>}
      </section>
      {m.output === 'score' && (
        <ThresholdsGrid
          table={table}
          say={say}
          thresholds={m.thresholds ?? []}
          path="method.thresholds"
          onChange={(edit) => set((copy) => edit((matrix(copy).thresholds ??= [])))}
        />
      )}
    </>
  );
}
