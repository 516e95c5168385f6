import { createHash } from 'node:crypto';
import type { Answers } from '../core/answers.js';
import { PRIORITY_FORMULA, type Recommendation } from '../core/recommend.js';
import type { Questionnaire } from '../core/questionnaire.js';
import type { ReadinessResult } from '../core/readiness.js';
import type { ScoreResult } from '../core/result.js';
import { noteText, PHASES, type Question, type Text } from '../core/types.js';
import { EXCLUSION_REASONS, INDUSTRY_LABELS, PHASE_LABELS, PROGRAMMES, PROJECT_TYPES, READINESS_STATUS, RETROFIT_LEVELS, SUPPORT } from './labels.js';

export type Audience = 'client' | 'office';

/** Everything a report template may show; plain data (Handlebars denies prototype access anyway). */
export interface ReportModel {
  meta: { reportNumber: string; date: string; audience: Audience; office: boolean; tool: string };
  plant: { company: string; site?: string; industry: Text; sector?: string; region?: string; assessor?: string; interviewees?: string; date?: string };
  scope: { questionnaire: string; scoring: Text; scoringId: string; verified: boolean; scoringSource: string; targets: Text; targetsSource: string; completeness: string };
  summary: { text?: string; expertOpinion?: string; generated: Text };
  headline: { level: number; name: Text; meaning: Text; score: string; tier?: Text };
  sections: { title: Text; score: string; level: number; pct: number }[];
  indicators: { title: Text; value: string; target?: string; status?: 'met' | 'missed' | 'unknown'; gap?: string; year?: number; population?: Text; formula: string; basis?: Text; source?: string }[];
  strengths: { name: Text; level: number; score: string }[];
  gaps: { name: Text; level: number; score: string; target: number }[];
  missedTargets: { title: Text; value: string; target: string; gap: string }[];
  plan: { phase: Text; items: PlanItem[] }[];
  planByLevel: { level: Text; items: PlanItem[] }[];
  support: Text[];
  readiness: { title: Text; source?: string; met: number; total: number; criteria: { title: Text; status: Text; met: boolean }[] }[];
  answers: { title: Text; items: { question: Text; answer: Text; note?: string }[] }[];
  method: {
    rule: Text;
    levelScores: { level: number; score: string; counted: boolean }[];
    subdomains: { name: Text; weight: number; contributions: string[]; level: number; score: string }[];
    excluded: { id: string; question: Text; reason: Text }[];
    unconfirmed: Text[];
    priority: Text;
  };
}
export interface PlanItem {
  id: string;
  title: Text;
  rationale: Text;
  retrofitLevel: Text;
  programme?: Text;
  projectType?: Text;
  phase: Text;
  priority: number;
  measures: Text[];
  hardware: Text[];
  software: Text[];
  integration: Text[];
  investment?: string;
  benefits?: Text;
  prerequisites: string[];
  consultant: boolean;
  rephased: boolean;
}

const pct = (x: number) => `${(Math.round(x * 1000) / 10).toFixed(1)}%`;
const fixed2 = (x: number) => x.toFixed(2);
const same = (s: string): Text => ({ zh: s, en: s });

export interface ModelInput {
  questionnaire: Questionnaire;
  answers: Answers;
  result: ScoreResult;
  recommendations: Recommendation[];
  readiness: ReadinessResult[];
  audience: Audience;
  /** Report date (YYYY-MM-DD); defaults to the assessment date so that output is reproducible. */
  date?: string;
  tool: string;
}

/** True for questions whose answers map a plant's security weaknesses (left out of office reports). */
export const isSecurityQuestion = (q: Question) => q.subdomain === 'information-security' || /security|firewall|segmentation/.test(q.id);
export const isKpiQuestion = (q: Question) => q.id.startsWith('kpi_');


