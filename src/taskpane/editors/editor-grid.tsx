import {
  Button,
  Input,
  makeStyles,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Textarea,
  tokens,
  type GriffelStyle,
} from '@fluentui/react-components';
import { useEffect, useId, useState, type ReactNode } from 'react';
import { usePaneText } from '../components/pane-text';
import { typedNumber } from './draft';

const useGridStyles = makeStyles({
  // Rows wrap their cells onto more lines instead of scrolling sideways: a 350 px pane shows every cell whole.
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', height: 'auto', minHeight: 0 },
  cell: {
    flex: '1 1 7.5em',
    minWidth: '7.5em',
    height: 'auto',
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'stretch',
    paddingTop: tokens.spacingVerticalXXS,
    paddingBottom: tokens.spacingVerticalXXS,
    paddingLeft: tokens.spacingHorizontalXXS,
    paddingRight: tokens.spacingHorizontalXXS,
    // The column's name above the control, drawn by CSS: not text of the cell.
    '::before': {
      content: 'attr(data-header)',
      color: tokens.colorNeutralForeground3,
      fontSize: tokens.fontSizeBase200,
      lineHeight: tokens.lineHeightBase200,
    },
  },
  actionCell: { flex: '0 0 auto', minWidth: 0, height: 'auto', marginLeft: 'auto' },

  control: { minWidth: 0, width: '100%' },
  // As tall as its text (Chromium's field-sizing); elsewhere one line that scrolls.
  wrapping: { fieldSizing: 'content', minHeight: '24px', overflowWrap: 'anywhere' } as GriffelStyle,
  actions: { display: 'flex', flexWrap: 'nowrap' },
  action: { minWidth: '24px', paddingLeft: 0, paddingRight: 0 },
  problem: { color: tokens.colorPaletteRedForeground1, display: 'block' },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1, display: 'block' },
  hidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
  },
});

export interface EditorGridProps {
  /** The grid's accessible name, e.g. "Bands of Monthly sales". */
  label: string;
  headers: readonly string[];
  /** Cells of each row, in header order. */
  rows: ReactNode[][];
  /** "band 2 of Monthly sales": names a row in the action buttons' labels. */
  rowName: (index: number) => string;
  onMove?: (from: number, to: number) => void;
  onRemove?: (index: number) => void;
  onAdd?: () => void;
  addLabel?: string;
}

/** A compact grid, one row per item, with move up / move down / remove per row and an Add button under it. */
export function EditorGrid({ label, headers, rows, rowName, onMove, onRemove, onAdd, addLabel }: EditorGridProps) {
  const { t } = usePaneText();
  const styles = useGridStyles();
  const actions = !!(onMove || onRemove);
  return (
    <div>
      {/* ARIA roles, not table elements: rows can then wrap. Each cell shows its column's name above it;
          the header row is for assistive technology. */}
      <Table size="extra-small" aria-label={label} noNativeElements>
        <TableHeader className={styles.hidden}>
          <TableRow>
            {headers.map((h) => (
              <TableHeaderCell key={h}>{h}</TableHeaderCell>
            ))}
            {actions && <TableHeaderCell>{t('grid.actions')}</TableHeaderCell>}
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((cells, i) => (
            <TableRow key={i} className={styles.row}>
              {cells.map((cell, c) => (
                <TableCell key={c} className={styles.cell} data-header={headers[c]}>
                  {cell}
                </TableCell>
              ))}
              {actions && (
                <TableCell className={styles.actionCell}>
                  <div className={styles.actions}>
                    {onMove && (
                      <>
                        <Button
                          className={styles.action}
                          size="small"
                          appearance="subtle"
                          disabled={i === 0}
                          aria-label={t('grid.up', { row: rowName(i) })}
                          title={t('grid.up', { row: rowName(i) })}
                          onClick={() => onMove(i, i - 1)}
                        >
                          ↑
                        </Button>
                        <Button
                          className={styles.action}
                          size="small"
                          appearance="subtle"
                          disabled={i === rows.length - 1}
                          aria-label={t('grid.down', { row: rowName(i) })}
                          title={t('grid.down', { row: rowName(i) })}
                          onClick={() => onMove(i, i + 1)}
                        >
                          ↓
                        </Button>
                      </>
                    )}
                    {onRemove && (
                      <Button
                        className={styles.action}
                        size="small"
                        appearance="subtle"
                        aria-label={t('grid.remove', { row: rowName(i) })}
                        title={t('grid.remove', { row: rowName(i) })}
                        onClick={() => onRemove(i)}
                      >
                        ✕
                      </Button>
                    )}
                  </div>
                </TableCell>
              )}
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {onAdd && (
        <Button size="small" onClick={onAdd}>
          {addLabel}
        </Button>
      )}
    </div>
  );
}

/** Problems (red) or warnings (orange) under a cell's control, tied to it by aria-describedby. */
function CellNotes({
  id,
  problems,
  warnings,
}: {
  id: string;
  problems: readonly string[];
  warnings: readonly string[];
}) {
  const styles = useGridStyles();
  if (problems.length === 0 && warnings.length === 0) return null;
  return (
    <span id={id}>
      {problems.map((p, i) => (
        <Text key={`p${i}`} size={200} className={styles.problem}>
          {p}
        </Text>
      ))}
      {warnings.map((w, i) => (
        <Text key={`w${i}`} size={200} className={styles.warning}>
          {w}
        </Text>
      ))}
    </span>
  );
}

export interface CellInputProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  problems?: readonly string[];
  warnings?: readonly string[];
  type?: 'text' | 'number' | 'date';
  placeholder?: string;
}

/** A text box in a grid cell, labelled for screen readers, with its problems under it. */
export function CellInput({ label, value, onChange, problems = [], warnings = [], type, placeholder }: CellInputProps) {
  const styles = useGridStyles();
  const notes = useId();
  const noted = problems.length + warnings.length > 0;
  const shared = {
    size: 'small',
    'aria-label': label,
    placeholder,
    value,
    'aria-invalid': problems.length > 0 || undefined,
    'aria-describedby': noted ? notes : undefined,
  } as const;
  return (
    <>
      {type === 'number' || type === 'date' ? (
        <Input {...shared} className={styles.control} type={type} onChange={(_e, d) => onChange(d.value)} />
      ) : (
        // Text wraps onto more lines instead of being cut at a narrow pane; it stays one line of data.
        <Textarea
          {...shared}
          className={styles.control}
          rows={1}
          resize="none"
          textarea={{ className: styles.wrapping }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') e.preventDefault();
          }}
          onChange={(_e, d) => onChange(d.value.replace(/[\r\n]+/g, ' '))}
        />
      )}
      <CellNotes id={notes} problems={problems} warnings={warnings} />
    </>
  );
}

