// How the benchmarks time their work: warm up for a while, then time whole passes. The machine may
// be shared, so they report the median and the best of the rounds rather than a mean.

/** The milliseconds of each of `rounds` passes of `work`, after `warmMs` of warming up; sorted. */
export function timeRounds(work: () => unknown, rounds: number, warmMs: number): number[] {
  const warm = performance.now() + warmMs;
  while (performance.now() < warm) work();
  const ms: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    work();
    ms.push(performance.now() - t0);
  }
  return ms.sort((a, b) => a - b);
}

/** The median and best rate of `items` per second over passes timed by timeRounds. */
export function rates(ms: readonly number[], items: number): { median: number; best: number } {
  const perSecond = ms.map((m) => items / (m / 1000)).sort((a, b) => a - b);
  return { median: perSecond[Math.floor(perSecond.length / 2)] ?? 0, best: perSecond[perSecond.length - 1] ?? 0 };
}
