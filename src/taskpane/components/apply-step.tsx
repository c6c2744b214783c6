import {
  Button,
  Caption1,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  ProgressBar,
  Radio,
  RadioGroup,
  Select,
  Text,
} from '@fluentui/react-components';
import type { CompiledTable } from '../../engine';
import { displayCell } from '../../engine/values/coerce';
import { dataColumnCount, type PlanOptions } from '../../excel/build-plan';
import { LIVE_TABLE_ROW_ADVICE, liveModeAdvised } from '../../excel/live-formulas';
import type { DataRegion, Progress } from '../../excel/workbook';
import { localize } from '../../i18n';
import type { Ungraded } from '../session';
import { usePaneText } from './pane-text';
import { useStyles } from './styles';

export type ApplyChoices = Omit<PlanOptions, 'locale'>;

export interface ApplyStepProps {
  region: DataRegion;
  compiled: CompiledTable;
  choices: ApplyChoices;
  onChoices: (choices: ApplyChoices) => void;
  running: boolean;
  progress?: Progress;
  applied: boolean;
  canRevert: boolean;
  ungraded: readonly Ungraded[];
  /** The region column of an ABC table's ranked input: the summary sums it unless another is chosen. */
  rankedColumn?: number;
  /** Headers of the user's columns named like Tierwise's, when Apply asked. */
  asking?: string[];
  onApply: (confirmed: boolean) => void;
  onKeep: () => void;
  onCancel: () => void;
  onRevert: () => void;
  onSelectUngraded: () => void;
}

/** Above this many rows Apply shows a progress bar with Cancel. */
export const PROGRESS_FROM_ROWS = 2000;

export function ApplyStep(props: ApplyStepProps) {
  const { region, compiled, choices, onChoices, running, progress, ungraded, asking } = props;
  const { t, locale } = usePaneText();
  const styles = useStyles();
  // Tables that rank rows against each other cannot be written as one formula per row.
  const isRfm = compiled.table.method.kind === 'rfm' || compiled.ranked === true;
  const set = (patch: Partial<ApplyChoices>) => onChoices({ ...choices, ...patch });
  // An ABC summary always has a value column (its Pareto chart): the ranked input, unless the user picks another.
  const valueColumn = choices.valueColumn ?? props.rankedColumn;
  return (
    <div className={styles.stack}>
      <Field label={t('apply.mode')}>
        <RadioGroup
          value={isRfm ? 'values' : choices.mode}
          onChange={(_e, d) => set({ mode: d.value as ApplyChoices['mode'] })}
        >
          <Radio value="values" label={t('apply.values')} />
          <Radio value="formulas" label={t('apply.formulas')} disabled={isRfm} />
          <Radio value="native" label={t('apply.native')} disabled={isRfm} />
        </RadioGroup>
      </Field>
      {isRfm && <Caption1>{t('apply.rfm-values')}</Caption1>}
      {!isRfm && choices.mode === 'formulas' && liveModeAdvised(region) && (
        <Caption1>{t('apply.live-table-advice', { rows: region.rowCount, limit: LIVE_TABLE_ROW_ADVICE })}</Caption1>
      )}
      <Checkbox
        checked={choices.strategy}
        label={t('apply.strategy')}
        onChange={(_e, d) => set({ strategy: !!d.checked })}
      />
      <Checkbox
        checked={choices.followUp}
        label={t('apply.follow-up')}
        onChange={(_e, d) => set({ followUp: !!d.checked })}
      />
      <Checkbox
        checked={choices.explanation}
        label={t('apply.explanation')}
        onChange={(_e, d) => set({ explanation: !!d.checked })}
      />
      <Checkbox
        checked={choices.summary}
        label={t('apply.summary')}
        onChange={(_e, d) => set({ summary: !!d.checked })}
      />
      {choices.summary && (
        <Field label={t('apply.value-column')}>
          <Select
            value={valueColumn === undefined ? '' : String(valueColumn)}
            onChange={(_e, d) => set({ valueColumn: d.value === '' ? undefined : Number(d.value) })}
          >
            {props.rankedColumn === undefined && <option value="">{t('apply.no-value-column')}</option>}
            {region.headers.slice(0, dataColumnCount(region)).map((h, j) => (
              <option key={j} value={String(j)}>
                {displayCell(h)}
              </option>
            ))}
          </Select>
        </Field>
      )}
      <div className={styles.row}>
        <Button appearance="primary" disabled={running} onClick={() => props.onApply(false)}>
          {t('apply.run')}
        </Button>
        <Button disabled={running || !props.canRevert} onClick={props.onRevert}>
          {t('apply.revert')}
        </Button>
      </div>
      {running && region.rowCount > PROGRESS_FROM_ROWS && (
        <div className={styles.stack}>
          <Field
            label={t('apply.progress', {
              done: progress?.done ?? 0,
              total: progress?.total ?? region.rowCount,
            })}
          >
            <ProgressBar value={progress ? progress.done / Math.max(1, progress.total) : 0} />
          </Field>
          <Button onClick={props.onCancel}>{t('apply.cancel')}</Button>
        </div>
      )}
      {props.applied && (
        <section className={styles.section} aria-label={t('apply.legend')}>
          <Text weight="semibold">{t('apply.legend')}</Text>
          {compiled.tiers.map((tier) => (
            <div key={tier.id}>
              <span className={styles.swatch} style={{ background: tier.fill, color: tier.font }}>
                {tier.id}
              </span>{' '}
              {localize(tier.label, locale)}
              {tier.strategy ? ` — ${localize(tier.strategy, locale)}` : ''}
            </div>
          ))}
        </section>
      )}
      {props.applied && ungraded.length > 0 && (
        <section className={styles.section} aria-label={t('apply.ungraded', { count: ungraded.length })}>
          <Text weight="semibold">{t('apply.ungraded', { count: ungraded.length })}</Text>
          <Button onClick={props.onSelectUngraded}>{t('apply.select-ungraded')}</Button>
          <ul>
            {ungraded.slice(0, 50).map((u) => (
              <li key={u.row}>
                {t('preview.row', { row: region.top + 2 + u.row })}: {u.reason}
              </li>
            ))}
          </ul>
        </section>
      )}
      <Dialog open={asking !== undefined} modalType="alert">
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{t('apply.conflict-title')}</DialogTitle>
            <DialogContent>{t('apply.conflict-body', { headers: (asking ?? []).join(', ') })}</DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={() => props.onApply(true)}>
                {t('apply.conflict-go')}
              </Button>
              <Button onClick={props.onKeep}>{t('apply.conflict-stop')}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </div>
  );
}