export interface CellSelectProps {
  label: string;
  value: string;
  options: ReadonlyArray<{ value: string; text: string }>;
  onChange: (value: string) => void;
  problems?: readonly string[];
}

/** A drop-down in a grid cell, labelled for screen readers, with its problems under it. */
export function CellSelect({ label, value, options, onChange, problems = [] }: CellSelectProps) {
  const styles = useGridStyles();
  const notes = useId();
  return (
    <>
      <Select
        className={styles.control}
        size="small"
        aria-label={label}
        value={value}
        aria-invalid={problems.length > 0 || undefined}
        aria-describedby={problems.length > 0 ? notes : undefined}
        onChange={(_e, d) => onChange(d.value)}
      >
        {!options.some((o) => o.value === value) && <option value={value}>{value}</option>}
        {/* By position: a table being edited may give two inputs or tiers one id (the grid shows that problem). */}
        {options.map((o, k) => (
          <option key={k} value={o.value}>
            {o.text}
          </option>
        ))}
      </Select>
      <CellNotes id={notes} problems={problems} warnings={[]} />
    </>
  );
}

export interface TypedCellProps<T> {
  label: string;
  value: T;
  /** The text shown for a value. */
  print: (value: T) => string;
  /** The value of a text, or undefined when the text is not one. */
  parse: (text: string) => T | undefined;
  /** Said under the cell while its text is not a value. */
  badText: (text: string) => string;
  onChange: (value: T) => void;
  problems?: readonly string[];
  placeholder?: string;
}

/**
 * A cell whose text is parsed (a number, a range): what the user types stays as typed until it
 * parses, so "1." or "5000 <" never jumps under the cursor.
 */
export function TypedCell<T>({
  label,
  value,
  print,
  parse,
  badText,
  onChange,
  problems = [],
  placeholder,
}: TypedCellProps<T>) {
  const [text, setText] = useState(() => print(value));
  const [bad, setBad] = useState(false);
  useEffect(() => {
    // Only a change from outside (another editor, the JSON box) resets the text.
    if (!bad && print(parse(text) as T) !== print(value)) setText(print(value));
  }, [value]);
  return (
    <CellInput
      label={label}
      value={text}
      placeholder={placeholder}
      problems={bad ? [badText(text)] : problems}
      onChange={(next) => {
        setText(next);
        const parsed = parse(next);
        setBad(parsed === undefined);
        if (parsed !== undefined) onChange(parsed);
      }}
    />
  );
}

export interface NumberCellProps {
  label: string;
  value: number | undefined;
  onChange: (value: number | undefined) => void;
  /** Whether a blank cell is allowed (it gives undefined). */
  optional?: boolean;
  problems?: readonly string[];
  placeholder?: string;
}

/** A number in a grid cell, written as `print` shows it and read by `parse`; blank means "none" when optional. */
export function NumberLikeCell({
  label,
  value,
  onChange,
  optional,
  problems,
  placeholder,
  print,
  parse,
  badText,
}: NumberCellProps & Pick<TypedCellProps<number>, 'print' | 'parse' | 'badText'>) {
  return (
    <TypedCell<number | null>
      label={label}
      value={value ?? null}
      print={(v) => (v === null ? '' : print(v))}
      parse={(text) => parse(text) ?? (optional && text.trim() === '' ? null : undefined)}
      badText={badText}
      onChange={(v) => onChange(v ?? undefined)}
      problems={problems}
      placeholder={placeholder}
    />
  );
}

/** A number in a grid cell; blank means "none" when optional. */
export function NumberCell(props: NumberCellProps) {
  const { t } = usePaneText();
  return (
    <NumberLikeCell {...props} print={String} parse={typedNumber} badText={(text) => t('grid.bad-number', { text })} />
  );
}
