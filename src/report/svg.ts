/**
 * Inline SVG charts for the HTML report: pure functions from numbers and already-chosen label strings to
 * SVG markup. Every text goes through escapeHtml, every number through toFixed, so the output is safe to embed in
 * HTML as it is and identical for identical input (golden files). No scripts, no external references, no NaN.
 */
import { escapeHtml } from './escape.js';

/** One axis of the radar: a label (and an optional second line, e.g. the English in bilingual reports) and a value. */
export interface RadarAxis {
  label: string;
  sublabel?: string;
  /** 0…max; null (or anything not finite) is drawn as "not computable": no point on that axis. */
  value: number | null;
}

export interface RadarOptions {
  /** The value at the outer ring (5 for maturity levels). */
  max?: number;
  /** Number of grid rings (5: one per maturity level). */
  rings?: number;
  /** Width and height of the square drawing, in CSS pixels. */
  size?: number;
  /** Accessible title (<title>) of the chart. */
  title?: string;
  /** Text shown next to an axis whose value is null. */
  missingText?: string;
}

/** One horizontal bar: an indicator's value against its target, both fractions (0.5 = 50 %). */
export interface BarItem {
  label: string;
  sublabel?: string;
  value: number | null;
  target?: number | null;
  /** The comparison printed with the target: '>', '>=', '<', '<='. */
  comparison?: string;
  status?: 'met' | 'missed' | 'unknown';
}

export interface BarOptions {
  width?: number;
  title?: string;
  /** Legend texts (already in the report's language). */
  targetText?: string;
  missingText?: string;
  metText?: string;
  missedText?: string;
}

export const COLORS = {
  grid: '#c9ced6',
  axis: '#9aa3ae',
  area: '#1f6feb',
  areaFill: '#1f6feb',
  text: '#1f2328',
  muted: '#59636e',
  met: '#1a7f37',
  missed: '#cf4a16',
  neutral: '#57606a',
  track: '#eef1f4',
  target: '#8250df',
} as const;

/** A finite number as fixed-point text; -0 prints as 0. */
export function num(x: number, digits = 1): string {
  const s = (Number.isFinite(x) ? x : 0).toFixed(digits);
  return /^-0(\.0+)?$/.test(s) ? s.slice(1) : s;
}

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
const pctText = (f: number) => `${num(f * 100, 1)}%`;
/** Rough width of a text in px: CJK and full-width characters count one em, the rest about 0.6 em. */
export const textWidth = (s: string, fontSize: number) => [...s].reduce((w, c) => w + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(c) ? 1 : 0.6) * fontSize, 0);

/** Angle (radians) of axis i of n: the first axis points up, the others follow clockwise. */
export function axisAngle(i: number, n: number): number {
  return -Math.PI / 2 + (2 * Math.PI * i) / Math.max(1, n);
}

/** The point at `value` (0…max) on axis i of n around (cx, cy) with outer radius r. */
export function radarPoint(i: number, n: number, value: number, max: number, cx: number, cy: number, r: number): [number, number] {
  const a = axisAngle(i, n);
  const k = max > 0 ? clamp(value, 0, max) / max : 0;
  return [cx + r * k * Math.cos(a), cy + r * k * Math.sin(a)];
}

/** Shorten a label with "…" so that it fits `width` px (the table beside the chart has the full text). */
export function fit(s: string, width: number, fontSize: number): string {
  if (textWidth(s, fontSize) <= width) return s;
  const chars = [...s];
  while (chars.length > 1 && textWidth(chars.join('') + '…', fontSize) > width) chars.pop();
  return chars.join('') + '…';
}

const pts = (list: [number, number][]) => list.map(([x, y]) => `${num(x)},${num(y)}`).join(' ');

/** A label as one or two <tspan> lines. */
function labelLines(x: number, y: number, label: string, sublabel: string | undefined, anchor: string, extra = ''): string {
  const main = `<tspan x="${num(x)}" y="${num(y)}">${escapeHtml(label)}</tspan>`;
  const sub = sublabel ? `<tspan x="${num(x)}" dy="13" fill="${COLORS.muted}" font-size="10">${escapeHtml(sublabel)}</tspan>` : '';
  return `<text text-anchor="${anchor}" font-size="12" fill="${COLORS.text}"${extra}>${main}${sub}</text>`;
}

