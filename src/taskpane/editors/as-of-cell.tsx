import { Button } from '@fluentui/react-components';
import { isoDateToSerial, serialToIsoDate } from '../../engine/values/dates';
import { usePaneText } from '../components/pane-text';
import { useStyles } from '../components/styles';
import { CellInput } from './editor-grid';

/** The Excel serial of a Date's calendar day where the manager is (local time). */
export function localDaySerial(now: Date): number {
  return isoDateToSerial(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/** The serial of a date box's "YYYY-MM-DD"; undefined when blank or not a date. */
export function serialOfIsoDate(text: string): number | undefined {
  const parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!parts) return undefined;
  const serial = isoDateToSerial(Number(parts[1]), Number(parts[2]), Number(parts[3]));
  return Number.isNaN(serial) ? undefined : serial;
}

export interface AsOfCellProps {
  label: string;
  value: number | undefined;
  onChange: (serial: number | undefined) => void;
  problems?: readonly string[];
  /** The clock the Today button reads (tests pass a fixed one). */
  now?: () => Date;
}

/**
 * An as-of date: typed or picked, or filled in by the Today button. Never today by itself (ADR 0017):
 * blank stays blank until the manager picks a date.
 */
export function AsOfCell({ label, value, onChange, problems, now = () => new Date() }: AsOfCellProps) {
  const { t } = usePaneText();
  const styles = useStyles();
  return (
    <div className={styles.row}>
      <div>
        <CellInput
          label={label}
          type="date"
          value={value === undefined ? '' : serialToIsoDate(value)}
          problems={problems}
          onChange={(v) => onChange(serialOfIsoDate(v))}
        />
      </div>
      <Button
        size="small"
        aria-label={t('time.today-of', { date: label })}
        onClick={() => onChange(localDaySerial(now()))}
      >
        {t('time.today')}
      </Button>
    </div>
  );
}
