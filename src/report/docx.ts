/**
 * DOCX report (issue #7), from the same ReportModel as the Markdown and HTML reports, with the `docx` library.
 *
 * - Headings are the built-in Heading1–3 paragraph styles (with outline levels), so Word's navigation pane, WPS's
 *   document map and LibreOffice's navigator list them.
 * - Charts are tables with shaded cells (20 cells = the scale), not images: they need no rasteriser at run time,
 *   render the same in Word, WPS and LibreOffice (SVG images need Word 2016+; WPS and older Word show only a PNG
 *   fallback, which would need text rasterised without a browser), stay editable, print crisply and keep their
 *   numbers as searchable text beside the bars.
 * - Fonts: Calibri for Latin text, SimSun (body) and Microsoft YaHei (headings) for Chinese, declared in the document
 *   defaults and heading styles with w:eastAsia and the eastAsia hint, language zh-CN for East Asian text.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  HeightRule,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type IRunOptions,
  type ParagraphChild,
} from 'docx';
import { isText, type Text } from '../core/types.js';
import type { ReportLang } from './handlebars-env.js';
import type { ReportModel } from './model.js';
import type { ReportData } from './report-data.js';
import { chartDataFromModel, chartDataFromResult, cleanText, type ChartData } from './html.js';

export interface DocxOptions {
  lang: ReportLang;
  /** Chart numbers; derived from the model's formatted values when absent. */
  charts?: ChartData;
}

/** Fonts declared for every run: Latin, East Asian (Chinese) and complex-script slots. */
export const FONTS = {
  body: { ascii: 'Calibri', hAnsi: 'Calibri', cs: 'Calibri', eastAsia: 'SimSun', hint: 'eastAsia' },
  heading: { ascii: 'Calibri', hAnsi: 'Calibri', cs: 'Calibri', eastAsia: 'Microsoft YaHei', hint: 'eastAsia' },
} as const;

const COLOR = { accent: '1F4E8C', muted: '59636E', line: 'D0D7DE', headFill: 'E8EEF6', soft: 'F6F8FA', met: '1A7F37', missed: 'CF4A16', gap: 'F6D5C5', neutral: '8C959F', bar: '1F6FEB', track: 'EEF1F4', target: '8250DF', white: 'FFFFFF' } as const;

/** A4 in twips, 2.2 cm side margins, 2.5 cm top and bottom. */
export const PAGE = { width: 11906, height: 16838, side: 1247, top: 1418, bottom: 1418 } as const;
export const CONTENT = PAGE.width - 2 * PAGE.side;
const BAR_CELLS = 20;

/** Text safe for WordprocessingML: no bidi overrides or control characters, no lone surrogates. */
export const clean = cleanText;


/** Everything the renderer needs that depends on the language. */
function makeWriter(lang: ReportLang) {
  /** Inline text: one language, or "中文 / English" when both. */
  const say = (t: Text | string | undefined): string => {
    if (t === undefined) return '';
    if (!isText(t)) return clean(t);
    if (lang === 'both') return t.zh === t.en ? clean(t.zh) : `${clean(t.zh)} / ${clean(t.en)}`;
    return clean(t[lang]);
  };
  /** Runs for a block of text: both languages on separate lines, the English lighter. */
  const runs = (t: Text | string | undefined, opts: IRunOptions = {}): TextRun[] => {
    if (t === undefined) return [];
    if (!isText(t)) return [new TextRun({ ...opts, text: clean(t) })];
    if (lang === 'both' && t.zh !== t.en) return [new TextRun({ ...opts, text: clean(t.zh) }), new TextRun({ ...opts, text: clean(t.en), break: 1, color: COLOR.muted, size: 18 })];
    return [new TextRun({ ...opts, text: clean(lang === 'both' ? t.zh : t[lang]) })];
  };
  return { say, runs };
}

type Cell = string | Text | Paragraph[] | { content: string | Text | Paragraph[]; fill?: string; bold?: boolean; align?: 'right' | 'center' };

