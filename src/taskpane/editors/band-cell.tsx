import type { BandMatch, InputType, NumericRange } from '../../engine';
import { parseRange, printRange } from '../../engine/sheet-form/text';
import { usePaneText } from '../components/pane-text';
import { typedList } from './draft';
import { CellSelect, TypedCell } from './editor-grid';

/** A new band's match for an input of this type. */
export function emptyMatch(type: InputType | undefined): BandMatch {
  if (type === 'boolean') return { is: true };
  if (type === 'category' || type === 'text') return { values: [] };
  return { range: {} };
}

export interface BandCellProps {
  label: string;
  match: BandMatch;
  problems: string[];
  onChange: (match: BandMatch) => void;
}

/** What a band matches, as the sheet form writes it: "5000 < x <= 10000", "a; b", or yes / no. */
export function BandCell({ label, match, problems, onChange }: BandCellProps) {
  const { t } = usePaneText();
  if ('range' in match)
    return (
      <TypedCell<NumericRange>
        label={label}
        value={match.range}
        print={printRange}
        parse={parseRange}
        badText={(text) => t('table.bad-range', { text })}
        placeholder="5000 < x <= 10000"
        problems={problems}
        onChange={(range) => onChange({ range })}
      />
    );
  if ('values' in match)
    return (
      <TypedCell<string[]>
        label={label}
        value={match.values}
        print={(values) => values.join('; ')}
        parse={typedList}
        badText={() => ''}
        placeholder="a; b"
        problems={problems}
        onChange={(values) => onChange({ values })}
      />
    );
  return (
    <CellSelect
      label={label}
      value={String(match.is)}
      options={[
        { value: 'true', text: t('band.yes') },
        { value: 'false', text: t('band.no') },
      ]}
      problems={problems}
      onChange={(v) => onChange({ is: v === 'true' })}
    />
  );
}
