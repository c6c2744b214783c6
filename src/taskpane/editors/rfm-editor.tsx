import { Text } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { GradingTable, RfmCap, RfmSegment } from '../../engine';
import { localize } from '../../i18n';
import { usePaneText } from '../components/pane-text';
import { useStyles } from '../components/styles';
import { AsOfCell } from './as-of-cell';
import { move, typedList, typedNumber, type MethodOf, type PartEditorProps } from './draft';
import { CellSelect, EditorGrid, NumberCell, TypedCell } from './editor-grid';

type Dimension = 'r' | 'f' | 'm';
type SegmentRange = 'r' | 'f' | 'm' | 'fm';
const DIMENSIONS: readonly Dimension[] = ['r', 'f', 'm'];
const SEGMENT_RANGES: readonly SegmentRange[] = ['r', 'f', 'm', 'fm'];

function rfm(table: GradingTable): MethodOf<'rfm'> {
  return table.method as MethodOf<'rfm'>;
}

/** "4-5" or "4" (a single score); blank is any score. */
function parseScores(text: string): [number, number] | null | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const m = /^(\d+)\s*(?:[-–~～]\s*(\d+))?$/.exec(trimmed);
  if (!m) return undefined;
  return [Number(m[1]), Number(m[2] ?? m[1])];
}

function printScores(range: [number, number] | null): string {
  if (!range) return '';
  return range[0] === range[1] ? String(range[0]) : `${range[0]}-${range[1]}`;
}

/** Ascending cut points typed as "30; 90; 180"; undefined when one is not a number. */
function parseCuts(text: string): number[] | undefined {
  const numbers = typedList(text).map(typedNumber);
  return numbers.every((n) => n !== undefined) ? (numbers as number[]) : undefined;
}

function capKind(cap: RfmCap | undefined): 'none' | 'percentile' | 'value' {
  if (!cap) return 'none';
  return 'percentile' in cap ? 'percentile' : 'value';
}

/** A control outside a grid: its label shown above it. */
function Labelled({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size={200} block aria-hidden>
        {label}
      </Text>
      {children}
    </div>
  );
}