export function buildReportModel(input: ModelInput): ReportModel {
  const { questionnaire: q, answers, result: r, audience } = input;
  const office = audience === 'office';
  const resp = r.respondent;
  const date = input.date ?? resp.date ?? new Date().toISOString().slice(0, 10);
  const reportNumber = `ZZ-${date.replace(/-/g, '')}-${createHash('sha256').update(`${resp.credit_code ?? ''}|${resp.company}|${resp.site ?? ''}|${resp.date ?? ''}`).digest('hex').slice(0, 6).toUpperCase()}`;
  const targetLevel = Math.min(5, r.maturity.level + 1);
  const strengths = r.subdomains.filter((s) => s.level >= Math.max(1, r.maturity.level) && s.level > 0).sort((a, b) => b.score - a.score).slice(0, 6);
  const gaps = r.subdomains.filter((s) => s.level < targetLevel).sort((a, b) => a.score - b.score);
  const planItems = input.recommendations.map((rec) => planItem(rec));
  const supportIds = [...new Set(input.recommendations.flatMap((x) => x.support))];
  return {
    meta: { reportNumber, date, audience, office, tool: input.tool },
    plant: {
      company: resp.company,
      ...(resp.site ? { site: resp.site } : {}),
      industry: INDUSTRY_LABELS[resp.industry] ?? same(resp.industry),
      ...(resp.sector ? { sector: resp.sector } : {}),
      ...(resp.region || resp.district ? { region: [resp.region, resp.park].filter(Boolean).join(' · ') || resp.district } : {}),
      ...(resp.assessor ? { assessor: resp.assessor } : {}),
      ...(resp.interviewees?.length && !office ? { interviewees: resp.interviewees.join('；') } : {}),
      ...(resp.date ? { date: resp.date } : {}),
    },
    scope: {
      questionnaire: `${q.def.title.zh} / ${q.def.title.en} (${q.def.id} v${q.def.version})`,
      scoring: r.scoring.title,
      scoringId: r.scoring.profile,
      verified: r.scoring.verified,
      scoringSource: r.scoring.source,
      targets: r.targets.title,
      targetsSource: r.targets.source,
      completeness: `${pct(r.completeness)} (${r.answered}/${r.applicable})`,
    },
    summary: {
      ...(answers.file.overrides?.summary ? { text: answers.file.overrides.summary } : {}),
      ...(answers.file.overrides?.expert_opinion ? { expertOpinion: answers.file.overrides.expert_opinion } : {}),
      generated: generatedSummary(r, input.recommendations.length),
    },
    headline: { level: r.maturity.level, name: r.maturity.name, meaning: r.maturity.meaning, score: fixed2(r.maturity.score), ...(r.tier ? { tier: r.tier.name } : {}) },
    sections: r.sections.map((s) => ({ title: s.title, score: fixed2(s.score), level: s.level, pct: Math.round((s.score / 5) * 100) })),
    indicators: r.indicators.map((i) => ({
      title: i.title,
      value: i.value === null ? '—' : typeof i.value === 'boolean' ? (i.value ? '✓' : '✗') : pct(i.value),
      ...(i.target !== undefined ? { target: `${i.comparison} ${pct(i.target)}`, status: i.met === null ? 'unknown' : i.met ? 'met' : 'missed', year: i.targetYear, ...(i.population ? { population: i.population } : {}) } : {}),
      ...(i.met === false && typeof i.gap === 'number' ? { gap: pct(i.gap) } : {}),
      formula: i.formula,
      ...(i.basis ? { basis: i.basis } : {}),
      ...(i.source ? { source: i.source } : {}),
    })),
    strengths: strengths.map((s) => ({ name: s.name, level: s.level, score: fixed2(s.score) })),
    gaps: gaps.map((s) => ({ name: s.name, level: s.level, score: fixed2(s.score), target: targetLevel })),
    missedTargets: r.indicators.filter((i) => i.met === false).map((i) => ({ title: i.title, value: typeof i.value === 'number' ? pct(i.value) : String(i.value), target: `${i.comparison} ${pct(i.target!)}`, gap: pct(i.gap ?? 0) })),
    plan: PHASES.map((p) => ({ phase: PHASE_LABELS[p]!, items: planItems.filter((x) => x.phase === PHASE_LABELS[p]) })).filter((g) => g.items.length),
    planByLevel: ['station', 'line', 'workshop', 'factory'].map((l) => ({ level: RETROFIT_LEVELS[l]!, items: planItems.filter((x) => x.retrofitLevel === RETROFIT_LEVELS[l]) })).filter((g) => g.items.length),
    support: supportIds.map((s) => SUPPORT[s] ?? same(s)),
    readiness: input.readiness.map((x) => ({ title: x.title, ...(x.source ? { source: x.source } : {}), met: x.met, total: x.total, criteria: x.criteria.map((c) => ({ title: c.title, status: READINESS_STATUS[c.status]!, met: c.status === 'met' })) })),
    answers: appendix(q, answers, office),
    method: {
      rule: {
        zh: `每条成熟度要求按满足程度计分（全部满足 ${r.scoring.satisfaction.full}、大部分满足 ${r.scoring.satisfaction.mostly}、部分满足 ${r.scoring.satisfaction.partial}、不满足 ${r.scoring.satisfaction.none}）；等级题答 k 级视为 1…k 级各一条要求满足。子域在第 n 级的得分为该级要求的平均分，L_n 为各子域得分的加权平均；S = L1 + L2 + …，在第一个低于 ${r.scoring.passThreshold} 的等级之后停止累加；S 按 0.8/1.8/2.8/3.8/4.8 划分为 1–5 级，低于 0.8 为“未达到一级”。未答、“不清楚”及因其他答案而隐藏的追问按不满足计；仅“不适用”、按行业类型裁剪和答卷版本之后新增的题目不计入分母。`,
        en: `Each maturity requirement scores by satisfaction (full ${r.scoring.satisfaction.full}, mostly ${r.scoring.satisfaction.mostly}, partly ${r.scoring.satisfaction.partial}, none ${r.scoring.satisfaction.none}); a level answer k satisfies one requirement at each level 1…k. A sub-domain's score at level n is the mean of its requirements there, and L_n is the weighted mean over sub-domains; S = L1 + L2 + …, stopping after the first level below ${r.scoring.passThreshold}; S maps to levels 1–5 at 0.8/1.8/2.8/3.8/4.8, below 0.8 is "not yet level 1". Unanswered, "unknown" and follow-ups hidden by another answer count as not satisfied; only "n/a", tailoring by industry type and questions newer than the file leave the denominator.`,
      },
      levelScores: r.maturity.levelScores.map((l, i) => ({ level: i + 1, score: l.toFixed(4), counted: i < (r.maturity.heldAt ?? 5) })),
      subdomains: r.subdomains.map((s) => ({ name: s.name, weight: s.weight, contributions: s.contributions.map((c) => (c === null ? '—' : c.toFixed(3))), level: s.level, score: fixed2(s.score) })),
      excluded: r.excluded.map((e) => ({ id: e.id, question: q.byId.get(e.id)?.text ?? same(e.id), reason: EXCLUSION_REASONS[e.reason] ?? same(e.reason) })),
      unconfirmed: [
        { zh: `评分方案“${r.scoring.profile}”${r.scoring.verified ? '已' : '未'}与 GB/T 39117-2020 原文核对；官方权重表未获得，各子域等权。`, en: `The scoring profile "${r.scoring.profile}" is ${r.scoring.verified ? '' : 'not '}verified against the text of GB/T 39117-2020; the official weight tables were not available, so sub-domains weigh the same.` },
        { zh: '20 个能力子域的归类与标准原文的逐项对应未经确认。', en: 'The grouping of the 20 sub-domains is not confirmed item by item against the standard text.' },
        { zh: '梯度培育层级门槛各地说法不一，仅供参考。', en: 'Tier gates differ between sources; the tier is indicative.' },
        { zh: '单个企业指标与区域目标的对照仅为参考。', en: 'Comparing one plant with regional targets is a reference only.' },
      ],
      priority: PRIORITY_FORMULA.text,
    },
  };
}

