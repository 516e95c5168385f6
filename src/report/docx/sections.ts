/**
 * The chapters of the DOCX diagnosis report, from the ReportModel (the same model as the Markdown and HTML reports):
 * each a list of paragraphs and tables, in the order the document shows them (./document.ts puts them together).
 */
import { AlignmentType, BorderStyle, HeadingLevel, Paragraph, Table, TextRun } from '../ooxml/index.js';
import type { Text } from '../../core/types.js';
import type { ReportModel } from '../model.js';
import type { Charts } from './charts.js';
import { COLOR } from './styles.js';
import type { Cell, Tables } from './tables.js';
import { clean, type Writer } from './text.js';

/** What a chapter is built with: the writer's text rules, tables and charts. */
export type Kit = Writer & Tables & Charts;
export type Body = (Paragraph | Table)[];

/** The plant as the cover and the document properties name it: company · site. */
export const plantName = (m: ReportModel) => `${clean(m.plant.company)}${m.plant.site ? ` · ${clean(m.plant.site)}` : ''}`;

/** The cover: report number, title, plant, key facts, confidentiality, sign-off. */
export function cover(k: Kit, m: ReportModel): Body {
  const company = plantName(m);
  const { say, runs, L, U, p, table } = k;
  const body: Body = [];
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
  body.push(p([new TextRun({ text: say(m.meta.generatedBy), color: COLOR.muted, size: 16 })], { alignment: AlignmentType.CENTER, spacing: { before: 400 } }));
  return body;
}

/** 1. Scope of the assessment. */
export function scope(k: Kit, m: ReportModel): Body {
  const { say, L, h1, table, kv } = k;
  const body: Body = [];
  body.push(h1(1, L('scope'), true));
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
  return body;
}

/** 2. Summary, and the expert opinion when given. */
export function summary(k: Kit, m: ReportModel): Body {
  const { say, L, p, h1, h2 } = k;
  const body: Body = [];
  body.push(h1(2, L('summary')));
  body.push(p(m.summary.text ? clean(m.summary.text) : m.summary.generated));
  if (m.summary.expertOpinion) {
    body.push(h2(say(L('expertOpinion'))));
    body.push(p(clean(m.summary.expertOpinion)));
  }
  return body;
}

/** 3. The headline level, tiers, sections and indicators with their charts. */
export function headline(k: Kit, m: ReportModel): Body {
  const { say, sayList, runs, L, U, p, h1, h2, bullet, small, caption, table, sectionChart, indicatorChart, legend, hasSections, hasIndicators } = k;
  const body: Body = [];
  body.push(h1(3, L('headline'), true));
  body.push(p([new TextRun({ text: say(m.headline.statement), bold: true, size: 28, color: COLOR.accent })], { spacing: { after: 120 } }));
  if (m.headline.caveat) body.push(p(runs(m.headline.caveat, { bold: true, color: COLOR.missed })));
  if (m.headline.meaning) body.push(p(m.headline.meaning));
  if (m.headline.method) body.push(small(m.headline.method));
  if (m.headline.margin) body.push(p(m.headline.margin));
  if (m.headline.fragility) body.push(p(m.headline.fragility));
  if (m.headline.otherProfiles) body.push(p(m.headline.otherProfiles));
  if (m.disagreements.length) {
    body.push(p(m.headline.caveat ? '' : ''));
    for (const d of m.disagreements) body.push(bullet(d));
  }
  body.push(h2(say(L('tiers'))));
  body.push(small(m.tiers.intro));
  body.push(table([L('tierName'), L('tierLevel'), L('tierOther')], m.tiers.rows.map((t) => [t.name, t.condition, sayList(t.otherConditions)]), [2, 3, 5]));
  if (m.tiers.projected) body.push(p(m.tiers.projected));
  if (m.position) {
    body.push(p(m.position.sentence));
    body.push(small(m.position.caveat));
  }
  body.push(h2(say(L('sections'))));
  if (hasSections) {
    body.push(sectionChart());
    body.push(caption(U('radarTitle')));
  }
  body.push(table([U('section'), L('score'), L('level')], m.sections.map((s) => [s.title, { content: clean(s.score), align: 'right' }, { content: say(s.levelShown), align: 'right' }]), [6, 2, 2]));
  body.push(h2(say(L('indicators'))));
  body.push(small(L('reference')));
  if (hasIndicators) {
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
        [new Paragraph({ children: runs(i.title) }), ...(i.basis ? [new Paragraph({ children: [new TextRun({ text: `${say(L('indicatorBasis'))}: ${say(i.basis)}`, size: 16, color: COLOR.muted })] })] : [])],
        i.valueText ? say(i.valueText) : { content: clean(i.value), align: 'right' },
        i.target ? `${clean(i.target)} (${i.year ?? ''}${i.population ? `, ${say(i.population)}` : ''})` : '',
        status(i.status, i.gap, i.statusText),
      ]),
      [4, 1.4, 3.2, 1.8],
    ),
  );
  return body;
}

