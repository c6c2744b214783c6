/**
 * A customer's trend across snapshots, for a manager to read beside the tier:
 * the tier before, whether that was a move up, none or down, and since when
 * the customer holds the current tier.
 */

export interface TrendSnapshot {
  /** When it was taken, as the history stores it. */
  date: string;
  entries: ReadonlyArray<{ key: string; tier: string }>;
}

/** `changed`: to or from a tier outside the order (ungraded, or a tier the table no longer has). */
export type TierChange = 'up' | 'same' | 'down' | 'new' | 'changed';

export interface Trend {
  /** The tier in the last snapshot before this one that holds the customer; null when none does. */
  previous: string | null;
  change: TierChange;
  /** The date of the snapshot from which the customer holds the current tier without a break. */
  since: string;
}

/**
 * The trend of every customer of the last snapshot. `tiers` is the table's order, best first
 * (a lower index is up). Snapshots are in the order taken; a key twice in one snapshot counts once (its first row).
 */
export function trendOf(snapshots: readonly TrendSnapshot[], tiers: readonly string[]): Map<string, Trend> {
  const rank = new Map(tiers.map((tier, k) => [tier, k]));
  const out = new Map<string, Trend>();
  const last = snapshots.at(-1);
  if (!last) return out;
  const tierIn = snapshots.map((s) => {
    const byKey = new Map<string, string>();
    for (const e of s.entries) if (!byKey.has(e.key)) byKey.set(e.key, e.tier);
    return byKey;
  });
  const n = snapshots.length - 1;
  for (const key of tierIn[n]!.keys()) {
    if (out.has(key)) continue;
    const tier = tierIn[n]!.get(key)!;
    let since = last.date;
    let previous: string | null = null;
    for (let i = n - 1; i >= 0; i--) {
      const earlier = tierIn[i]!.get(key);
      if (earlier === undefined) continue;
      if (previous === null) previous = earlier;
      if (earlier !== tier) break;
      since = snapshots[i]!.date;
    }
    out.set(key, { previous, change: changeOf(previous, tier, rank), since });
  }
  return out;
}

function changeOf(previous: string | null, tier: string, rank: ReadonlyMap<string, number>): TierChange {
  if (previous === null) return 'new';
  if (previous === tier) return 'same';
  const before = rank.get(previous);
  const now = rank.get(tier);
  if (before === undefined || now === undefined) return 'changed';
  return now < before ? 'up' : 'down';
}
