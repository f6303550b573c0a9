/** One benchmark: returns metric name (snake_case, unit last: `unlock_ms`) → number. */
export type Benchmark = {
  readonly name: string;
  run(): Promise<Readonly<Record<string, number>>>;
};

/** The median of a non-empty list of timings. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? Number.NaN;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? Number.NaN) + upper) / 2;
}
