import {
  Button,
  FluentProvider,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Tab,
  TabList,
  Text,
  Spinner,
  Title3,
  makeStyles,
  tokens,
  webDarkTheme,
  webLightTheme,
} from '@fluentui/react-components';
import { Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { summarize, type Cell, type Locale } from '../../engine';
import { getPreset } from '../../engine/presets';
import { displayCell } from '../../engine/values/coerce';
import { localize } from '../../i18n';
import { buildPlan } from '../../excel/build-plan';
import { abcValueColumn } from '../../excel/pareto-chart';
import type { DataRegion, Progress, Snapshot, StoredTables, Workbook, WorkbookProblem } from '../../excel/workbook';
import { SheetDataContext } from '../editors/sheet-data';
import { compileDraft, mappingFor, migrationOf, samplesOf, ungradedOf, type MigrationChoice } from '../session';
import { formatWorkbookProblem } from '../text';
import type { ApplyChoices } from './apply-step';
import { DataStep } from './data-step';
import { LocaleProvider, usePaneText } from './pane-text';
import { ApplyStep, HistoryStep, preloadSteps, PreviewStep, RfmOrdersPanel, TableStep } from './lazy-steps';
import { rfmCutPoints } from '../rfm-orders/cut-points-table';

export type Theme = 'light' | 'dark';

export interface AppProps {
  /** Absent outside Excel: the pane says so instead of failing. */
  workbook?: Workbook;
  locale: Locale;
  theme: Theme;
  /** The time a snapshot is stamped with (tests pass a fixed clock). */
  clock?: () => Date;
}

type Step = 'data' | 'table' | 'preview' | 'apply' | 'history';
const STEPS: readonly Step[] = ['data', 'table', 'preview', 'apply', 'history'];

interface Message {
  intent: 'error' | 'warning' | 'success' | 'info';
  text: string;
}

const DEFAULT_TABLE = 'payment-scorecard';

const useAppStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    minHeight: '100vh',
    boxSizing: 'border-box',
    maxWidth: '100%',
  },
  tabs: { flexWrap: 'wrap' },
});

/** The region's headers with those of columns an earlier Apply wrote (Score, Tier ...) left blank: not inputs. */
function dataHeaders(region: DataRegion): Cell[] {
  return region.headers.map((header, i) => (region.outputs.includes(region.left + i) ? '' : header));
}

export function App({ workbook, locale, theme, clock }: AppProps) {
  return (
    <FluentProvider theme={theme === 'dark' ? webDarkTheme : webLightTheme} lang={locale}>
      <LocaleProvider value={locale}>
        <Pane workbook={workbook} clock={clock ?? (() => new Date())} />
      </LocaleProvider>
    </FluentProvider>
  );
}

