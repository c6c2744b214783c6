/**
 * The order in which an `all` or `any` tests its children over a block,
 * learnt from the rows seen so far. Conditions have no side effects, so any
 * order gives the same rows; a good one tests fewer. For `all`, the child
 * that rejects the most rows per unit of cost goes first (ranked by
 * cost / (1 - pass rate)); for `any`, the one that accepts the most (cost /
 * pass rate): the classic order for independent tests. Cost is a child's
 * number of leaves; pass rates are smoothed and halved now and then, so the
 * order follows data whose mix changes along the batch.
 */
export class ChildOrder {
  /** Child indexes, best first. */
  readonly order: Int32Array;
  private readonly seen: Float64Array;
  private readonly held: Float64Array;

  constructor(
    private readonly costs: readonly number[],
    private readonly kind: 'all' | 'any',
  ) {
    this.order = Int32Array.from(costs, (_c, i) => i);
    this.seen = new Float64Array(costs.length);
    this.held = new Float64Array(costs.length);
  }

  /** Child `child` was tested on `seen` rows and held for `held` of them. */
  record(child: number, seen: number, held: number): void {
    this.seen[child]! += seen;
    this.held[child]! += held;
    if (this.seen[child]! > HALVE_AFTER) {
      this.seen[child]! /= 2;
      this.held[child]! /= 2;
    }
  }

  /** Sorts the children by rank (insertion sort: a handful of children, mostly in order already). */
  reorder(): void {
    const order = this.order;
    for (let i = 1; i < order.length; i++) {
      const child = order[i]!;
      const rank = this.rank(child);
      let j = i - 1;
      while (j >= 0 && this.rank(order[j]!) > rank) {
        order[j + 1] = order[j]!;
        j--;
      }
      order[j + 1] = child;
    }
  }

  private rank(child: number): number {
    const passRate = (this.held[child]! + 1) / (this.seen[child]! + 2);
    return this.costs[child]! / (this.kind === 'all' ? 1 - passRate : passRate);
  }
}

/** Rows after which a child's counts are halved, so recent blocks weigh more than old ones. */
const HALVE_AFTER = 1 << 16;
