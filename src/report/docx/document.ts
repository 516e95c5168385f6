/**
 * The DOCX diagnosis report as one docx Document: the chapters of ./sections.ts in order, an empty paragraph between
 * touching tables (Word and WPS merge them otherwise), the styles of ./styles.ts, a header with the report number
 * and confidentiality, page numbers in the footer, and none of either on the cover.
 */
import { AlignmentType, Document, Footer, Header, PageNumber, Paragraph, Table, TextRun } from '../ooxml/index.js';
import type { ReportLang } from '../handlebars-env.js';
import type { ChartData } from '../html.js';
import type { ReportModel } from '../model.js';
import { makeCharts } from './charts.js';
import { answers, cover, headline, method, plan, plantName, readiness, scope, strengthsAndGaps, summary, type Body, type Kit } from './sections.js';
import { COLOR, PAGE, reportStyles } from './styles.js';
import { makeTables } from './tables.js';
import { clean, makeWriter } from './text.js';

export function buildReportDocument(m: ReportModel, charts: ChartData, lang: ReportLang): Document {
  const writer = makeWriter(lang, m.labels, m.ui);
  const tables = makeTables(writer);
  const kit: Kit = { ...writer, ...tables, ...makeCharts(writer, tables, charts) };
  const { say, L } = writer;
  const body: Body = [cover, scope, summary, headline, strengthsAndGaps, plan, readiness, answers, method].flatMap((chapter) => chapter(kit, m));

  // Word and WPS merge two tables that touch: keep an empty paragraph between them.
  const children = body.flatMap((x, i) => (x instanceof Table && body[i + 1] instanceof Table ? [x, new Paragraph({ spacing: { after: 0 }, children: [] })] : [x]));
  const confidentiality = say(m.meta.office ? L('confidentialOffice') : L('confidential'));
  return new Document({
    creator: clean(m.meta.tool),
    lastModifiedBy: clean(m.meta.tool),
    title: `${say(L('title'))} — ${plantName(m)}`,
    subject: clean(m.meta.reportNumber),
    description: confidentiality,
    styles: reportStyles(),
    sections: [
      {
        properties: { page: { size: { width: PAGE.width, height: PAGE.height }, margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.side, right: PAGE.side, header: 708, footer: 708 } }, titlePage: true },
        headers: {
          default: new Header({ children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: `${clean(m.meta.reportNumber)} · ${confidentiality}`, size: 16, color: COLOR.muted })] })] }),
          first: new Header({ children: [new Paragraph('')] }),
        },
        footers: {
          default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT, ' / ', PageNumber.TOTAL_PAGES], size: 16, color: COLOR.muted })] })] }),
          first: new Footer({ children: [new Paragraph('')] }),
        },
        children,
      },
    ],
  });
}
