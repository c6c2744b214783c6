import { usePaneText } from '../components/pane-text';
import { NumberLikeCell, type NumberCellProps } from './editor-grid';

/** A share (0..1) printed as a percentage: 0.8 is "80%", 0.125 is "12.5%". */
export function printShare(share: number): string {
  return `${Math.round(share * 1e6) / 1e4}%`;
}

/** A percentage typed as "80" or "80%" (either per-cent sign); undefined when it is not a number. */
export function parseShare(text: string): number | undefined {
  const trimmed = text
    .trim()
    .replace(/[%％]$/, '')
    .trim();
  if (trimmed === '') return undefined;
  const percent = Number(trimmed);
  return Number.isFinite(percent) ? percent / 100 : undefined;
}

/** A share of customers or of value in a grid cell, typed as a percentage; blank means "none" when optional. */
export function ShareCell(props: NumberCellProps) {
  const { t } = usePaneText();
  return (
    <NumberLikeCell {...props} print={printShare} parse={parseShare} badText={(text) => t('share.bad', { text })} />
  );
}