function Pane({ workbook, clock }: { workbook?: Workbook; clock: () => Date }) {
  const { t, locale } = usePaneText();
  const styles = useAppStyles();
  const [step, setStep] = useState<Step>('data');
  const [message, setMessage] = useState<Message>();
  const [busy, setBusy] = useState(false);
  const [region, setRegion] = useState<DataRegion>();
  const [rows, setRows] = useState<Cell[][]>();
  const [stored, setStored] = useState<StoredTables>({ tables: [], broken: [], version: 0 });
  const [choice, setChoice] = useState(`preset:${DEFAULT_TABLE}`);
  const [draft, setDraft] = useState<unknown>(() => getPreset(DEFAULT_TABLE));
  const [overrides, setOverrides] = useState<Record<string, string>>({});
  const [choices, setChoices] = useState<ApplyChoices>({
    mode: 'values',
    strategy: true,
    followUp: false,
    explanation: false,
    error: true,
    summary: true,
  });
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<Progress>();
  const [applied, setApplied] = useState(false);
  const [asking, setAsking] = useState<string[]>();
  const [keyColumn, setKeyColumn] = useState(0);
  const [history, setHistory] = useState<Snapshot[]>([]);
  const [compared, setCompared] = useState<MigrationChoice>();
  const abort = useRef<AbortController | undefined>(undefined);
  const readAbort = useRef<AbortController | undefined>(undefined);
  const [readProgress, setReadProgress] = useState<Progress>();
  /** Sheets RFM from orders created for the next Apply: its Revert removes them. */
  const createdSheets = useRef<string[]>([]);

  const compiled = useMemo(() => compileDraft(draft, stored.tables), [draft, stored]);
  const table = compiled.ok ? compiled.compiled : undefined;
  const mapping = useMemo(
    () => (table && region ? mappingFor(table, region, overrides) : undefined),
    [table, region, overrides],
  );
  const rankedColumn = table && mapping ? abcValueColumn(table, mapping.map) : undefined;
  const batch = useMemo(
    () => (table && rows && mapping ? table.gradeRows(rows, mapping.map) : undefined),
    [table, rows, mapping],
  );
  const summary = useMemo(() => (table && batch ? summarize(table, batch) : undefined), [table, batch]);
  const cutPoints = useMemo(() => rfmCutPoints(batch, locale), [batch, locale]);
  const nameOf = useMemo(() => {
    const header = new Map((mapping?.matched ?? []).map((m) => [m.input, m.header]));
    return (id: string) => header.get(id) ?? id;
  }, [mapping]);
  const samples = useMemo(
    () => (table && rows && mapping && batch ? samplesOf(table, rows, mapping.map, batch, locale, nameOf) : []),
    [table, rows, mapping, batch, locale, nameOf],
  );
  const ungraded = useMemo(() => (batch ? ungradedOf(batch, locale, nameOf) : []), [batch, locale, nameOf]);
  const tableHistory = useMemo(
    () => (table ? history.filter((s) => s.table === table.table.id) : []),
    [history, table],
  );
  const migration = useMemo(
    () => (table ? migrationOf(history, table.table, compared) : undefined),
    [history, table, compared],
  );

  const report = useCallback(
    (problem: WorkbookProblem) =>
      setMessage({
        intent: problem.kind === 'cancelled' ? 'warning' : 'error',
        text: formatWorkbookProblem(problem, locale),
      }),
    [locale],
  );

  const choose = (key: string, from: StoredTables = stored) => {
    const [source, id] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)];
    const found = source === 'workbook' ? from.tables.find((s) => s.name === id)?.table : getPreset(id);
    if (!found) return;
    setChoice(key);
    setDraft(found);
    setOverrides({});
  };

  const detect = useCallback(async () => {
    if (!workbook) return;
    setBusy(true);
    const found = await workbook.detectData();
    if (!found.ok) {
      report(found.problem);
      setRegion(undefined);
      setRows(undefined);
      setBusy(false);
      return;
    }
    setRegion(found.value);
    const controller = new AbortController();
    readAbort.current = controller;
    setReadProgress(undefined);
    const read = await workbook.readRows(found.value, { signal: controller.signal, onProgress: setReadProgress });
    if (read.ok) setRows(read.value);
    else report(read.problem);
    setBusy(false);
  }, [workbook, report]);

  useEffect(() => {
    // Once the pane shows, the later steps load in the background: the first click on a step need not wait.
    const later = setTimeout(() => void preloadSteps(), 0);
    return () => clearTimeout(later);
  }, []);

  useEffect(() => {
    if (!workbook) return;
    void (async () => {
      const tables = await workbook.readTables();
      if (!tables.ok) report(tables.problem);
      else {
        setStored(tables.value);
        const { version, tables: found, broken } = tables.value;
        if (version === 0 && found.length + broken.length > 0) {
          setMessage({ intent: 'info', text: t('problem.older-workbook') });
        }
        const first = tables.value.tables[0];
        if (first) choose(`workbook:${first.name}`, tables.value);
      }
      const past = await workbook.readHistory();
      if (past.ok) setHistory(past.value);
      // An Apply of an earlier session left its journal in the workbook: Revert is offered.
      const revertible = await workbook.findRevert();
      if (!revertible.ok) report(revertible.problem);
      await detect();
    })();
    // Runs once per workbook: the pane reads the workbook when it opens.
  }, [workbook]);

  const apply = async (confirmed: boolean) => {
    setAsking(undefined);
    if (!workbook || !table || !region || !rows || !mapping || !batch) {
      setMessage({ intent: 'warning', text: t('apply.needs-data') });
      return;
    }
    const plan = buildPlan(table, region, rows, mapping.map, batch, { ...choices, locale });
    if (plan.problem) return setMessage({ intent: 'error', text: plan.problem });
    const controller = new AbortController();
    abort.current = controller;
    setRunning(true);
    setProgress(undefined);
    setMessage(undefined);
    const result = await workbook.apply(region, plan, {
      confirmed,
      rows,
      signal: controller.signal,
      onProgress: setProgress,
      createdSheets: createdSheets.current,
    });
    setRunning(false);
    if (result.ok) createdSheets.current = [];
    if (!result.ok) {
      if (result.problem.kind === 'user-columns') setAsking(result.problem.headers);
      else report(result.problem);
      return;
    }
    setApplied(true);
    const done = t('apply.done', { columns: result.value.columns.join(', '), requests: result.value.requests });
    const warnings = [result.value.journalProblem, result.value.summaryProblem].flatMap((p) =>
      p ? [formatWorkbookProblem(p, locale)] : [],
    );
    setMessage(
      warnings.length > 0
        ? { intent: 'warning', text: [done, ...warnings].join(' ') }
        : { intent: 'success', text: done },
    );
  };

  const revert = async () => {
    if (!workbook) return;
    setRunning(true);
    const result = await workbook.revert();
    setRunning(false);
    if (!result.ok) return report(result.problem);
    setApplied(false);
    setMessage({ intent: 'success', text: t('apply.reverted') });
  };

  const selectUngraded = async () => {
    if (!workbook || !region) return;
    const result = await workbook.selectRows(
      region,
      ungraded.map((u) => u.row),
    );
    if (!result.ok) return report(result.problem);
    const { selected, firstAreaOnly } = result.value;
    const key = firstAreaOnly
      ? 'apply.selected-first-area'
      : selected < ungraded.length
        ? 'apply.selected-some'
        : 'apply.selected';
    setMessage({ intent: 'info', text: t(key, { count: selected }) });
  };

  const snapshot = async () => {
    if (!workbook || !table || !rows || !batch) return;
    setBusy(true);
    const entries = rows.map((row, i) => {
      const k = batch.tiers[i]!;
      const score = batch.scores[i]!;
      return {
        key: displayCell(row[keyColumn]),
        score: Number.isNaN(score) ? null : score,
        tier: k < 0 ? '' : table.tiers[k]!.id,
      };
    });
    // UTC to the minute, written as text: several snapshots a day stay apart (ADR 0006).
    const date = clock().toISOString().slice(0, 16).replace('T', ' ');
    const saved = await workbook.snapshot({ date, table: table.table.id, entries });
    if (!saved.ok) report(saved.problem);
    else {
      setMessage({ intent: 'success', text: t('history.saved', { rows: saved.value.rows }) });
      const past = await workbook.readHistory();
      if (past.ok) {
        setHistory(past.value);
        setCompared(undefined);
      } else report(past.problem);
    }
    setBusy(false);
  };

  const needsData = <Text>{t('apply.needs-data')}</Text>;
  return (
    <main className={styles.root}>
      <Title3 as="h1">{t('app.title')}</Title3>
      {!workbook && (
        <MessageBar intent="info">
          <MessageBarBody>{t('app.no-host')}</MessageBarBody>
        </MessageBar>
      )}
      {message && (
        <MessageBar intent={message.intent} role={message.intent === 'error' ? 'alert' : 'status'}>
          <MessageBarBody>{message.text}</MessageBarBody>
          <MessageBarActions
            containerAction={
              <Button appearance="transparent" aria-label={t('app.dismiss')} onClick={() => setMessage(undefined)}>
                ×
              </Button>
            }
          />
        </MessageBar>
      )}
      <TabList
        className={styles.tabs}
        aria-label={t('app.steps')}
        selectedValue={step}
        onTabSelect={(_e, d) => setStep(d.value as Step)}
        size="small"
      >
        {STEPS.map((s) => (
          <Tab key={s} value={s}>
            {t(`step.${s}`)}
          </Tab>
        ))}
      </TabList>
      <div role="tabpanel" aria-label={t(`step.${step}`)}>
        <Suspense fallback={<Spinner size="small" label={t('lazy.loading')} />}>
          {step === 'data' && (
            <DataStep
              region={region}
              busy={busy}
              progress={readProgress}
              onCancel={() => readAbort.current?.abort()}
              compiled={table}
              mapping={mapping}
              onDetect={() => void detect()}
              onMap={(input, header) => setOverrides({ ...overrides, [input]: header })}
            />
          )}
          {step === 'data' && workbook && (
            // A boundary of its own, so the Data step stays on screen while the panel's chunk loads.
            <Suspense fallback={null}>
              <RfmOrdersPanel
                workbook={workbook}
                onBuilt={({ tableId, sheets }) => {
                  createdSheets.current = [sheets.customers, sheets.report];
                  choose(`preset:${tableId}`);
                  void detect();
                }}
              />
            </Suspense>
          )}
          {step === 'table' && (
            <SheetDataContext.Provider
              value={region && rows ? { region, rows, overrides, stored: stored.tables } : undefined}
            >
              <TableStep
                stored={stored.tables}
                broken={stored.broken}
                choice={choice}
                draft={draft}
                problems={compiled.ok ? [] : compiled.problems}
                onChoose={(key) => choose(key)}
                onDraft={setDraft}
                onError={(text) => setMessage({ intent: 'error', text })}
                {...(region && rows ? { sheet: { headers: dataHeaders(region), rows } } : {})}
                onNew={(created) => {
                  setChoice(`new:${created.id}`);
                  setDraft(created);
                  setOverrides({});
                  setMessage({ intent: 'info', text: t('new.created', { name: localize(created.name, locale) }) });
                }}
              />
            </SheetDataContext.Provider>
          )}
          {step === 'preview' &&
            (table && summary && region ? (
              <PreviewStep
                compiled={table}
                summary={summary}
                samples={samples}
                firstRow={region.top + 2}
                {...(cutPoints ? { cutPoints } : {})}
              />
            ) : (
              needsData
            ))}
          {step === 'apply' &&
            // Apply is offered once the rows are read: a click while they are still read would find no data.
            (table && region && rows ? (
              <ApplyStep
                region={region}
                compiled={table}
                choices={choices}
                onChoices={setChoices}
                {...(rankedColumn !== undefined ? { rankedColumn } : {})}
                running={running}
                progress={progress}
                applied={applied}
                canRevert={!!workbook?.canRevert()}
                ungraded={ungraded}
                asking={asking}
                onApply={(confirmed) => void apply(confirmed)}
                onKeep={() => setAsking(undefined)}
                onCancel={() => abort.current?.abort()}
                onRevert={() => void revert()}
                onSelectUngraded={() => void selectUngraded()}
              />
            ) : busy ? (
              <Text>{t('data.detecting')}</Text>
            ) : (
              needsData
            ))}
          {step === 'history' &&
            (region && table ? (
              <HistoryStep
                region={region}
                keyColumn={keyColumn}
                onKeyColumn={setKeyColumn}
                busy={busy}
                onSnapshot={() => void snapshot()}
                snapshots={tableHistory}
                choice={compared}
                onChoice={setCompared}
                migration={migration}
              />
            ) : (
              needsData
            ))}
        </Suspense>
      </div>
    </main>
  );
}