/** 4–5. Strengths and gaps. */
export function strengthsAndGaps(k: Kit, m: ReportModel): Body {
  const { say, L, U, h1, bullet, small, table } = k;
  const body: Body = [];
  body.push(h1(4, L('strengths'), true));
  for (const s of m.strengths) body.push(bullet(s));
  body.push(h1(5, L('gaps')));
  for (const g of m.gaps.lines) body.push(bullet(g));
  if (m.gaps.more) body.push(small(m.gaps.more));
  if (m.missedTargets.length) body.push(table([U('indicator'), L('value'), L('target'), U('gap')], m.missedTargets.map((x) => [x.title, { content: clean(x.value), align: 'right' }, clean(x.target), { content: say(x.gap), align: 'right' }]), [5, 1.6, 1.8, 1.6]));
  return body;
}

/** 6. The plan by phase (how to read it, duties, investment and projection per phase, each project), and support schemes. */
export function plan(k: Kit, m: ReportModel): Body {
  const { say, sayList, runs, L, p, h1, h2, h3, bullet, small, table } = k;
  const body: Body = [];
  body.push(h1(6, L('plan'), true));
  const plan = m.plan;
  if (!plan) body.push(p(L('none')));
  else {
    for (const line of plan.intro) body.push(p(line));
    if (plan.duties.length) {
      body.push(h2(say(L('duties'))));
      for (const d of plan.duties) {
        body.push(bullet(d.line));
        body.push(small({ zh: `${L('dutyCheck').zh}：${d.check.zh}`, en: `${L('dutyCheck').en}: ${d.check.en}` }));
      }
      if (plan.dutiesNote) body.push(small(plan.dutiesNote));
    }
    body.push(h2(say(L('phaseTotals'))));
    body.push(table([L('phase'), { zh: `${L('count').zh} · ${L('investment').zh}`, en: `${L('count').en} · ${L('investment').en}` }, L('projected')], plan.phases.map((ph) => [ph.phase, ph.summary, ph.projected ?? '—']), [3, 4, 4]));
    if (plan.total) body.push(p(plan.total));
    body.push(small(plan.projectionNote));
    for (const group of plan.phases) {
      if (!group.items.length) continue;
      body.push(h2(say(group.phase)));
      for (const it of group.items) {
        body.push(h3(`${say(it.title)}${it.consultant ? ` (${say(L('consultant'))})` : ''}`));
        body.push(
          p(
            [
              `${say(L('retrofitLevel'))}: ${say(it.retrofitLevel)}`,
              ...(it.programme ? [`${say(L('programme'))}: ${say(it.programme)}`] : []),
              ...(it.projectType ? [`${say(L('projectType'))}: ${say(it.projectType)}`] : []),
              `${say(L('priority'))}: ${it.priority}${it.rephased ? ` (${say(L('rephased'))})` : ''}`,
              ...(it.serves ? [`${say(L('serves'))}: ${say(it.serves)}`] : []),
            ].map((t, i) => new TextRun({ text: i ? ` · ${t}` : t, size: 18, color: COLOR.muted })),
          ),
        );
        if (it.laterReason) body.push(small({ zh: `${L('laterReason').zh}：${it.laterReason.zh}`, en: `${L('laterReason').en}: ${it.laterReason.en}` }));
        if (it.phaseReason) body.push(small({ zh: `${L('phaseReason').zh}：${it.phaseReason.zh}`, en: `${L('phaseReason').en}: ${it.phaseReason.en}` }));
        const rows: Cell[][] = [];
        const list = (xs: Text[]) => xs.map((x) => new Paragraph({ bullet: { level: 0 }, children: runs(x) }));
        const why = it.evidence.length ? list(it.evidence) : [new Paragraph({ children: runs(it.rationale) })];
        // the office report's note that statements resting on confidential answers are left out: a note, not a bullet
        if (it.withheld) why.push(new Paragraph({ children: [new TextRun({ text: say(it.withheld), size: 18, color: COLOR.muted })] }));
        rows.push([{ content: L('why'), bold: true, fill: COLOR.soft }, why]);
        if (it.measures.length) rows.push([{ content: L('measures'), bold: true, fill: COLOR.soft }, list(it.measures)]);
        if (it.hardware.length) rows.push([{ content: L('hardware'), bold: true, fill: COLOR.soft }, list(it.hardware)]);
        if (it.software.length) rows.push([{ content: L('software'), bold: true, fill: COLOR.soft }, list(it.software)]);
        if (it.integration.length) rows.push([{ content: L('integration'), bold: true, fill: COLOR.soft }, list(it.integration)]);
        if (it.investment) rows.push([{ content: L('investment'), bold: true, fill: COLOR.soft }, it.investment]);
        if (it.benefits) rows.push([{ content: L('benefits'), bold: true, fill: COLOR.soft }, it.benefits]);
        if (it.prerequisites.length) rows.push([{ content: L('prerequisites'), bold: true, fill: COLOR.soft }, sayList(it.prerequisites)]);
        body.push(table(null, rows, [2.2, 7.8]));
      }
    }
  }
  body.push(h2(say(L('support'))));
  if (m.withheld) body.push(small(m.withheld));
  if (m.support.length) for (const s of m.support) body.push(bullet(`${say(s.name)}${s.source ? `（${clean(s.source)}）` : ''}${s.status ? ` — ${say(s.status)}` : ''}`));
  else body.push(bullet(L('none')));
  return body;
}

