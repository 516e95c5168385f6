/** The plan sheet (规划目标, OUT.plan.csv): the action plan's count targets, what the answers count of each, and why a count has no verdict. */
import { shareText } from '../../core/batch/figures.js';
import type { PlanTargetResult } from '../../core/batch/plan.js';
import type { Lang, Text } from '../../core/types.js';
import { formatMessage } from '../../messages/catalogue.js';
import { col, lbl, withheldText, type Column, type QuestionTexts } from './columns.js';


/** A plan target as the plan states it: `>= 300`, `2–3`, and a share of a class as a percentage (`>= 50%`, not `>= 0.5`). */
const targetText = (t: PlanTargetResult) => {
  const v = (x: number) => (t.share ? shareText(x) : String(x));
  return typeof t.target === 'number' ? `${t.comparison === 'range' || t.comparison === '=' ? '' : t.comparison + ' '}${v(t.target)}` : `${v(t.target.min)}–${v(t.target.max)}`;
};
/**
 * What the plan sheet says of a target, in words: a question it names (robots in use, a question the input did not
 * ask) by the question's text — with its id where the input lacks it, the column to add — not by its id alone.
 */
function planHow(h: NonNullable<PlanTargetResult['also']>[number], lang: Lang, questions?: QuestionTexts): string {
  const id = h.args.question;
  const text = typeof id === 'string' ? questions?.(id) : undefined;
  if (!text) return formatMessage(h.code, h.args, lang);
  const { question: _id, ...rest } = h.args;
  const named = h.code === 'plan.fact-not-asked' ? formatMessage('label.part.by-question', { question: text[lang], id: id! }, lang) : formatMessage('label.question', { question: text[lang] }, lang);
  return formatMessage(h.code, { ...rest, question: named }, lang);
}

export function planColumns(lang: Lang, minGroupSize: number, questions?: QuestionTexts, workbook = false): Column<PlanTargetResult>[] {
  const L = (t: Text | undefined) => (t ? t[lang] : '');
  return [
    // the CSV keeps the target's id for scripts; the workbook names it in words only
    ...(workbook ? [] : [col<PlanTargetResult>('id', 'text', (t) => t.id)]),
    col('plan_target', 'text', (t) => L(t.title)),
    col('plan_section', 'text', (t) => t.section),
    col('programme', 'text', (t) => (t.programmeName ? L(t.programmeName) : t.programme)),
    col('quote', 'text', (t) => t.quote),
    col('target', 'text', (t) => `${targetText(t)} ${L(t.unit)}`),
    col('per', 'text', (t) => (t.per === 'year' ? formatMessage('label.per.year', { years: (t.years ?? []).join('、') }, lang) : formatMessage('label.per.total', { by: t.by ?? '' }, lang))),
    col('population', 'text', (t) => L(t.population)),
    { ...col('countable', 'text', (t) => t.countable), label: lbl('label.countable.') },
    // companies or units counted (whole numbers); the class A/B retrofitting targets are a share of the class (percent)
    { ...col('count', 'integer', (t) => t.count), formatOf: (t) => (t.share ? 'percent' : 'integer') },
    col('met_plain', 'yesno', (t) => t.met),
    // every count without a verdict says why: withheld, or only partly countable from the answers
    col('verdict_note', 'text', (t) => (t.withheld ? withheldText(t.withheld, { n: t.n ?? Number(t.how.args.companies ?? 0), min: minGroupSize }, lang) : t.countable === 'partial' && t.count !== null ? formatMessage('label.withheld.partial', {}, lang) : undefined)),
    col('historical', 'yesno', (t) => t.historical),
    col('by_year', 'text', (t) => (t.byYear ? Object.entries(t.byYear).sort().map(([y, n]) => `${y}: ${n}`).join('; ') : undefined)),
    col('how', 'text', (t) => [t.how, ...(t.also ?? [])].map((h) => planHow(h, lang, questions)).join(lang === 'zh' ? '' : ' ')),
    col('measure', 'text', (t) => L(t.measure)),
  ];
}
