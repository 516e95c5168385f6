/**
 * Time limits a plant set itself, in its own words ("关键工序数控化率 2027 年超过 60%", "两年内关键工序全部数控化",
 * "OEE to 75 % by 2028"): read from its goals, so the plan can say whether the project it asked for lands in time.
 * Only what is written plainly is read — a year (from the assessment's year on) or a span of years or months; a goal
 * without one has no limit. Pure.
 */
import { evaluate, truthy, type Scope } from './expression/evaluate.js';
import type { Node } from './expression/parse.js';

/** A time limit, counted in months from the assessment (the start of the plan's phases). */
export interface OwnDeadline {
  /** The year named ("2027 年", "by 2027"): the limit is its end. */
  year?: number;
  /** Months from the assessment to the limit (for a year, to its end: the whole months after the assessment's month). */
  months: number;
}

const NUMBERS: Record<string, number> = { 一: 1, 两: 2, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10, 十二: 12, 十八: 18, 二十四: 24, 三十六: 36 };
const ENGLISH: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, twelve: 12, eighteen: 18 };
const countOf = (s: string): number | undefined => (/^\d+$/.test(s) ? Number(s) : (NUMBERS[s] ?? ENGLISH[s.toLowerCase()]));

const YEAR_ZH = /(20\d\d)\s*年/u;
const YEAR_EN = /\b(?:by|in|before|until|within)\s+(?:the\s+end\s+of\s+)?(20\d\d)\b/i;
const SPAN_ZH = /(\d+|[一两二三四五六七八九十]+)\s*(年|个月)内/u;
const HALF_YEAR_ZH = /半年内/u;
const SPAN_EN = /\bwithin\s+(?:the\s+next\s+)?(\d+|one|two|three|four|five|six|twelve|eighteen)\s+(years?|months?)\b/i;

/**
 * The time limit a goal names, if any. `assessed` is the assessment's date (YYYY-MM-DD); without it, a year cannot
 * be counted from and only a span is read. A year before the assessment's is history, not a limit.
 */
export function deadlineIn(goal: string, assessed: string | undefined): OwnDeadline | undefined {
  const date = assessed ? /^(\d{4})-(\d{2})/.exec(assessed) : null;
  const year = Number(YEAR_ZH.exec(goal)?.[1] ?? YEAR_EN.exec(goal)?.[1] ?? NaN);
  if (date && Number.isInteger(year) && year >= Number(date[1])) return { year, months: (year - Number(date[1])) * 12 + (12 - Number(date[2])) };
  if (HALF_YEAR_ZH.test(goal)) return { months: 6 };
  const zh = SPAN_ZH.exec(goal);
  const en = zh ? null : SPAN_EN.exec(goal);
  const span = zh ?? en;
  if (!span) return undefined;
  const n = countOf(span[1]!);
  if (n === undefined || n <= 0) return undefined;
  return { months: /年|year/i.test(span[2]!) ? n * 12 : n };
}

/** The goals of a free-text answer, one per item (separated by ；, ;, 。, a full stop ending a sentence or line breaks), trimmed, empty ones dropped. */
export function goalItems(text: string): string[] {
  return text
    .split(/[；;。\n]+|\.(?:\s+|$)/u)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** How a project's phase stands against a plant's own time limit. */
export type DeadlineFit = 'in-time' | 'may-miss' | 'late' | 'beyond-plan';

/**
 * Whether a project in a phase ('0-6m', '6-18m', '18-36m': months from the assessment; 'later': beyond the plan) is
 * done by the limit: its phase ends by then; may miss it (the phase starts before and ends after); or starts after it.
 */
export function deadlineFit(phase: string, deadline: OwnDeadline): DeadlineFit {
  const m = /^(\d+)-(\d+)m$/.exec(phase);
  if (!m) return 'beyond-plan';
  const [start, end] = [Number(m[1]), Number(m[2])];
  return end <= deadline.months ? 'in-time' : start >= deadline.months ? 'late' : 'may-miss';
}

export interface OwnGoalDeadline {
  /** The goal, in the plant's words. */
  goal: string;
  deadline: OwnDeadline;
  /** The ids of the projects it asks for (in the plan or waiting). */
  projects: string[];
}

/**
 * The plant's own goals that set a time limit, each with the projects it asks for: those whose rule's `askedWhen`
 * holds when the goals answer is that one goal (and the bottleneck unsaid), and not when both are unsaid.
 */
export function deadlinesOf(ownGoals: string, assessed: string | undefined, candidates: readonly { rule: { askedWhen?: Node | undefined }; rec: { id: string } }[], scope: Scope, words: { goals: string; bottleneck: string }): OwnGoalDeadline[] {
  const out: OwnGoalDeadline[] = [];
  const saying = (goal: string | null): Scope => ({ functions: scope.functions, get: (name) => (name === words.goals ? goal : name === words.bottleneck ? null : scope.get(name)) });
  const unsaid = saying(null);
  for (const goal of goalItems(ownGoals)) {
    const deadline = deadlineIn(goal, assessed);
    if (!deadline) continue;
    const only = saying(goal);
    const projects = candidates.filter((c) => c.rule.askedWhen && truthy(evaluate(c.rule.askedWhen, only)) && !truthy(evaluate(c.rule.askedWhen, unsaid))).map((c) => c.rec.id);
    if (projects.length) out.push({ goal, deadline, projects });
  }
  return out;
}
