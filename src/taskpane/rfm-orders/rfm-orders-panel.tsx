import { Button, Caption1, Field, Input, MessageBar, MessageBarBody, Select, Text } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { localize } from '../../i18n';
import { ORDER_COLUMN_ROLES, RFM_PRESETS } from '../../engine/rfm';
import { parseDate } from '../../engine/values/coerce';
import { headerTexts, type SheetGrid } from '../../excel/rfm-sheets';
import type { Workbook } from '../../excel/workbook';
import { usePaneText } from '../components/pane-text';
import { useStyles } from '../components/styles';
import { formatWorkbookProblem } from '../text';
import { buildRfmSheets, guessOrderColumns, type OrderColumns } from './build-rfm-sheets';
import { CutPointsTable, type CutPointRow } from './cut-points-table';
import { OrderSheetPicker } from './order-sheet-picker';

export interface RfmOrdersPanelProps {
  workbook: Workbook;
  /** The sheets were written: the pane grades the customer sheet with `tableId` and keeps the sheets for Revert. */
  onBuilt: (built: { tableId: string; sheets: { customers: string; report: string } }) => void;
}

type Notice = { intent: 'error' | 'warning' | 'success'; text: string; lines?: string[] };

/** RFM from raw orders: pick and read a sheet (the active one first), map its columns, give the as-of date, build. */
export function RfmOrdersPanel({ workbook, onBuilt }: RfmOrdersPanelProps) {
  const { t, locale } = usePaneText();
  const styles = useStyles();
  const [grid, setGrid] = useState<SheetGrid>();
  const [columns, setColumns] = useState<OrderColumns>({ customer: -1, date: -1, amount: -1 });
  const [asOf, setAsOf] = useState('');
  const [tableId, setTableId] = useState(RFM_PRESETS[0]!.id);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice>();
  const [cuts, setCuts] = useState<CutPointRow[]>();
  const [sheets, setSheets] = useState<{ sheets: string[]; active: string }>();
  const [sheet, setSheet] = useState<string>();

  const listSheets = async () => {
    const listed = await workbook.listSheets();
    if (!listed.ok) return setNotice({ intent: 'error', text: formatWorkbookProblem(listed.problem, locale) });
    setSheets(listed.value);
  };
  useEffect(() => {
    void listSheets();
    // Listed when the panel opens, and again after it added sheets.
  }, [workbook]);

  const read = async () => {
    setBusy(true);
    setNotice(undefined);
    const result = await workbook.readSheet(sheet ?? sheets?.active);
    setBusy(false);
    if (!result.ok) return setNotice({ intent: 'error', text: formatWorkbookProblem(result.problem, locale) });
    setGrid(result.value);
    setColumns(guessOrderColumns(result.value));
  };

  const build = async () => {
    if (!grid) return;
    const day = parseDate(asOf);
    if (Number.isNaN(day)) return setNotice({ intent: 'warning', text: t('rfm-orders.as-of-missing') });
    const table = RFM_PRESETS.find((p) => p.id === tableId)!;
    setBusy(true);
    setNotice(undefined);
    const outcome = await buildRfmSheets(workbook, { grid, columns, asOf: day, table, locale });
    setBusy(false);
    if (outcome.kind === 'failed')
      return setNotice({ intent: 'error', text: formatWorkbookProblem(outcome.problem, locale) });
    if (outcome.kind === 'bad-cells') {
      return setNotice({
        intent: 'error',
        text: t('rfm-orders.bad-cells', { count: outcome.count }),
        lines: outcome.lines,
      });
    }
    setCuts(outcome.cuts);
    const built = t('rfm-orders.built', {
      customers: outcome.customers,
      sheet: outcome.sheets.customers,
      report: outcome.sheets.report,
    });
    const after =
      outcome.ordersAfterAsOf > 0 ? ` ${t('rfm-orders.after-as-of', { count: outcome.ordersAfterAsOf })}` : '';
    setNotice({ intent: after ? 'warning' : 'success', text: built + after });
    onBuilt({ tableId, sheets: outcome.sheets });
    void listSheets();
  };

  const headers = grid ? headerTexts(grid) : [];
  const ready = grid && ORDER_COLUMN_ROLES.every((role) => columns[role] >= 0);
  return (
    <section className={styles.section} aria-label={t('rfm-orders.title')}>
      <Text weight="semibold">{t('rfm-orders.title')}</Text>
      <Caption1>{t('rfm-orders.intro')}</Caption1>
      {sheets && (
        <OrderSheetPicker
          sheets={sheets.sheets}
          value={sheet ?? sheets.active}
          label={t('rfm-orders.sheet')}
          onChange={setSheet}
        />
      )}
      <div className={styles.row}>
        <Button onClick={() => void read()} disabled={busy}>
          {t('rfm-orders.read')}
        </Button>
        {grid && (
          <Caption1>{t('rfm-orders.read-result', { orders: grid.cells.length - 1, sheet: grid.sheet })}</Caption1>
        )}
      </div>
      {grid && (
        <>
          {ORDER_COLUMN_ROLES.map((role) => (
            <Field key={role} label={t(`rfm-orders.${role}`)}>
              <Select
                value={String(columns[role])}
                onChange={(_e, d) => setColumns({ ...columns, [role]: Number(d.value) })}
              >
                <option value="-1" />
                {headers.map((h, k) => (
                  <option key={k} value={String(k)}>
                    {h}
                  </option>
                ))}
              </Select>
            </Field>
          ))}
          <Field label={t('rfm-orders.as-of')} required>
            <Input type="date" value={asOf} onChange={(_e, d) => setAsOf(d.value)} />
          </Field>
          <Field label={t('rfm-orders.table')}>
            <Select value={tableId} onChange={(_e, d) => setTableId(d.value)}>
              {RFM_PRESETS.map((p) => (
                <option key={p.id} value={p.id}>
                  {localize(p.name, locale)}
                </option>
              ))}
            </Select>
          </Field>
          <Button appearance="primary" onClick={() => void build()} disabled={busy || !ready}>
            {t('rfm-orders.build')}
          </Button>
        </>
      )}
      {notice && (
        <MessageBar intent={notice.intent}>
          <MessageBarBody>
            {notice.text}
            {notice.lines && (
              <ul>
                {notice.lines.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
      {cuts && <CutPointsTable rows={cuts} />}
    </section>
  );
}
