/**
 * About `count` round tick values from 0 to at least `max` (steps of 1, 2 or 5 times a power of ten),
 * never closer than `minStep` (1 for counts: no tick between two whole numbers).
 */
export function niceTicks(max: number, count = 5, minStep = 0): number[] {
  if (!(max > 0)) return [0, Math.max(minStep, 1)];
  const rough = Math.max(max / count, minStep);
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * power).find((candidate) => candidate >= rough) ?? 10 * power;
  const ticks: number[] = [];
  for (let tick = 0; tick < max + step / 2; tick += step) ticks.push(Number(tick.toPrecision(12)));
  if (ticks[ticks.length - 1] < max) ticks.push(Number((ticks[ticks.length - 1] + step).toPrecision(12)));
  return ticks;
}

/** Maps [0, domainMax] onto [rangeStart, rangeEnd] (an SVG y axis runs downwards, so rangeStart > rangeEnd there). */
export function linearScale(domainMax: number, rangeStart: number, rangeEnd: number): (value: number) => number {
  const span = domainMax || 1;
  return (value) => rangeStart + ((rangeEnd - rangeStart) * value) / span;
}

/** Which of `count` labels to print so that at most `max` show, evenly spaced: every k-th, always the first. */
export function labelStride(count: number, max: number): number {
  return Math.max(1, Math.ceil(count / max));
}