function planItem(rec: Recommendation): PlanItem {
  return {
    id: rec.id,
    title: rec.title,
    rationale: rec.rationale,
    retrofitLevel: RETROFIT_LEVELS[rec.retrofitLevel] ?? same(rec.retrofitLevel),
    ...(rec.programme ? { programme: PROGRAMMES[rec.programme] ?? same(rec.programme) } : {}),
    ...(rec.projectType ? { projectType: PROJECT_TYPES[rec.projectType] ?? same(rec.projectType) } : {}),
    phase: PHASE_LABELS[rec.phase]!,
    priority: rec.priority,
    measures: rec.measures,
    hardware: rec.hardware,
    software: rec.software,
    integration: rec.integration,
    ...(rec.investment ? { investment: `${rec.investment.min}–${rec.investment.max}` } : {}),
    ...(rec.benefits ? { benefits: rec.benefits } : {}),
    prerequisites: rec.prerequisites,
    consultant: rec.source === 'consultant',
    rephased: Boolean(rec.overridden?.phase),
  };
}

function generatedSummary(r: ScoreResult, recs: number): Text {
  const missed = r.indicators.filter((i) => i.met === false);
  const weakest = [...r.subdomains].sort((a, b) => a.score - b.score).slice(0, 3);
  return {
    zh: `本次诊断评定企业智能制造能力成熟度为 ${r.maturity.level} 级（${r.maturity.name.zh}），总分 S = ${r.maturity.score.toFixed(2)}。${missed.length ? `未达到参考目标的指标：${missed.map((i) => i.title.zh).join('、')}。` : '各项指标均达到参考目标。'}短板集中在${weakest.map((s) => s.name.zh).join('、')}。据此提出 ${recs} 项分阶段改造建议。`,
    en: `The plant's smart-manufacturing capability maturity is level ${r.maturity.level} (${r.maturity.name.en}), S = ${r.maturity.score.toFixed(2)}. ${missed.length ? `Indicators below their reference targets: ${missed.map((i) => i.title.en).join(', ')}.` : 'All indicators meet their reference targets.'} The weakest sub-domains are ${weakest.map((s) => s.name.en).join(', ')}. ${recs} phased retrofit recommendations follow.`,
  };
}

