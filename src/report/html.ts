import type Handlebars from 'handlebars';
import type { ScoreResult } from '../core/result.js';
import { isText, type Text } from '../core/types.js';
import { cleanText } from './escape.js';
import { scoreText } from './format.js';
import { handlebarsRuntime, type ReportLang } from './handlebars-env.js';
import type { ReportModel } from './model.js';
import type { ReportData } from './report-data.js';
import { renderTemplate, type RenderOptions } from './render.js';
import { indicatorBars, radarChart, type BarItem, type RadarAxis } from './svg.js';

/** The numbers behind the two charts (unrounded where the caller has them). */
export interface ChartData {
  sections: { title: Text; score: number | null }[];
  /** Ratio indicators only (fractions); yes/no indicators stay in the table. */
  indicators: { title: Text; value: number | null; target?: number; comparison?: string; status?: 'met' | 'missed' | 'unknown' }[];
}

export interface HtmlOptions extends RenderOptions {
  /** Chart numbers; derived from the model's formatted values when absent. */
  charts?: ChartData;
}


const PERCENT = /^\s*(-?\d+(?:\.\d+)?)\s*%\s*$/;
const COMPARED = /^\s*(>=|<=|>|<|≥|≤)\s*(-?\d+(?:\.\d+)?)\s*%\s*$/;

/** Chart numbers from a score result: section scores and ratio indicators with their targets. */
export function chartDataFromResult(result: ScoreResult): ChartData {
  return {
    // as the report's tables show them: a score below the next level's edge never drawn at it (1.7996 is 1.79, not 1.80)
    sections: result.sections.map((s) => ({ title: s.title, score: Number.isFinite(s.score) ? Number(scoreText(s.score, result.scoring.bands)) : null })),
    indicators: result.indicators
      .filter((i) => i.kind === 'ratio')
      .map((i) => ({
        title: i.title,
        value: typeof i.value === 'number' && Number.isFinite(i.value) ? i.value : null,
        ...(typeof i.target === 'number' ? { target: i.target, status: i.met === null || i.met === undefined ? ('unknown' as const) : i.met ? ('met' as const) : ('missed' as const) } : {}),
        ...(i.comparison ? { comparison: i.comparison } : {}),
      })),
  };
}

/** Chart numbers recovered from a report model's formatted values ("41.7%", "> 50.0%"), for callers without a result. */
export function chartDataFromModel(model: ReportModel): ChartData {
  const fromPct = (x: string) => Math.round(Number(x) * 1e4) / 1e6;
  const frac = (s: string | undefined) => {
    const m = s === undefined ? null : PERCENT.exec(s);
    return m ? fromPct(m[1]!) : null;
  };
  return {
    sections: model.sections.map((s) => {
      const v = Number(s.score);
      return { title: s.title, score: s.score !== '' && Number.isFinite(v) ? v : null };
    }),
    indicators: model.indicators
      .filter((i) => PERCENT.test(i.value) || (i.value === '—' && i.target !== undefined))
      .map((i) => {
        const t = i.target === undefined ? null : COMPARED.exec(i.target);
        return {
          title: i.title,
          value: frac(i.value),
          ...(t ? { target: fromPct(t[2]!), comparison: t[1]! } : {}),
          ...(i.status && i.status !== 'counts' ? { status: i.status } : {}),
        };
      }),
  };
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** Label and optional second line for a chart in the report language ('both': Chinese, then English). */
function chartLabel(t: unknown, lang: ReportLang): { label: string; sublabel?: string } {
  if (!isText(t)) return { label: cleanText(typeof t === 'string' ? t : '') };
  const [zh, en] = [cleanText(t.zh), cleanText(t.en)];
  if (lang === 'both') return zh === en ? { label: zh } : { label: zh, sublabel: en };
  return { label: lang === 'zh' ? zh : en };
}
const say = (t: Text, lang: ReportLang) => (lang === 'both' ? (t.zh === t.en ? t.zh : `${t.zh} / ${t.en}`) : t[lang]);

/**
 * Template helpers `radarChart` and `indicatorBars`: they take the template's `charts.sections` / `charts.indicators`
 * (anything else draws nothing) and return SafeStrings of SVG whose every text is escaped by svg.ts.
 */
export function chartHelpers(lang: ReportLang, labels: Readonly<Record<string, Text>>, ui: Readonly<Record<string, Text>>): Record<string, Handlebars.HelperDelegate> {
  const l = (table: Readonly<Record<string, Text>>, key: string) => table[key] ?? { zh: key, en: key };
  return {
    radarChart: (sections: unknown) => {
      const axes: RadarAxis[] = (Array.isArray(sections) ? sections : []).map((s: { title?: unknown; score?: unknown }) => ({ ...chartLabel(s?.title, lang), value: num(s?.score) }));
      return new (handlebarsRuntime().SafeString)(radarChart(axes, { max: 5, rings: 5, title: say(l(ui, 'radarTitle'), lang), missingText: say(l(labels, 'notComputable'), lang) }));
    },
    indicatorBars: (indicators: unknown) => {
      const items: BarItem[] = (Array.isArray(indicators) ? indicators : []).map((i: { title?: unknown; value?: unknown; target?: unknown; comparison?: unknown; status?: unknown }) => ({
        ...chartLabel(i?.title, lang),
        value: num(i?.value),
        target: num(i?.target),
        ...(typeof i?.comparison === 'string' ? { comparison: i.comparison } : {}),
        ...(i?.status === 'met' || i?.status === 'missed' || i?.status === 'unknown' ? { status: i.status } : {}),
      }));
      return new (handlebarsRuntime().SafeString)(
        indicatorBars(items, { title: say(l(ui, 'barsTitle'), lang), targetText: say(l(labels, 'target'), lang), metText: say(l(labels, 'met'), lang), missedText: say(l(labels, 'missed'), lang), missingText: say(l(labels, 'notComputable'), lang) }),
      );
    },
  };
}

/**
 * Self-contained HTML from a report model (also used by `compare` and batch per-company reports). The model's strings
 * are cleaned of bidi overrides, control characters and lone surrogates and escaped as the template writes them
 * (handlebars-env.ts); charts are inline SVG.
 */
export function renderHtmlFromModel(model: ReportModel, opts: HtmlOptions): string {
  const charts = opts.charts ?? chartDataFromModel(model);
  const { charts: _c, ...renderOpts } = opts;
  return renderTemplate({ ...model, charts }, 'html', { ...renderOpts, extraHelpers: { ...chartHelpers(opts.lang, model.labels, model.ui), ...opts.extraHelpers } }, 'report.html.hbs');
}

/** Self-contained HTML report: one file, inline CSS and SVG, no script, prints to A4. */
export function renderHtml(data: ReportData, opts: RenderOptions): string {
  return renderHtmlFromModel(data.model, { ...opts, charts: chartDataFromResult(data.result) });
}