/** 7. Readiness for the smart-workshop and smart-factory criteria. */
export function readiness(k: Kit, m: ReportModel): Body {
  const { say, runs, L, U, h1, h2, small, table } = k;
  const body: Body = [];
  body.push(h1(7, L('readiness'), true));
  for (const r of m.readiness) {
    body.push(h2(`${say(r.title)}${say(r.count)}`));
    if (r.source) body.push(small(r.source));
    body.push(table([U('criterion'), L('status')], r.criteria.map((c) => [c.title, { content: [new Paragraph({ children: [new TextRun({ text: c.withheld ? '· ' : c.met ? '✓ ' : '○ ', color: c.met ? COLOR.met : COLOR.muted, bold: true }), ...runs(c.status)] })] }]), [7, 3]));
    if (r.note) body.push(small(r.note));
  }
  return body;
}

/** 8. The answers, by section. */
export function answers(k: Kit, m: ReportModel): Body {
  const { say, runs, L, U, h1, h2, table } = k;
  const body: Body = [];
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
  return body;
}

/** 9. Method: level scores, contributions, exclusions, findings, priority, what is unconfirmed. */
export function method(k: Kit, m: ReportModel): Body {
  const { say, L, U, p, h1, h2, bullet, table } = k;
  const body: Body = [];
  body.push(h1(9, L('method'), true));
  body.push(p(m.method.rule));
  body.push(h2(say(U('levelScores'))));
  body.push(table(['L1', 'L2', 'L3', 'L4', 'L5'], [m.method.levelScores.map((l) => ({ content: `${clean(l.score)}${l.counted ? '' : '*'}`, align: 'right' as const }))], [1, 1, 1, 1, 1]));
  body.push(h2(say(U('subdomainContrib'))));
  body.push(
    table(
      [U('subdomain'), 'w', 'L1', 'L2', 'L3', 'L4', 'L5', L('level')],
      m.method.subdomains.map((s) => [s.name, { content: s.weight, align: 'right' }, ...s.contributions.map((c) => ({ content: clean(c), align: 'right' as const })), { content: s.judged ? say(s.levelShown) : say(L('undetermined')), align: 'right' }]),
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
  body.push(p([new TextRun({ text: `${clean(m.meta.reportNumber)} · ${clean(m.meta.date)} · ${say(m.meta.generatedBy)}`, size: 16, color: COLOR.muted })], { spacing: { before: 400 } }));
  return body;
}