function appendix(q: Questionnaire, answers: Answers, office: boolean): ReportModel['answers'] {
  return q.def.sections.map((s) => ({
    title: s.title,
    items: s.questions
      .filter((question) => answers.visibility.get(question.id) === 'visible')
      .filter((question) => !(office && (isSecurityQuestion(question) || isKpiQuestion(question))))
      .map((question) => {
        const note = office ? undefined : noteText(answers.file.notes?.[question.id]);
        return {
          question: question.variants?.[answers.file.respondent.industry]?.text ?? question.text,
          answer: answerText(question, answers),
          ...(note && !note.internal ? { note: note.text } : {}),
        };
      }),
  }));
}

/** An answer as the person reading the report would say it. */
export function answerText(question: Question, answers: Answers): Text {
  const r = answers.resolved.get(question.id);
  if (!r || r.status === 'unanswered') return { zh: '未作答', en: 'not answered' };
  if (r.status === 'unknown') return { zh: '不清楚', en: 'unknown' };
  if (r.status === 'na') return { zh: '不适用', en: 'not applicable' };
  const v = r.value;
  const opt = (value: unknown) => question.options?.find((o) => o.value === value);
  switch (question.type) {
    case 'level': {
      const o = opt(v);
      return o ? { zh: `${o.level} 级：${o.label.zh}`, en: `level ${o.level}: ${o.label.en}` } : same(String(v));
    }
    case 'requirement': {
      const m: Record<string, Text> = { full: { zh: '全部满足', en: 'fully' }, mostly: { zh: '大部分满足', en: 'mostly' }, partial: { zh: '部分满足', en: 'partly' }, none: { zh: '不满足', en: 'not satisfied' } };
      return m[String(v)] ?? same(String(v));
    }
    case 'single': {
      const o = opt(v);
      return o ? o.label : same(String(v));
    }
    case 'multi': {
      const list = (Array.isArray(v) ? v : []).map((x) => opt(x)?.label ?? same(String(x)));
      return list.length ? { zh: list.map((x) => x.zh).join('、'), en: list.map((x) => x.en).join(', ') } : { zh: '（未选）', en: '(none selected)' };
    }
    case 'boolean':
      return v ? { zh: '是', en: 'yes' } : { zh: '否', en: 'no' };
    case 'percent':
      return same(pct(Number(v)));
    case 'number':
      return question.unit ? { zh: `${v} ${question.unit.zh}`, en: `${v} ${question.unit.en}` } : same(String(v));
    default:
      return same(String(v));
  }
}
