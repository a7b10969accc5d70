/** Median, minimum and maximum of several runs of one figure. */
export interface Spread {
  median: number;
  min: number;
  max: number;
  runs: number[];
}

/** The spread of `values`. */
export function spread(values: number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, min: sorted[0]!, max: sorted[sorted.length - 1]!, runs: values };
}

/**
 * Calls `op(i)` for i = 0, 1, ... until `budgetMs` has passed (checked every 256 calls, so the
 * clock does not dominate) or `limit` calls are done; returns calls per second.
 */
export function opsPerSecond(
  op: (i: number) => unknown,
  budgetMs: number,
  limit = Infinity,
): number {
  let sink = 0;
  let count = 0;
  const start = performance.now();
  let now = start;
  while (count < limit) {
    const end = Math.min(count + 256, limit);
    for (; count < end; count++) if (op(count) !== undefined) sink++;
    now = performance.now();
    if (now - start >= budgetMs) break;
  }
  if (sink < 0) console.log(sink);
  return (count / (now - start)) * 1000;
}

/** Formats a number of operations per second: 1234567 -> "1.23M". */
export function fmtOps(value: number): string {
  if (value >= 1e6) return `${(value / 1e6).toFixed(2)}M`;
  if (value >= 1e3) return `${(value / 1e3).toFixed(1)}k`;
  return value.toFixed(0);
}

/** Formats a spread with a unit formatter: "1.2M (1.1M-1.3M)". */
export function fmtSpread(s: Spread, fmt: (v: number) => string = fmtOps): string {
  return `${fmt(s.median)} (${fmt(s.min)}–${fmt(s.max)})`;
}

/** Formats a ratio: 1.534 -> "1.53x". */
export const fmtRatio = (value: number): string => `${value.toFixed(2)}x`;
