/**
 * Splits items into rounds that hold at most one item per key, keeping their order: applied
 * round after round, an item sees the effect of the earlier items with its key, and the items
 * of one round do not depend on each other.
 */
export function roundsBy<T>(items: T[], keyOf: (item: T) => string): T[][] {
  const rounds: T[][] = [];
  const seen = new Map<string, number>();
  for (const item of items) {
    const key = keyOf(item);
    const round = seen.get(key) ?? 0;
    seen.set(key, round + 1);
    (rounds[round] ??= []).push(item);
  }
  return rounds;
}