/** RFM: binning mode, bins, breakpoints and caps per dimension, as-of date; the segment table and default. */
export function RfmEditor({ table, say, set }: PartEditorProps) {
  const { t, locale } = usePaneText();
  const styles = useStyles();
  const method = rfm(table);
  const setMethod = (edit: (m: MethodOf<'rfm'>) => void) => set((c) => edit(rfm(c)));
  const binning = method.binning ?? 'quantile';
  const tierOptions = table.tiers.map((tier) => ({
    value: tier.id,
    text: `${tier.id} ${localize(tier.label, locale)}`,
  }));
  const dimensionName = (d: Dimension) => t(`rfm.dimension-${d}`);

  const dimensionRows = DIMENSIONS.map((d) => {
    const name = dimensionName(d);
    const cap = method.caps?.[d];
    const kind = capKind(cap);
    return [
      <Text key="name">{name}</Text>,
      <NumberCell
        key="bins"
        label={t('rfm.bins-of', { dimension: name })}
        optional
        placeholder="5"
        value={method.bins?.[d]}
        problems={say(`method.bins.${d}`)}
        onChange={(v) =>
          setMethod((m) => {
            m.bins ??= {};
            if (v === undefined) delete m.bins[d];
            else m.bins[d] = v;
          })
        }
      />,
      binning === 'fixed' ? (
        <TypedCell<number[]>
          key="cuts"
          label={t('rfm.cuts-of', { dimension: name })}
          value={method.breakpoints?.[d] ?? []}
          print={(cuts) => cuts.join('; ')}
          parse={parseCuts}
          badText={(text) => t('grid.bad-number', { text })}
          placeholder="30; 90"
          problems={say(`method.breakpoints.${d}`)}
          onChange={(cuts) => setMethod((m) => ((m.breakpoints ??= {})[d] = cuts))}
        />
      ) : (
        ''
      ),
      <CellSelect
        key="cap-kind"
        label={t('rfm.cap-kind-of', { dimension: name })}
        value={kind}
        options={[
          { value: 'none', text: t('rfm.cap-none') },
          { value: 'percentile', text: t('rfm.cap-percentile') },
          { value: 'value', text: t('rfm.cap-value') },
        ]}
        onChange={(v) =>
          setMethod((m) => {
            m.caps ??= {};
            if (v === 'none') delete m.caps[d];
            else m.caps[d] = v === 'percentile' ? { percentile: 99 } : { value: 0 };
          })
        }
      />,
      cap ? (
        <NumberCell
          key="cap"
          label={t('rfm.cap-of', { dimension: name })}
          value={'percentile' in cap ? cap.percentile : cap.value}
          problems={say(`method.caps.${d}`)}
          onChange={(v) =>
            setMethod((m) => (m.caps![d] = 'percentile' in cap ? { percentile: v ?? 0 } : { value: v ?? 0 }))
          }
        />
      ) : (
        ''
      ),
    ];
  });

  const segmentRows = method.segments.map((segment, s) => [
    <CellSelect
      key="tier"
      label={t('rfm.segment-tier-of', { index: s + 1 })}
      value={segment.tier}
      options={tierOptions}
      problems={say(`method.segments[${s}].tier`)}
      onChange={(v) => setMethod((m) => (m.segments[s]!.tier = v))}
    />,
    ...SEGMENT_RANGES.map((key) => (
      <TypedCell<[number, number] | null>
        key={key}
        label={t('rfm.segment-range-of', { index: s + 1, score: key.toUpperCase() })}
        value={segment[key] ?? null}
        print={printScores}
        parse={parseScores}
        badText={(text) => t('rfm.bad-scores', { text })}
        placeholder={t('rfm.any')}
        problems={say(`method.segments[${s}].${key}`)}
        onChange={(range) =>
          setMethod((m) => {
            const target: RfmSegment = m.segments[s]!;
            if (range) target[key] = range;
            else delete target[key];
          })
        }
      />
    )),
  ]);

  return (
    <>
      <section className={styles.section} aria-label={t('rfm.scoring')}>
        <Text weight="semibold">{t('rfm.scoring')}</Text>
        <div className={styles.row}>
          <Labelled label={t('rfm.binning')}>
            <CellSelect
              label={t('rfm.binning')}
              value={binning}
              options={[
                { value: 'quantile', text: t('rfm.binning-quantile') },
                { value: 'rfm-package', text: t('rfm.binning-package') },
                { value: 'fixed', text: t('rfm.binning-fixed') },
              ]}
              problems={say('method.binning')}
              onChange={(v) => setMethod((m) => (m.binning = v as MethodOf<'rfm'>['binning']))}
            />
          </Labelled>
          {binning === 'fixed' && (
            <Labelled label={t('rfm.closed')}>
              <CellSelect
                label={t('rfm.closed')}
                value={method.closed ?? 'right'}
                options={[
                  { value: 'right', text: '(a, b]' },
                  { value: 'left', text: '[a, b)' },
                ]}
                onChange={(v) => setMethod((m) => (m.closed = v as 'right' | 'left'))}
              />
            </Labelled>
          )}
          <Labelled label={t('rfm.as-of')}>
            <AsOfCell
              label={t('rfm.as-of')}
              value={method.asOf}
              problems={say('method.asOf')}
              onChange={(serial) =>
                setMethod((m) => {
                  if (serial === undefined) delete m.asOf;
                  else m.asOf = serial;
                })
              }
            />
          </Labelled>
        </div>
        <EditorGrid
          label={t('rfm.dimensions')}
          headers={[t('rfm.dimension'), t('rfm.bins'), t('rfm.cuts'), t('rfm.cap-kind'), t('rfm.cap')]}
          rows={dimensionRows}
          rowName={(k) => dimensionName(DIMENSIONS[k]!)}
        />
      </section>
      <section className={styles.section} aria-label={t('rfm.segments')}>
        <Text weight="semibold">{t('rfm.segments')}</Text>
        <EditorGrid
          label={t('rfm.segments')}
          headers={[t('rfm.segment-tier'), 'R', 'F', 'M', 'FM']}
          rows={segmentRows}
          rowName={(s) => t('rfm.segment-row', { index: s + 1 })}
          onMove={(from, to) => setMethod((m) => move(m.segments, from, to))}
          onRemove={(s) => setMethod((m) => m.segments.splice(s, 1))}
          onAdd={() => set((c) => rfm(c).segments.push({ tier: c.tiers[0]?.id ?? '' }))}
          addLabel={t('rfm.segment-add')}
        />
        <Labelled label={t('table.default-tier')}>
          <CellSelect
            label={t('table.default-tier')}
            value={method.default ?? ''}
            options={[{ value: '', text: t('table.no-default') }, ...tierOptions]}
            problems={say('method.default')}
            onChange={(v) =>
              setMethod((m) => {
                if (v === '') delete m.default;
                else m.default = v;
              })
            }
          />
        </Labelled>
      </section>
    </>
  );
}