/** The docx builder for one report; kept in a closure so that every text goes through the same language rules. */
function build(model: ReportModel, charts: ChartData, lang: ReportLang): Document {
  const { say, runs } = makeWriter(lang);
  const L = lookup(model.labels);
  const U = lookup(model.ui);

  const p = (children: ParagraphChild[] | string | Text, extra: Omit<ConstructorParameters<typeof Paragraph>[0] & object, 'children' | 'text'> = {}) =>
    new Paragraph({ ...extra, children: typeof children === 'string' || isText(children) ? runs(children) : children });
  const h1 = (n: number | null, t: Text, pageBreak = false) => new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: pageBreak, children: [new TextRun({ text: n === null ? say(t) : `${n}. ${say(t)}` })] });
  const h2 = (t: string) => new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun({ text: t })] });
  const h3 = (t: string) => new Paragraph({ heading: HeadingLevel.HEADING_3, children: [new TextRun({ text: t })] });
  const bullet = (children: TextRun[] | string | Text) => new Paragraph({ bullet: { level: 0 }, children: Array.isArray(children) ? children : runs(children) });
  const small = (t: string | Text) => new Paragraph({ children: runs(t, { size: 18, color: COLOR.muted }) });
  const caption = (t: Text) => new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: runs(t, { size: 18, color: COLOR.muted, italics: true }) });

  const cellParas = (c: Cell): { paras: Paragraph[]; fill?: string } => {
    const spec = typeof c === 'object' && !Array.isArray(c) && !isText(c) ? c : { content: c };
    const align = spec.align === 'right' ? AlignmentType.RIGHT : spec.align === 'center' ? AlignmentType.CENTER : undefined;
    const content = spec.content;
    const paras = Array.isArray(content) ? content : [new Paragraph({ ...(align ? { alignment: align } : {}), children: runs(content, spec.bold ? { bold: true } : {}) })];
    return { paras, ...(spec.fill ? { fill: spec.fill } : {}) };
  };

  /** A real table: a repeated header row, rows that do not split across pages, fixed column widths (twips). */
  const table = (headers: (string | Text)[] | null, rows: Cell[][], widths: number[]) => {
    const total = widths.reduce((a, b) => a + b, 0);
    const scaled = widths.map((w) => Math.floor((w / total) * CONTENT));
    const mk = (c: Cell, i: number, head: boolean) => {
      const { paras, fill } = cellParas(head ? { content: c as string | Text, bold: true } : c);
      return new TableCell({
        children: paras,
        width: { size: scaled[i] ?? 0, type: WidthType.DXA },
        margins: { top: 40, bottom: 40, left: 80, right: 80 },
        ...(head ? { shading: { fill: COLOR.headFill, type: ShadingType.CLEAR, color: 'auto' } } : fill ? { shading: { fill, type: ShadingType.CLEAR, color: 'auto' } } : {}),
      });
    };
    const line = { style: BorderStyle.SINGLE, size: 4, color: COLOR.line };
    return new Table({
      width: { size: CONTENT, type: WidthType.DXA },
      columnWidths: scaled,
      layout: TableLayoutType.FIXED,
      borders: { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line },
      rows: [
        ...(headers ? [new TableRow({ tableHeader: true, cantSplit: true, children: headers.map((h, i) => mk(h, i, true)) })] : []),
        ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c, i) => mk(c, i, false)) })),
      ],
    });
  };

  /**
   * A horizontal bar chart as a table: label | 20 shaded cells (the scale) | value text. `fill(i)` gives cell i's
   * colour; `marker` draws the target as a thick right border after that cell.
   */
  const barChart = (rows: { label: Text | string; cells: (string | undefined)[]; marker?: number; text: string }[], scaleText: string[]) => {
    const labelW = 2900;
    const textW = 1900;
    const cellW = Math.floor((CONTENT - labelW - textW) / BAR_CELLS);
    const none = { style: BorderStyle.NONE, size: 0, color: 'auto' };
    const white = { style: BorderStyle.SINGLE, size: 12, color: COLOR.white };
    const widths = [labelW, ...Array<number>(BAR_CELLS).fill(cellW), textW];
    const scaleRow = new TableRow({
      tableHeader: true,
      children: [
        new TableCell({ children: [new Paragraph('')], width: { size: labelW, type: WidthType.DXA }, borders: { top: none, bottom: none, left: none, right: none } }),
        ...scaleText.map((s) => new TableCell({ columnSpan: BAR_CELLS / (scaleText.length), children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: s, size: 14, color: COLOR.muted })] })], width: { size: cellW * (BAR_CELLS / scaleText.length), type: WidthType.DXA }, borders: { top: none, bottom: none, left: none, right: none } })),
        new TableCell({ children: [new Paragraph('')], width: { size: textW, type: WidthType.DXA }, borders: { top: none, bottom: none, left: none, right: none } }),
      ],
    });
    return new Table({
      width: { size: CONTENT, type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      borders: { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none },
      rows: [
        scaleRow,
        ...rows.map(
          (r) =>
            new TableRow({
              cantSplit: true,
              height: { value: 340, rule: HeightRule.ATLEAST },
              children: [
                new TableCell({ verticalAlign: VerticalAlign.CENTER, width: { size: labelW, type: WidthType.DXA }, margins: { right: 100 }, children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: runs(r.label, { size: 18 }) })] }),
                ...r.cells.map(
                  (fill, i) =>
                    new TableCell({
                      width: { size: cellW, type: WidthType.DXA },
                      children: [new Paragraph({ children: [new TextRun({ text: '', size: 12 })] })],
                      shading: { fill: fill ?? COLOR.track, type: ShadingType.CLEAR, color: 'auto' },
                      borders: { top: white, bottom: white, left: none, right: r.marker === i ? { style: BorderStyle.SINGLE, size: 24, color: COLOR.target } : none },
                    }),
                ),
                new TableCell({ verticalAlign: VerticalAlign.CENTER, width: { size: textW, type: WidthType.DXA }, margins: { left: 100 }, children: [new Paragraph({ children: [new TextRun({ text: r.text, size: 18 })] })] }),
              ],
            }),
        ),
      ],
    });
  };
  const filled = (x: number | null, max: number) => (x === null || !Number.isFinite(x) ? 0 : Math.max(0, Math.min(BAR_CELLS, Math.round((x / max) * BAR_CELLS))));
  const pctText = (x: number) => `${(Math.round(x * 1000) / 10).toFixed(1)}%`;

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

  const m = model;
  const company = `${clean(m.plant.company)}${m.plant.site ? ` · ${clean(m.plant.site)}` : ''}`;
  const levelLine = say(m.headline.statement);
  const body: (Paragraph | Table)[] = [];

  // Cover.
  body.push(p([new TextRun({ text: `${say(L('reportNumber'))}: ${clean(m.meta.reportNumber)}`, color: COLOR.muted, size: 18 })], { alignment: AlignmentType.RIGHT }));
  body.push(new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, spacing: { before: 1600, after: 300 }, children: runs(L('title')) }));
  body.push(p([new TextRun({ text: company, size: 32 })], { alignment: AlignmentType.CENTER, spacing: { after: 400 } }));
  body.push(
    table(
      null,
      [
        [{ content: L('company'), bold: true, fill: COLOR.soft }, company],
        [{ content: L('reportNumber'), bold: true, fill: COLOR.soft }, clean(m.meta.reportNumber)],
        [{ content: L('date'), bold: true, fill: COLOR.soft }, clean(m.meta.date)],
        [{ content: L('industry'), bold: true, fill: COLOR.soft }, `${say(m.plant.industry)}${m.plant.sector ? ` (${clean(m.plant.sector)})` : ''}`],
        ...(m.plant.region ? [[{ content: L('region'), bold: true, fill: COLOR.soft }, clean(m.plant.region)] as Cell[]] : []),
      ],
      [3, 7],
    ),
  );
  body.push(p([new TextRun({ text: say(m.meta.office ? L('confidentialOffice') : L('confidential')), bold: true, color: COLOR.missed })], { alignment: AlignmentType.CENTER, spacing: { before: 400, after: 400 }, border: { top: { style: BorderStyle.SINGLE, size: 12, color: COLOR.missed, space: 4 }, bottom: { style: BorderStyle.SINGLE, size: 12, color: COLOR.missed, space: 4 } } }));
  const sign = (who: Text, name = ''): Cell[] => [{ content: who, bold: true }, name, '', ''];
  body.push(table([L('signOff'), U('name'), U('signature'), U('signDate')], [sign(L('assessor'), clean(m.plant.assessor ?? '')), sign(L('reviewer')), sign(L('clientRep'))], [3, 3, 3, 2]));
  body.push(p([new TextRun({ text: clean(m.meta.tool), color: COLOR.muted, size: 16 })], { alignment: AlignmentType.CENTER, spacing: { before: 400 } }));

  // 1. Scope.
  body.push(h1(1, L('scope'), true));
  const kv = (k: Text, v: string | Text | Paragraph[]): Cell[] => [{ content: k, bold: true, fill: COLOR.soft }, v];
  body.push(
    table(
      null,
      [
        kv(L('assessmentDate'), clean(m.plant.date ?? '')),
        ...(m.plant.interviewees ? [kv(L('interviewees'), clean(m.plant.interviewees))] : []),
        kv(L('questionnaire'), m.scope.questionnaire),
        kv(L('mode'), m.scope.mode),
        kv(L('scoringProfile'), m.scope.scoring),
        kv(L('targetProfile'), `${say(m.scope.targets)} — ${clean(m.scope.targetsSource)}${m.scope.targetsNote ? ` ${say(m.scope.targetsNote)}` : ''}`),
        kv(L('completeness'), clean(m.scope.completeness)),
        ...(m.scope.evidence ? [kv(L('evidence'), m.scope.evidence)] : []),
      ],
      [3, 7],
    ),
  );

  // 2. Summary.
  body.push(h1(2, L('summary')));
  body.push(p(m.summary.text ? clean(m.summary.text) : m.summary.generated));
  if (m.summary.expertOpinion) {
    body.push(h2(say(L('expertOpinion'))));
    body.push(p(clean(m.summary.expertOpinion)));
  }

  // 3. Headline, sections, indicators.
  body.push(h1(3, L('headline'), true));
  body.push(p([new TextRun({ text: levelLine, bold: true, size: 28, color: COLOR.accent })], { spacing: { after: 120 } }));
  if (m.headline.caveat) body.push(p(runs(m.headline.caveat, { bold: true, color: COLOR.missed })));
  if (m.headline.stated) body.push(p(m.headline.meaning));
  if (m.headline.margin) body.push(p(m.headline.margin));
  if (m.headline.fragility) body.push(p(m.headline.fragility));
  if (m.disagreements.length) {
    body.push(p(m.headline.caveat ? '' : ''));
    for (const d of m.disagreements) body.push(bullet(d));
  }
  body.push(h2(say(L('tiers'))));
  body.push(small(m.tiers.intro));
  body.push(table([L('tierName'), L('tierLevel'), L('tierOther')], m.tiers.rows.map((t) => [t.name, t.condition, t.otherConditions.map(say).join('；')]), [2, 3, 5]));
  if (m.position) {
    body.push(p(m.position.sentence));
    body.push(small(m.position.caveat));
  }
  body.push(h2(say(L('sections'))));
  if (charts.sections.length) {
    body.push(sectionChart());
    body.push(caption(U('radarTitle')));
  }
  body.push(table([U('section'), L('score'), L('level')], m.sections.map((s) => [s.title, { content: clean(s.score), align: 'right' }, { content: String(s.level), align: 'right' }]), [6, 2, 2]));
  body.push(h2(say(L('indicators'))));
  body.push(small(L('reference')));
  if (charts.indicators.length) {
    body.push(indicatorChart());
    body.push(legend());
    body.push(caption(U('barsTitle')));
  }
  const status = (s: string | undefined, gap: Text | undefined, text: Text | undefined): Cell =>
    s === 'met'
      ? { content: [new Paragraph({ children: [new TextRun({ text: `✓ ${say(L('met'))}`, color: COLOR.met, bold: true })] })] }
      : s === 'missed'
        ? { content: [new Paragraph({ children: [new TextRun({ text: `✗ ${say(L('missed'))}`, color: COLOR.missed, bold: true }), new TextRun({ text: gap ? ` (${say(gap)})` : '' })] })] }
        : s === 'counts' && text
          ? say(text)
          : s === 'unknown'
            ? say(L('notComputable'))
            : '';
  body.push(
    table(
      [U('indicator'), L('value'), L('target'), L('status')],
      m.indicators.map((i) => [
        [new Paragraph({ children: runs(i.title) }), new Paragraph({ children: [new TextRun({ text: `${say(L('formula'))}: ${clean(i.formula)}`, size: 16, color: COLOR.muted })] })],
        i.valueText ? say(i.valueText) : { content: clean(i.value), align: 'right' },
        i.target && i.status !== 'counts' ? `${clean(i.target)} (${i.year ?? ''}${i.population ? `, ${say(i.population)}` : ''})` : '',
        status(i.status, i.gap, i.statusText),
      ]),
      [4, 1.4, 3.2, 1.8],
    ),
  );

  // 4–5. Strengths and gaps.
  body.push(h1(4, L('strengths'), true));
  for (const s of m.strengths) body.push(bullet(s));
  body.push(h1(5, L('gaps')));
  for (const g of m.gaps.lines) body.push(bullet(g));
  if (m.gaps.more) body.push(small(m.gaps.more));
  if (m.missedTargets.length) body.push(table([U('indicator'), L('value'), L('target'), U('gap')], m.missedTargets.map((x) => [x.title, { content: clean(x.value), align: 'right' }, clean(x.target), { content: say(x.gap), align: 'right' }]), [5, 1.6, 1.8, 1.6]));

  // 6. Plan.
  body.push(h1(6, L('plan'), true));
  for (const group of m.planByLevel) {
    body.push(h2(say(group.level)));
    for (const it of group.items) {
      body.push(h3(`${say(it.title)}${it.consultant ? ` (${say(L('consultant'))})` : ''}`));
      body.push(
        p(
          [
            `${say(L('phase'))}: ${say(it.phase)}${it.rephased ? ` (${say(L('rephased'))})` : ''}`,
            `${say(L('priority'))}: ${it.priority}`,
            ...(it.programme ? [`${say(L('programme'))}: ${say(it.programme)}`] : []),
            ...(it.projectType ? [`${say(L('projectType'))}: ${say(it.projectType)}`] : []),
          ].map((t, i) => new TextRun({ text: i ? ` · ${t}` : t, size: 18, color: COLOR.muted })),
        ),
      );
      body.push(p(it.rationale));
      const rows: Cell[][] = [];
      const list = (xs: Text[]) => xs.map((x) => new Paragraph({ bullet: { level: 0 }, children: runs(x) }));
      if (it.measures.length) rows.push([{ content: L('measures'), bold: true, fill: COLOR.soft }, list(it.measures)]);
      if (it.hardware.length) rows.push([{ content: L('hardware'), bold: true, fill: COLOR.soft }, list(it.hardware)]);
      if (it.software.length) rows.push([{ content: L('software'), bold: true, fill: COLOR.soft }, list(it.software)]);
      if (it.integration.length) rows.push([{ content: L('integration'), bold: true, fill: COLOR.soft }, list(it.integration)]);
      if (it.investment) rows.push([{ content: L('investment'), bold: true, fill: COLOR.soft }, clean(it.investment)]);
      if (it.benefits) rows.push([{ content: L('benefits'), bold: true, fill: COLOR.soft }, it.benefits]);
      if (it.prerequisites.length) rows.push([{ content: L('prerequisites'), bold: true, fill: COLOR.soft }, it.prerequisites.map(say).join('；')]);
      if (rows.length) body.push(table(null, rows, [2.2, 7.8]));
    }
  }
  body.push(h2(say(L('support'))));
  if (m.withheld) body.push(small(m.withheld));
  if (m.support.length) for (const s of m.support) body.push(bullet(`${say(s.name)}${s.source ? `（${clean(s.source)}）` : ''}${s.status ? ` — ${say(s.status)}` : ''}`));
  else body.push(bullet(L('none')));

  // 7. Readiness.
  body.push(h1(7, L('readiness'), true));
  for (const r of m.readiness) {
    body.push(h2(`${say(r.title)} (${r.met}/${r.total})`));
    if (r.source) body.push(small(r.source));
    body.push(table([U('criterion'), L('status')], r.criteria.map((c) => [c.title, { content: [new Paragraph({ children: [new TextRun({ text: c.met ? '✓ ' : '○ ', color: c.met ? COLOR.met : COLOR.muted, bold: true }), ...runs(c.status)] })] }]), [7, 3]));
  }

  // 8. Answers.
  body.push(h1(8, L('answers'), true));
  for (const s of m.answers) {
    body.push(h2(say(s.title)));
    body.push(
      table(
        [U('question'), U('answer')],
        s.items.map((it) => [
          it.question,
          [
            ...(it.list ? it.list.map((x) => new Paragraph({ bullet: { level: 0 }, children: runs(x, { bold: true }) })) : [new Paragraph({ children: runs(it.answer, { bold: true }) })]),
            ...(it.note ? [new Paragraph({ children: [new TextRun({ text: `${say(L('note'))}: ${clean(it.note)}`, size: 18, color: COLOR.muted })] })] : []),
            ...(it.evidence ? [new Paragraph({ children: [new TextRun({ text: `${say(L('evidence'))}: ${say(it.evidence)}`, size: 18, color: COLOR.muted })] })] : []),
          ],
        ]),
        [5, 5],
      ),
    );
  }

  // 9. Method.
  body.push(h1(9, L('method'), true));
  body.push(p(m.method.rule));
  body.push(h2(say(U('levelScores'))));
  body.push(table(['L1', 'L2', 'L3', 'L4', 'L5'], [m.method.levelScores.map((l) => ({ content: `${clean(l.score)}${l.counted ? '' : '*'}`, align: 'right' as const }))], [1, 1, 1, 1, 1]));
  body.push(h2(say(U('subdomainContrib'))));
  body.push(
    table(
      [U('subdomain'), 'w', 'L1', 'L2', 'L3', 'L4', 'L5', L('level')],
      m.method.subdomains.map((s) => [s.name, { content: String(s.weight), align: 'right' }, ...s.contributions.map((c) => ({ content: clean(c), align: 'right' as const })), { content: String(s.level), align: 'right' }]),
      [3.2, 0.8, 1, 1, 1, 1, 1, 1],
    ),
  );
  if (m.method.weights) body.push(p(m.method.weights));
  if (m.method.excluded.length || m.method.excludedSummary.length) {
    body.push(h2(say(L('excluded'))));
    for (const e of m.method.excludedSummary) body.push(p(e));
    for (const e of m.method.excluded) body.push(bullet(`${say(e.question)}: ${say(e.reason)}`));
  }
  if (m.method.findings) {
    body.push(h2(say(L('findings'))));
    body.push(p(m.method.findings.count));
    for (const f of m.method.findings.list) body.push(bullet(f));
  }
  body.push(h2(say(L('priority'))));
  body.push(p(m.method.priority));
  body.push(h2(say(L('unconfirmed'))));
  for (const u of m.method.unconfirmed) body.push(bullet(u));
  body.push(p([new TextRun({ text: `${clean(m.meta.reportNumber)} · ${clean(m.meta.date)} · ${clean(m.meta.tool)}`, size: 16, color: COLOR.muted })], { spacing: { before: 400 } }));

  // Word and WPS merge two tables that touch: keep an empty paragraph between them.
  const children = body.flatMap((x, i) => (x instanceof Table && body[i + 1] instanceof Table ? [x, new Paragraph({ spacing: { after: 0 }, children: [] })] : [x]));
  const headingRun = (size: number) => ({ font: FONTS.heading, size, bold: true, color: COLOR.accent });
  return new Document({
    creator: clean(m.meta.tool),
    lastModifiedBy: clean(m.meta.tool),
    title: `${say(L('title'))} — ${company}`,
    subject: clean(m.meta.reportNumber),
    description: say(m.meta.office ? L('confidentialOffice') : L('confidential')),
    styles: {
      default: {
        document: {
          run: { font: FONTS.body, size: 21, language: { value: 'en-US', eastAsia: 'zh-CN' } },
          paragraph: { spacing: { after: 100, line: 312 } },
        },
        title: { run: { font: FONTS.heading, size: 44, bold: true, color: COLOR.accent }, paragraph: { alignment: AlignmentType.CENTER } },
        heading1: { run: headingRun(32), paragraph: { spacing: { before: 360, after: 180 }, keepNext: true, keepLines: true, outlineLevel: 0 } },
        heading2: { run: headingRun(26), paragraph: { spacing: { before: 280, after: 120 }, keepNext: true, keepLines: true, outlineLevel: 1 } },
        heading3: { run: { ...headingRun(22), color: '1F2328' }, paragraph: { spacing: { before: 220, after: 80 }, keepNext: true, keepLines: true, outlineLevel: 2 } },
      },
    },
    sections: [
      {
        properties: { page: { size: { width: PAGE.width, height: PAGE.height }, margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.side, right: PAGE.side, header: 708, footer: 708 } }, titlePage: true },
        headers: {
          default: new Header({ children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: `${clean(m.meta.reportNumber)} · ${say(m.meta.office ? L('confidentialOffice') : L('confidential'))}`, size: 16, color: COLOR.muted })] })] }),
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

/** A wording table as a function of its keys (the wording schema guarantees every key the layout uses). */
const lookup = (table: Readonly<Record<string, Text>>) => (key: string): Text => table[key] ?? { zh: key, en: key };

/** DOCX bytes from a report model (also for `compare` and batch per-company reports). */
export async function renderDocxFromModel(model: ReportModel, opts: DocxOptions): Promise<Uint8Array> {
  const doc = build(model, opts.charts ?? chartDataFromModel(model), opts.lang);
  return new Uint8Array(await Packer.toBuffer(doc));
}

/** DOCX report (issue #7). */
export async function renderDocx(data: ReportData, opts: { lang: ReportLang }): Promise<Uint8Array> {
  return renderDocxFromModel(data.model, { lang: opts.lang, charts: chartDataFromResult(data.result) });
}