/**
 * Radar (spider) chart of section scores: grid rings at 1…rings, one spoke per axis, the value polygon, a dot and the
 * score at each vertex. Returns '' when there is no axis, so a template can leave the figure out.
 */
export function radarChart(axes: readonly RadarAxis[], opts: RadarOptions = {}): string {
  if (!axes.length) return '';
  const max = finite(opts.max) && opts.max > 0 ? opts.max : 5;
  const rings = finite(opts.rings) && opts.rings >= 1 ? Math.floor(opts.rings) : 5;
  const size = finite(opts.size) && opts.size >= 120 ? opts.size : 360;
  const pad = 110; // room for labels around the circle
  const w = size + 2 * pad;
  const h = size + 2 * 40;
  const cx = w / 2;
  const cy = h / 2;
  const r = size / 2 - 10;
  const n = axes.length;
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" class="chart radar" role="img" viewBox="0 0 ${num(w, 0)} ${num(h, 0)}" width="${num(w, 0)}" height="${num(h, 0)}" overflow="visible" font-family="inherit">`);
  if (opts.title) out.push(`<title>${escapeHtml(opts.title)}</title>`);
  // Grid rings (polygons, so that they line up with the spokes) with their level numbers on the first spoke.
  for (let k = 1; k <= rings; k++) {
    const v = (max * k) / rings;
    const ring = n >= 3 ? axes.map((_, i) => radarPoint(i, n, v, max, cx, cy, r)) : null;
    out.push(ring ? `<polygon points="${pts(ring)}" fill="none" stroke="${COLORS.grid}" stroke-width="1"/>` : `<circle cx="${num(cx)}" cy="${num(cy)}" r="${num((r * k) / rings)}" fill="none" stroke="${COLORS.grid}" stroke-width="1"/>`);
    const [lx, ly] = radarPoint(0, n, v, max, cx, cy, r);
    out.push(`<text x="${num(lx + 4)}" y="${num(ly + 4)}" font-size="9" fill="${COLORS.muted}">${escapeHtml(num(v, max % rings === 0 ? 0 : 1))}</text>`);
  }
  // Spokes and axis labels.
  axes.forEach((axis, i) => {
    const [x, y] = radarPoint(i, n, max, max, cx, cy, r);
    out.push(`<line x1="${num(cx)}" y1="${num(cy)}" x2="${num(x)}" y2="${num(y)}" stroke="${COLORS.axis}" stroke-width="1"/>`);
    const a = axisAngle(i, n);
    const cos = Math.cos(a);
    const sin = Math.sin(a);
    const anchor = Math.abs(cos) < 0.2 ? 'middle' : cos > 0 ? 'start' : 'end';
    const lx = cx + (r + 12) * cos;
    const ly = cy + (r + 12) * sin + (sin > 0.2 ? 12 : sin < -0.2 ? -4 - (axis.sublabel ? 13 : 0) : 4);
    const value = finite(axis.value) ? axis.value : null;
    const shown = value === null ? (opts.missingText ?? '—') : num(clamp(value, 0, max), 2);
    out.push(labelLines(lx, ly, `${axis.label} ${shown}`, axis.sublabel, anchor));
  });
  // The value polygon: axes without a value are left out (not drawn at 0, which would read as a score); with fewer
  // than three known values only the dots are drawn.
  const known = axes.map((a, i) => ({ i, v: finite(a.value) ? a.value : null })).filter((x): x is { i: number; v: number } => x.v !== null);
  const poly = known.map(({ i, v }) => radarPoint(i, n, v, max, cx, cy, r));
  if (poly.length >= 3) out.push(`<polygon class="value" points="${pts(poly)}" fill="${COLORS.areaFill}" fill-opacity="0.18" stroke="${COLORS.area}" stroke-width="2"/>`);
  for (const [x, y] of poly) out.push(`<circle cx="${num(x)}" cy="${num(y)}" r="3.5" fill="${COLORS.area}"/>`);
  out.push('</svg>');
  return out.join('');
}

/**
 * Horizontal bars of ratio indicators (0–100 %) with a marker at the target: green when met, orange when missed, grey
 * without a target. A null value draws no bar and says "not computable". Returns '' when there is no item.
 */
