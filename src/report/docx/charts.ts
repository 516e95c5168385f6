/** The two charts of the DOCX report as shaded-cell tables (./tables.ts): section scores, and indicators against targets. */
import { AlignmentType, Paragraph, TextRun } from '../ooxml/index.js';
import type { ChartData } from '../html.js';
import { COLOR } from './styles.js';
import { BAR_CELLS, type Tables } from './tables.js';
import type { Writer } from './text.js';

const filled = (x: number | null, max: number) => (x === null || !Number.isFinite(x) ? 0 : Math.max(0, Math.min(BAR_CELLS, Math.round((x / max) * BAR_CELLS))));
const pctText = (x: number) => `${(Math.round(x * 1000) / 10).toFixed(1)}%`;

export function makeCharts(w: Writer, { barChart }: Tables, charts: ChartData) {
  const { say, L, U } = w;
  const sectionChart = () =>
    barChart(
      charts.sections.map((s) => {
        const n = filled(s.score, 5);
        return { label: s.title, cells: Array.from({ length: BAR_CELLS }, (_, i) => (i < n ? COLOR.bar : undefined)), text: s.score === null ? say(L('notComputable')) : s.score.toFixed(2) };
      }),
      ['1', '2', '3', '4', '5'],
    );
  const indicatorChart = () =>
    barChart(
      charts.indicators.map((ind) => {
        const n = filled(ind.value, 1);
        const t = ind.target === undefined ? null : filled(ind.target, 1);
        const color = ind.status === 'met' ? COLOR.met : ind.status === 'missed' ? COLOR.missed : COLOR.neutral;
        return {
          label: ind.title,
          cells: Array.from({ length: BAR_CELLS }, (_, i) => (i < n ? color : t !== null && i < t ? COLOR.gap : undefined)),
          ...(t !== null && t > 0 ? { marker: t - 1 } : {}),
          text: `${ind.value === null ? say(L('notComputable')) : pctText(ind.value)}${ind.target !== undefined ? ` / ${ind.comparison ?? ''} ${pctText(ind.target)}`.replace('  ', ' ') : ''}`,
        };
      }),
      ['25%', '50%', '75%', '100%'],
    );
  const legend = () =>
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [
        new TextRun({ text: '■ ', color: COLOR.met, size: 18 }),
        new TextRun({ text: `${say(L('met'))}   `, size: 18 }),
        new TextRun({ text: '■ ', color: COLOR.missed, size: 18 }),
        new TextRun({ text: `${say(L('missed'))}   `, size: 18 }),
        new TextRun({ text: '■ ', color: COLOR.gap, size: 18 }),
        new TextRun({ text: `${say(U('gap'))}   `, size: 18 }),
        new TextRun({ text: '▌ ', color: COLOR.target, size: 18 }),
        new TextRun({ text: say(L('target')), size: 18 }),
      ],
    });
  return { sectionChart, indicatorChart, legend, hasSections: charts.sections.length > 0, hasIndicators: charts.indicators.length > 0 };
}

export type Charts = ReturnType<typeof makeCharts>;
