/**
 * A dependency-free SVG line chart for the scaling figures: one panel per metric, one line per
 * system, paragraphs on the x axis. Pure, so that the output depends only on the numbers.
 */

export interface ChartSeries {
  readonly label: string;
  readonly color: string;
  /** [paragraphs, value] pairs, in any order. */
  readonly points: readonly (readonly [number, number])[];
}

export interface ChartPanel {
  readonly title: string;
  readonly unit: string;
  readonly series: readonly ChartSeries[];
}

const PANEL_W = 320;
const PANEL_H = 230;
const MARGIN = { top: 34, right: 16, bottom: 42, left: 58 };

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** 1, 2, 5 × 10^n steps, about `count` of them up to `max`. */
function ticks(max: number, count: number): number[] {
  if (!(max > 0)) return [0];
  const raw = max / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? 10 * magnitude;
  const out = [0];
  // The last tick is the first one at or above max, so that no point leaves the plot.
  while ((out[out.length - 1] ?? 0) < max) out.push(Number((out.length * step).toPrecision(12)));
  return out;
}

function formatTick(value: number): string {
  if (value >= 1000) return `${Number((value / 1000).toPrecision(3))}k`;
  return String(Number(value.toPrecision(3)));
}

function panelSvg(panel: ChartPanel, offsetX: number): string {
  const all = panel.series.flatMap((series) => series.points).filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y));
  const xTicks = ticks(Math.max(1, ...all.map(([x]) => x)), 4);
  const yTicks = ticks(Math.max(1e-9, ...all.map(([, y]) => y)), 4);
  const xMax = xTicks[xTicks.length - 1] ?? 1;
  const yMax = yTicks[yTicks.length - 1] ?? 1;
  const plotW = PANEL_W - MARGIN.left - MARGIN.right;
  const plotH = PANEL_H - MARGIN.top - MARGIN.bottom;
  const sx = (x: number) => offsetX + MARGIN.left + (x / xMax) * plotW;
  const sy = (y: number) => MARGIN.top + plotH - (y / yMax) * plotH;

  const parts: string[] = [];
  parts.push(`<text x="${offsetX + PANEL_W / 2}" y="18" text-anchor="middle" font-weight="bold">${escapeXml(panel.title)}</text>`);
  for (const y of yTicks) {
    parts.push(`<line x1="${sx(0)}" x2="${sx(xMax)}" y1="${sy(y)}" y2="${sy(y)}" stroke="#e4e4e4"/>`);
    parts.push(`<text x="${sx(0) - 6}" y="${sy(y) + 4}" text-anchor="end">${formatTick(y)}</text>`);
  }
  for (const x of xTicks) {
    parts.push(`<text x="${sx(x)}" y="${sy(0) + 16}" text-anchor="middle">${formatTick(x)}</text>`);
  }
  parts.push(`<line x1="${sx(0)}" x2="${sx(xMax)}" y1="${sy(0)}" y2="${sy(0)}" stroke="#888"/>`);
  parts.push(`<line x1="${sx(0)}" x2="${sx(0)}" y1="${sy(0)}" y2="${sy(yMax)}" stroke="#888"/>`);
  parts.push(`<text x="${sx(xMax / 2)}" y="${PANEL_H - 6}" text-anchor="middle">paragraphs</text>`);
  parts.push(
    `<text transform="translate(${offsetX + 14} ${MARGIN.top + plotH / 2}) rotate(-90)" text-anchor="middle">${escapeXml(panel.unit)}</text>`,
  );
  for (const series of panel.series) {
    const points = series.points.filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y)).sort((a, b) => a[0] - b[0]);
    if (points.length === 0) continue;
    const d = points.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${sx(x).toFixed(1)},${sy(y).toFixed(1)}`).join(' ');
    parts.push(`<path d="${d}" fill="none" stroke="${series.color}" stroke-width="2"/>`);
    for (const [x, y] of points) parts.push(`<circle cx="${sx(x).toFixed(1)}" cy="${sy(y).toFixed(1)}" r="3" fill="${series.color}"/>`);
  }
  return parts.join('\n');
}

/** The panels side by side, with one legend for the series of the first panel. */
export function scalingChartSvg(title: string, panels: readonly ChartPanel[]): string {
  const width = PANEL_W * panels.length;
  const legendY = PANEL_H + 18;
  const height = legendY + 16;
  const legend = (panels[0]?.series ?? [])
    .map((series, i) => {
      const x = 20 + i * 260;
      return `<line x1="${x}" x2="${x + 24}" y1="${legendY - 4}" y2="${legendY - 4}" stroke="${series.color}" stroke-width="3"/><text x="${x + 30}" y="${legendY}">${escapeXml(series.label)}</text>`;
    })
    .join('\n');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="11">`,
    `<title>${escapeXml(title)}</title>`,
    `<rect width="100%" height="100%" fill="white"/>`,
    ...panels.map((panel, i) => panelSvg(panel, i * PANEL_W)),
    legend,
    '</svg>',
    '',
  ].join('\n');
}