export function indicatorBars(items: readonly BarItem[], opts: BarOptions = {}): string {
  if (!items.length) return '';
  const width = finite(opts.width) && opts.width >= 300 ? opts.width : 720;
  const longest = Math.max(...items.map((i) => Math.max(textWidth(i.label, 12), textWidth(i.sublabel ?? '', 10))));
  const labelW = Math.round(clamp(longest + 8, width * 0.2, width * 0.5));
  const valueW = 64;
  const x0 = labelW + 8;
  const barW = width - x0 - valueW;
  const rowH = items.some((i) => i.sublabel) ? 40 : 30;
  const top = 22;
  const h = top + items.length * rowH + 26;
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" class="chart bars" role="img" viewBox="0 0 ${num(width, 0)} ${num(h, 0)}" width="${num(width, 0)}" height="${num(h, 0)}" font-family="inherit">`);
  if (opts.title) out.push(`<title>${escapeHtml(opts.title)}</title>`);
  // Scale: 0, 25, 50, 75, 100 %.
  for (let k = 0; k <= 4; k++) {
    const x = x0 + (barW * k) / 4;
    out.push(`<line x1="${num(x)}" y1="${num(top - 4)}" x2="${num(x)}" y2="${num(top + items.length * rowH)}" stroke="${COLORS.grid}" stroke-width="1"/>`);
    out.push(`<text x="${num(x)}" y="${num(top - 8)}" font-size="9" text-anchor="middle" fill="${COLORS.muted}">${k * 25}%</text>`);
  }
  items.forEach((item, row) => {
    const y = top + row * rowH;
    const mid = y + rowH / 2;
    const value = finite(item.value) ? item.value : null;
    const target = finite(item.target) ? item.target : null;
    const color = item.status === 'met' ? COLORS.met : item.status === 'missed' ? COLORS.missed : COLORS.neutral;
    const tip = `${item.label}: ${value === null ? (opts.missingText ?? '—') : pctText(value)}${target !== null ? ` (${opts.targetText ?? 'target'} ${`${item.comparison ?? ''} ${pctText(target)}`.trim()})` : ''}`;
    out.push(`<g class="row"><title>${escapeHtml(tip)}</title>`);
    out.push(labelLines(labelW, item.sublabel ? mid - 3 : mid + 4, fit(item.label, labelW - 4, 12), item.sublabel === undefined ? undefined : fit(item.sublabel, labelW - 4, 10), 'end'));
    out.push(`<rect x="${num(x0)}" y="${num(mid - 7)}" width="${num(barW)}" height="14" fill="${COLORS.track}"/>`);
    if (value !== null) {
      const bw = barW * clamp(value, 0, 1);
      out.push(`<rect class="bar" x="${num(x0)}" y="${num(mid - 7)}" width="${num(bw)}" height="14" fill="${color}"/>`);
      out.push(`<text x="${num(x0 + barW + 6)}" y="${num(mid + 4)}" font-size="11" fill="${COLORS.text}">${escapeHtml(pctText(value))}</text>`);
    } else {
      out.push(`<text x="${num(x0 + 6)}" y="${num(mid + 4)}" font-size="11" fill="${COLORS.muted}">${escapeHtml(opts.missingText ?? '—')}</text>`);
    }
    if (target !== null) {
      const tx = x0 + barW * clamp(target, 0, 1);
      out.push(`<line class="target" x1="${num(tx)}" y1="${num(mid - 11)}" x2="${num(tx)}" y2="${num(mid + 11)}" stroke="${COLORS.target}" stroke-width="2.5"/>`);
    }
    out.push('</g>');
  });
  // Legend.
  const ly = top + items.length * rowH + 16;
  const legend: [string, string, string][] = [
    [COLORS.met, 'rect', opts.metText ?? 'met'],
    [COLORS.missed, 'rect', opts.missedText ?? 'missed'],
    [COLORS.target, 'line', opts.targetText ?? 'target'],
  ];
  let lx = x0;
  for (const [c, shape, text] of legend) {
    out.push(shape === 'rect' ? `<rect x="${num(lx)}" y="${num(ly - 8)}" width="10" height="10" fill="${c}"/>` : `<line x1="${num(lx + 5)}" y1="${num(ly - 10)}" x2="${num(lx + 5)}" y2="${num(ly + 3)}" stroke="${c}" stroke-width="2.5"/>`);
    out.push(`<text x="${num(lx + 14)}" y="${num(ly + 1)}" font-size="10" fill="${COLORS.muted}">${escapeHtml(text)}</text>`);
    lx += 34 + textWidth(text, 10);
  }
  out.push('</svg>');
  return out.join('');
}
