// The classifier's raw score (its top probability) → the chance it is right, learnt on texts it
// was not trained on (the tune split) by isotonic regression: pool adjacent violators turns the
// scores sorted low to high, each marked right or wrong, into blocks whose share right never
// falls as the score rises.
//
// Why "answer when confidence ≥ target" gives the target precision: confidence is monotone in
// the score, so the texts answered are exactly those above one score, and every block above it
// was right at least `target` of the time on the tune split; the precision of the answered texts
// is an average of those blocks' shares, so it is at least the target there, and on new texts as
// far as they resemble the tune split. Each block's share counts one extra wrong answer, so a
// block of a few lucky texts cannot claim certainty.

export interface Calibration {
  /** Blocks by rising score: from `from` up (to the next block), right `precision` of the time. */
  blocks: { from: number; precision: number; count: number }[];
}

export function fitCalibration(observations: readonly { score: number; right: boolean }[]): Calibration {
  const sorted = [...observations].sort((a, b) => a.score - b.score);
  const pools: { from: number; right: number; count: number }[] = [];
  for (const { score, right } of sorted) {
    pools.push({ from: score, right: right ? 1 : 0, count: 1 });
    while (pools.length > 1 && share(pools.at(-2)!) >= share(pools.at(-1)!)) {
      const last = pools.pop()!;
      const before = pools.at(-1)!;
      before.right += last.right;
      before.count += last.count;
    }
  }
  const blocks = pools.map((pool) => ({ from: pool.from, precision: pool.right / (pool.count + 1), count: pool.count }));
  // The extra wrong answer can make a small block fall below the one before it; lower the
  // earlier ones rather than raise it, so the map stays monotone and errs on the careful side.
  for (let i = blocks.length - 2; i >= 0; i--) blocks[i].precision = Math.min(blocks[i].precision, blocks[i + 1].precision);
  return { blocks };
}

export function calibrated(calibration: Calibration, score: number): number {
  let precision = 0;
  for (const block of calibration.blocks) {
    if (score < block.from) break;
    precision = block.precision;
  }
  return precision;
}

// Ties in share merge too, so equal neighbours become one block.
const share = (pool: { right: number; count: number }) => pool.right / pool.count;
