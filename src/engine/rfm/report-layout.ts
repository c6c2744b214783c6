/**
 * The segment report as blocks of cells, decided once for every host: the
 * add-in writes them with Office.js, `tierwise rfm --out x.xlsx` with ExcelJS.
 */
import { fill, localize } from '../../i18n';
import { rfmReportEnUS, type RfmReportMessageKey } from '../../i18n/rfm-report.en-US';
import { rfmReportZhCN } from '../../i18n/rfm-report.zh-CN';
import type { GradingTable, Locale } from '../model';
import { RFM_DIMENSIONS, scoreBinText, type DimensionReport, type SegmentReport } from './segment-report';
import type { RfmDimension } from './types';

export type ReportValue = string | number | null;

/** Colours of a run of cells of one row: `row` indexes the block's cells (0 is the header). */
export interface ReportColour {
  row: number;
  column: number;
  columns: number;
  /** #RRGGBB */
  fill: string;
  /** #RRGGBB */
  font: string;
}

export interface ReportBlock {
  title: string;
  /** The header row first. */
  cells: ReportValue[][];
  /** Excel number formats of the body rows, by column. */
  numberFormats: Record<number, string>;
  colours: ReportColour[];
}

export interface RfmReportLayout {
  /** Segment, share of customers, share of revenue, customers, orders, revenue, AOV; the total last. */
  segments: ReportBlock & {
    /** The chart's source: the header and one row per segment, the first `columns` columns (label and the two shares). */
    chart: { title: string; rows: number; columns: number };
  };
  /** R scores down (highest first), F scores across; counts coloured from white to green by size. */
  heatmap: ReportBlock;
  /** Per dimension and score: the values it covers, from, to, customers, the cap. */
  cuts: ReportBlock;
}

const PERCENT = '0.0%';
const MONEY = '#,##0.00';
const HEAT_LOW = '#FFFFFF';
const HEAT_HIGH = '#63BE7B';

export function rfmReportText(
  locale: Locale,
  key: RfmReportMessageKey,
  params: Record<string, string | number> = {},
): string {
  return fill((locale === 'zh-CN' ? rfmReportZhCN : rfmReportEnUS)[key], params);
}

function finite(n: number): number | null {
  return Number.isFinite(n) ? n : null;
}

/** A colour between `low` and `high` (#RRGGBB) at `t` in 0..1. */
export function blendColour(low: string, high: string, t: number): string {
  const channel = (hex: string, k: number) => parseInt(hex.slice(1 + 2 * k, 3 + 2 * k), 16);
  const mixed = [0, 1, 2].map((k) => Math.round(channel(low, k) + (channel(high, k) - channel(low, k)) * t));
  return `#${mixed.map((c) => c.toString(16).padStart(2, '0').toUpperCase()).join('')}`;
}

/** The report's blocks in one language; segment names and colours from the table's tiers. */
export function rfmReportLayout(report: SegmentReport, table: GradingTable, locale: Locale): RfmReportLayout {
  const t = (key: RfmReportMessageKey, params?: Record<string, string | number>) => rfmReportText(locale, key, params);
  const tiers = new Map(table.tiers.map((tier) => [tier.id, tier]));

  const segmentCells: ReportValue[][] = [
    [
      t('report.segment'),
      t('report.customer-share'),
      t('report.revenue-share'),
      t('report.customers'),
      t('report.orders'),
      t('report.revenue'),
      t('report.aov'),
    ],
  ];
  const segmentColours: ReportColour[] = [];
  for (const row of report.segments) {
    const tier = row.tier === undefined ? undefined : tiers.get(row.tier);
    const label = tier ? localize(tier.label, locale) : (row.tier ?? t('report.ungraded'));
    if (tier)
      segmentColours.push({ row: segmentCells.length, column: 0, columns: 1, fill: tier.fill, font: tier.font });
    segmentCells.push([
      label,
      row.customerShare,
      row.revenueShare,
      row.customers,
      row.orders,
      row.revenue,
      finite(row.aov),
    ]);
  }
  const { total } = report;
  segmentCells.push([
    t('report.total'),
    total.customerShare,
    total.revenueShare,
    total.customers,
    total.orders,
    total.revenue,
    finite(total.aov),
  ]);

  const grid = report.heatmap;
  const most = Math.max(0, ...grid.count.flat());
  const heatCells: ReportValue[][] = [['R \\ F', ...Array.from({ length: grid.fBins }, (_x, f) => `F${f + 1}`)]];
  const heatColours: ReportColour[] = [];
  for (let r = grid.rBins - 1; r >= 0; r--) {
    const counts = grid.count[r]!;
    counts.forEach((n, f) => {
      const shade = blendColour(HEAT_LOW, HEAT_HIGH, most > 0 ? n / most : 0);
      heatColours.push({ row: heatCells.length, column: f + 1, columns: 1, fill: shade, font: '#000000' });
    });
    heatCells.push([`R${r + 1}`, ...counts]);
  }

  return {
    segments: {
      title: t('report.title', { table: localize(table.name, locale) }),
      cells: segmentCells,
      numberFormats: { 1: PERCENT, 2: PERCENT, 5: MONEY, 6: MONEY },
      colours: segmentColours,
      chart: { title: t('report.chart-title'), rows: report.segments.length + 1, columns: 3 },
    },
    heatmap: { title: t('report.heatmap-title'), cells: heatCells, numberFormats: {}, colours: heatColours },
    cuts: cutPointBlock(report.dimensions, locale),
  };
}

/** The cut points used, per dimension and score: the values it covers, from, to, customers, the cap. */
export function cutPointBlock(dimensions: Record<RfmDimension, DimensionReport>, locale: Locale): ReportBlock {
  const t = (key: RfmReportMessageKey, params?: Record<string, string | number>) => rfmReportText(locale, key, params);
  const cells: ReportValue[][] = [
    [
      t('report.dimension'),
      t('report.score'),
      t('report.values'),
      t('report.from'),
      t('report.to'),
      t('report.customers'),
      t('report.cap'),
    ],
  ];
  const plain = (n: number) => String(n);
  for (const d of RFM_DIMENSIONS) {
    const dimension = dimensions[d];
    for (const bin of dimension.bins) {
      cells.push([
        t(`report.dimension.${d}`),
        bin.score,
        scoreBinText(bin, plain),
        bin.lower ?? null,
        bin.upper ?? null,
        bin.customers,
        dimension.cuts.cap ?? null,
      ]);
    }
  }
  return {
    title: t('report.cuts-title', { binning: dimensions.r.cuts.binning }),
    cells,
    numberFormats: {},
    colours: [],
  };
}
