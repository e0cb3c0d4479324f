// Statements-per-month timeline as inline SVG (no chart library). Months between the first and
// the last are filled with zeros so the time axis is continuous; "undated" is reported separately.
import { svg, el } from './dom.js';

/** "2026-03" → the month after, "2026-04". */
function nextMonth(month) {
  let [y, m] = month.split('-').map(Number);
  m += 1;
  if (m > 12) { m = 1; y += 1; }
  return `${y}-${String(m).padStart(2, '0')}`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const monthLabel = (month) => `${MONTHS[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;

/** Fills the gaps: [{month, statements}] sorted and continuous. Returns {series, undated}. */
export function monthSeries(perMonth) {
  const dated = (perMonth ?? []).filter((p) => /^\d{4}-\d{2}$/.test(p.month));
  const undated = (perMonth ?? []).filter((p) => !/^\d{4}-\d{2}$/.test(p.month)).reduce((n, p) => n + p.statements, 0);
  if (dated.length === 0) return { series: [], undated };
  const counts = new Map(dated.map((p) => [p.month, p.statements]));
  const months = [...counts.keys()].sort();
  const series = [];
  // Cap the span so a stray date cannot make thousands of bars.
  for (let m = months[0]; m <= months[months.length - 1] && series.length < 240; m = nextMonth(m)) {
    series.push({ month: m, statements: counts.get(m) ?? 0 });
  }
  return { series, undated };
}

/** A bar chart of statements per month, with a y axis, month labels and a tooltip per bar. */
export function timelineChart(perMonth) {
  const { series, undated } = monthSeries(perMonth);
  const figure = el('figure', { class: 'chart' });
  if (series.length === 0) {
    figure.append(el('p', { class: 'muted', text: undated ? `${undated} undated statements; nothing to plot.` : 'No statements to plot.' }));
    return figure;
  }
  const width = 640, height = 220;
  const pad = { left: 40, right: 12, top: 14, bottom: 42 };
  const plotW = width - pad.left - pad.right;
  const plotH = height - pad.top - pad.bottom;
  const max = Math.max(1, ...series.map((p) => p.statements));
  const ticks = niceTicks(max);
  const top = ticks[ticks.length - 1];
  const slot = plotW / series.length;
  const barW = Math.max(2, Math.min(48, slot * 0.7));
  const y = (v) => pad.top + plotH - (v / top) * plotH;

  const chart = svg('svg', { class: 'timeline', viewBox: `0 0 ${width} ${height}`, role: 'img',
    'aria-label': `Statements per month, ${series[0].month} to ${series[series.length - 1].month}` });
  chart.append(svg('title', { text: 'Statements per month' }));
  for (const t of ticks) {
    chart.append(svg('line', { class: 'grid', x1: pad.left, x2: width - pad.right, y1: y(t), y2: y(t) }));
    chart.append(svg('text', { class: 'tick', x: pad.left - 6, y: y(t) + 4, 'text-anchor': 'end', text: t }));
  }
  // Label every month when there is room, else about ten labels.
  const every = Math.max(1, Math.ceil(series.length / 10));
  series.forEach((p, i) => {
    const x = pad.left + i * slot + (slot - barW) / 2;
    const bar = svg('rect', { class: 'bar', x: x.toFixed(1), y: y(p.statements).toFixed(1), width: barW.toFixed(1),
      height: Math.max(0, pad.top + plotH - y(p.statements)).toFixed(1), 'data-month': p.month, 'data-count': p.statements });
    bar.append(svg('title', { text: `${monthLabel(p.month)}: ${p.statements} statement${p.statements === 1 ? '' : 's'}` }));
    chart.append(bar);
    if (p.statements > 0) {
      chart.append(svg('text', { class: 'value', x: (x + barW / 2).toFixed(1), y: (y(p.statements) - 3).toFixed(1), 'text-anchor': 'middle', text: p.statements }));
    }
    if (i % every === 0) {
      chart.append(svg('text', { class: 'month', x: (pad.left + i * slot + slot / 2).toFixed(1), y: height - pad.bottom + 16,
        'text-anchor': 'middle', text: monthLabel(p.month) }));
    }
  });
  chart.append(svg('line', { class: 'axis', x1: pad.left, x2: width - pad.right, y1: pad.top + plotH, y2: pad.top + plotH }));
  figure.append(chart, el('figcaption', { class: 'muted' }, 'Statements per month',
    undated ? ` · ${undated} undated not shown` : ''));
  return figure;
}

/** Round tick values from 0 to at least `max` (at most ~5 steps). */
function niceTicks(max) {
  const rough = max / 4;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = Math.max(1, [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= rough) ?? magnitude * 10);
  const ticks = [];
  for (let t = 0; t < max + step; t += step) ticks.push(t);
  return ticks;
}
