import { h, s } from '../dom';
import { labelStride, linearScale, niceTicks } from './scale';

export interface Point {
  /** The x axis' label of the point (a day, a minute, a stage). */
  label: string;
  value: number;
}

export interface ChartSpec {
  kind: 'line' | 'bar';
  title: string;
  points: readonly Point[];
  /** How a value is written on the axis, in the tooltips and in the table. */
  format: (value: number) => string;
  xLabel: string;
  yLabel: string;
  /**
   * The labels are categories (statuses, reasons), not a sequence: every one is printed, slanted so that
   * long ones fit, since a category left out could not be told from its neighbours.
   */
  categories?: boolean;
}

const HEIGHT = 280;
const MARGIN = { top: 16, right: 16, bottom: 56 };
/** Room left of the y tick labels for the y axis's rotated title, and between a label and the axis. */
const Y_TITLE_WIDTH = 28;
const TICK_GAP = 6;
/** Room for one x label (a day is the longest) at the chart's own scale. */
const X_LABEL_WIDTH = 80;
/** A character of a 12 px label, at most, and the slant of categories' labels. */
const CHAR_WIDTH = 7;
const SLANT_DEGREES = 45;

/** As wide as the screen allows, up to 640 units, so that a phone shows the text at its size instead of shrunk. */
function chartWidth(): number {
  return Math.min(640, Math.max(320, window.innerWidth - 48));
}

/**
 * A line or bar chart as inline SVG with its axes, in a figure captioned by its title. Its text
 * alternative is a summary (the SVG's aria-label) and a visually hidden table of every point. Each mark
 * carries its point as `data-label`/`data-value`.
 */
export function chart(spec: ChartSpec): HTMLElement {
  const figure = h('figure', { class: 'chart' }, h('figcaption', {}, spec.title));
  if (spec.points.length === 0) {
    figure.append(h('p', { class: 'empty' }, 'No data in this range.'));
    return figure;
  }
  const width = chartWidth();
  // Slanted labels need the height their longest one reaches below the axis; the plot keeps its own.
  const drop = spec.categories ? Math.ceil(Math.max(...spec.points.map((point) => point.label.length)) * CHAR_WIDTH * Math.sin((SLANT_DEGREES * Math.PI) / 180)) : 0;
  const height = HEIGHT + drop;
  const whole = spec.points.every((point) => Number.isInteger(point.value));
  const ticks = niceTicks(Math.max(...spec.points.map((point) => point.value)), 5, whole ? 1 : 0);
  // As wide as the longest tick label (money runs long), so that none runs into the axis title.
  const left = Y_TITLE_WIDTH + TICK_GAP + Math.ceil(Math.max(...ticks.map((tick) => spec.format(tick).length)) * CHAR_WIDTH);
  const plot = { left, right: width - MARGIN.right, top: MARGIN.top, bottom: HEIGHT - MARGIN.bottom };
  const y = linearScale(ticks[ticks.length - 1], plot.bottom, plot.top);
  const step = (plot.right - plot.left) / spec.points.length;
  const x = (index: number): number => plot.left + step * (index + 0.5);
  const stride = spec.categories ? 1 : labelStride(spec.points.length, Math.floor((plot.right - plot.left) / X_LABEL_WIDTH));

  const svg = s(
    'svg',
    { viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', 'aria-label': summary(spec), class: `chart-${spec.kind}` },
    ...ticks.map((tick) =>
      s('g', { class: 'tick' }, s('line', { x1: plot.left, x2: plot.right, y1: y(tick), y2: y(tick) }), s('text', { x: plot.left - TICK_GAP, y: y(tick), 'text-anchor': 'end', 'dominant-baseline': 'middle' }, spec.format(tick))),
    ),
    s('line', { class: 'axis', x1: plot.left, x2: plot.right, y1: plot.bottom, y2: plot.bottom }),
    s('line', { class: 'axis', x1: plot.left, x2: plot.left, y1: plot.top, y2: plot.bottom }),
    ...spec.points.map((point, index) => (index % stride === 0 ? xLabel(point.label, x(index), plot.bottom + 16, spec.categories) : null)),
    s('text', { class: 'axis-title', x: (plot.left + plot.right) / 2, y: height - 6, 'text-anchor': 'middle' }, spec.xLabel),
    s('text', { class: 'axis-title', x: 14, y: (plot.top + plot.bottom) / 2, 'text-anchor': 'middle', transform: `rotate(-90 14 ${(plot.top + plot.bottom) / 2})` }, spec.yLabel),
    spec.kind === 'line' && s('polyline', { class: 'series', points: spec.points.map((point, index) => `${x(index)},${y(point.value)}`).join(' ') }),
    ...spec.points.map((point, index) => {
      const tooltip = s('title', {}, `${point.label}: ${spec.format(point.value)}`);
      const data = { class: 'mark', 'data-label': point.label, 'data-value': point.value };
      return spec.kind === 'line'
        ? s('circle', { ...data, cx: x(index), cy: y(point.value), r: 3 }, tooltip)
        : s('rect', { ...data, x: x(index) - step * 0.35, width: step * 0.7, y: y(point.value), height: plot.bottom - y(point.value) }, tooltip);
    }),
  );
  figure.append(svg, dataTable(spec));
  return figure;
}

/** An x label under its mark: centred, or slanted down to the left from the mark's foot. */
function xLabel(label: string, x: number, y: number, slanted = false): SVGTextElement {
  return slanted
    ? s('text', { class: 'x-label', x, y: y - 8, 'text-anchor': 'end', 'dominant-baseline': 'middle', transform: `rotate(-${SLANT_DEGREES} ${x} ${y - 8})` }, label)
    : s('text', { class: 'x-label', x, y, 'text-anchor': 'middle' }, label);
}

function summary(spec: ChartSpec): string {
  const highest = spec.points.reduce((best, point) => (point.value > best.value ? point : best));
  const first = spec.points[0].label;
  const last = spec.points[spec.points.length - 1].label;
  return `${spec.title}: ${spec.points.length} values from ${first} to ${last}; highest ${spec.format(highest.value)} at ${highest.label}. The table that follows lists every value.`;
}

/** Hidden by its wrapper: a table box keeps its content's size whatever its own width, height and overflow say. */
function dataTable(spec: ChartSpec): HTMLElement {
  return h(
    'div',
    { class: 'visually-hidden' },
    h(
      'table',
      {},
      h('caption', {}, spec.title),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, spec.xLabel), h('th', { scope: 'col' }, spec.yLabel))),
      h('tbody', {}, ...spec.points.map((point) => h('tr', {}, h('th', { scope: 'row' }, point.label), h('td', {}, spec.format(point.value))))),
    ),
  );
}
