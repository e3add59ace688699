/** Small measuring tools: closed-loop saturation, open-loop fixed rate, percentiles. */
export type Row = {
  readonly scenario: string;
  readonly figure: number;
  readonly unit: string;
  readonly baseline: string;
  readonly baselineValue: number | null;
  readonly ratio: number | null;
  readonly target: string;
  readonly pass: boolean | null;
  readonly notes?: string;
  /** Replies that were not a success (non-2xx, `ok: false`, timeouts); never counted in a throughput. */
  readonly errors?: number;
  /** The CPU each process used during the measurement, in cores (see cpu.ts). */
  readonly cpu?: string;
};

export const percentile = (values: readonly number[], p: number): number => {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
};

export const round = (value: number, digits = 2): number => Math.round(value * 10 ** digits) / 10 ** digits;

/** As many operations as `concurrency` workers can do; returns operations per second and latencies (ms). */
export const closedLoop = async (
  total: number,
  concurrency: number,
  op: (i: number) => Promise<unknown>,
): Promise<{ perSecond: number; latencies: number[] }> => {
  let next = 0;
  const latencies: number[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < total; i = next++) {
        const t0 = performance.now();
        await op(i);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  return { perSecond: total / ((performance.now() - started) / 1000), latencies };
};

/** Starts operations at a fixed rate whatever their completion (open loop), so queueing shows in latency. */
export const fixedRate = async (perSecond: number, durationMs: number, op: (i: number) => Promise<unknown>): Promise<number[]> => {
  const total = Math.floor((perSecond * durationMs) / 1000);
  const interval = 1000 / perSecond;
  const started = performance.now();
  const latencies: number[] = [];
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = started + i * interval;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    inFlight.push(
      op(i).then(() => {
        latencies.push(performance.now() - due);
      }),
    );
  }
  await Promise.all(inFlight);
  return latencies;
};

export const row = (r: Omit<Row, 'ratio' | 'pass'> & { readonly pass: boolean | null; readonly ratio?: number | null }): Row => ({
  ...r,
  figure: round(r.figure),
  baselineValue: r.baselineValue === null ? null : round(r.baselineValue),
  ratio: r.ratio ?? (r.baselineValue ? round(r.figure / r.baselineValue, 3) : null),
});

export const rssMb = (): number => process.memoryUsage().rss / 1024 / 1024;
