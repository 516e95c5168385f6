/**
 * The DOCX diagnosis report, from the same ReportModel as the Markdown and HTML reports, written by our own OOXML
 * writer (src/report/ooxml/: XML text straight from the builders, a small ZIP writer; no `docx` library).
 * The document is put together in src/report/docx/: styles (fonts, colours, A4), text (language rules and paragraph
 * kinds), tables and charts (bar charts as shaded-cell tables, not images), sections (the chapters) and document.
 */
import { packDocx } from './ooxml/index.js';
import type { ReportLang } from './handlebars-env.js';
import { chartDataFromModel, chartDataFromResult, type ChartData } from './html.js';
import type { ReportModel } from './model.js';
import type { ReportData } from './report-data.js';
import { buildReportDocument } from './docx/document.js';

export { CONTENT, FONTS, PAGE } from './docx/styles.js';
export { clean } from './docx/text.js';

export interface DocxOptions {
  lang: ReportLang;
  /** Chart numbers; derived from the model's formatted values when absent. */
  charts?: ChartData;
}

/** DOCX bytes from a report model (also for batch per-company reports). */
export async function renderDocxFromModel(model: ReportModel, opts: DocxOptions): Promise<Uint8Array> {
  const doc = buildReportDocument(model, opts.charts ?? chartDataFromModel(model), opts.lang);
  return packDocx(doc);
}

/** The DOCX diagnosis report of `zhizao report --format docx`. */
export async function renderDocx(data: ReportData, opts: { lang: ReportLang }): Promise<Uint8Array> {
  return renderDocxFromModel(data.model, { lang: opts.lang, charts: chartDataFromResult(data.result) });
}
