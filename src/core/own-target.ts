/**
 * A figure a plant set itself for one of the questionnaire's ratio indicators, in its own words
 * ("关键工序数控化率 2027 年超过 60%", "key-process CNC rate to 75 %"), held against its value today: how far it is, and,
 * where the indicator is one count over another (`key_processes_cnc / key_processes_total`), how many more it takes.
 * Only what is written plainly is read: the indicator's title (or one of its `aliases`) and a percentage after it in
 * the same goal. Pure.
 */
import type { IndicatorResult } from './indicators.js';
import type { Questionnaire } from './questionnaire.js';
import { goalItems } from './own-deadline.js';

export interface OwnTarget {
  /** The goal, in the plant's words. */
  goal: string;
  indicator: string;
  /** The figure set, as a fraction (60 % → 0.6). */
  target: number;
  /** "超过 / above / more than": the value must exceed it; otherwise reach it. */
  strict: boolean;
  /** The plant's value today (a fraction), or null when it cannot be computed. */
  now: number | null;
  met: boolean | null;
  /** For one count over another, answered: what the plant has, out of how many, and the least that meets the figure. */
  counts?: { have: number; total: number; needed: number; unitOf: string };
}

/** "超过 60%": the words that make a figure one to exceed, not just reach (not "不超过"). */
const STRICT = /((?<!不)(超过|超出|高于|大于|多于)|above|over|more than|exceed(?:ing|s)?|>)\s*$/iu;
/** "不超过 60%", "below 60 %": a ceiling, not a figure to reach. */
const CEILING = /(不超过|不高于|不大于|(?<!不)低于|(?<!不)小于|以内|below|under|less than|at most|<)\s*$/iu;
/** "由 40%", "from 40 %": where the plant starts, not its figure. */
const FROM = /(由|从|from)\s*$/iu;
/** "提高 20%", "increase by 20 %": a rise, not a level (unless "提高到"). */
const RISE = /(提高|提升|增加|增长|降低|减少|raise[sd]?|increase[sd]?|by)\s*$/iu;
const PERCENT = /(\d{1,3}(?:\.\d+)?)\s*[%％]/gu;

/**
 * Every indicator a goal names with its figure, in the order written ("关键工序数控化率超过 60%，设备数字化率达到 80%"):
 * for each name, the first percentage between it and the next indicator name (or the goal's end) that is a level to
 * reach or exceed — not where the plant starts ("由 40% 提高到 60%"), not a rise ("提高 20%", "20 个百分点"), not a
 * ceiling ("不超过 60%"). Full-width digits are read.
 */
export function targetsIn(goal: string, names: readonly { id: string; names: readonly string[] }[]): { indicator: string; target: number; strict: boolean }[] {
  const text = goal.normalize('NFKC');
  const lower = text.toLowerCase();
  // every name found, a shorter one inside a longer one's match left out ("数控化率" inside "关键工序数控化率")
  const found: { id: string; at: number; end: number }[] = [];
  for (const ind of names)
    for (const name of ind.names) {
      const n = name.toLowerCase().normalize('NFKC');
      for (let at = n ? lower.indexOf(n) : -1; at >= 0; at = lower.indexOf(n, at + 1)) found.push({ id: ind.id, at, end: at + n.length });
    }
  const matches = found
    .filter((m) => !found.some((o) => o !== m && o.at <= m.at && o.end >= m.end && o.end - o.at > m.end - m.at))
    .sort((a, b) => a.at - b.at)
    .filter((m, i, all) => i === 0 || m.at >= all[i - 1]!.end);
  const out: { indicator: string; target: number; strict: boolean }[] = [];
  matches.forEach((m, i) => {
    const rest = text.slice(m.end, matches[i + 1]?.at ?? text.length);
    for (const p of rest.matchAll(PERCENT)) {
      const before = rest.slice(0, p.index);
      const after = rest.slice(p.index! + p[0].length);
      if (FROM.test(before) || RISE.test(before) || CEILING.test(before) || /^\s*(以内|以下)/u.test(after)) continue;
      const value = Number(p[1]);
      const strict = STRICT.test(before);
      // a share of more than all, or "more than 100 %", is no figure a plant can reach
      if (!(value > 0 && value <= 100) || (strict && value >= 100)) break;
      out.push({ indicator: m.id, target: value / 100, strict });
      break;
    }
  });
  return out;
}

/** The least count out of `total` whose share meets the figure (exceeds it when strict); more than total when none does. */
export function countNeeded(target: number, total: number, strict: boolean): number {
  const exact = target * total;
  const rounded = Math.round(exact);
  // a figure that is a whole count (60 % of 10 = 6) is met by that count, or exceeded by one more
  if (Math.abs(exact - rounded) < 1e-9) return strict ? rounded + 1 : rounded;
  return Math.ceil(exact);
}

/**
 * The plant's own figures for the questionnaire's ratio indicators, one per goal that names an indicator and a
 * percentage; the first goal that names an indicator counts for it.
 */
export function ownTargetsOf(ownGoals: string, q: Questionnaire, indicators: readonly IndicatorResult[]): OwnTarget[] {
  const ratios = q.indicators.filter((i) => i.def.kind === 'ratio');
  const names = ratios.map((i) => ({ id: i.def.id, names: [i.def.title.zh, i.def.title.en, ...Object.values(i.def.titleByIndustry ?? {}).flatMap((t) => [t.zh, t.en]), ...(i.def.aliases ?? [])] }));
  const out: OwnTarget[] = [];
  const seen = new Set<string>();
  for (const goal of goalItems(ownGoals))
    for (const t of targetsIn(goal, names)) {
      if (seen.has(t.indicator)) continue;
      seen.add(t.indicator);
      const ind = ratios.find((i) => i.def.id === t.indicator)!;
      const res = indicators.find((r) => r.id === t.indicator);
      const now = typeof res?.value === 'number' ? res.value : null;
      const met = now === null ? null : t.strict ? now > t.target + 1e-12 : now >= t.target - 1e-12;
      const target: OwnTarget = { goal, indicator: t.indicator, target: t.target, strict: t.strict, now, met };
      // one answered count over another: how many it takes
      const ast = ind.ast;
      if (ast.t === 'bin' && ast.op === '/' && ast.left.t === 'id' && ast.right.t === 'id' && res) {
        const have = res.inputs[ast.left.name];
        const total = res.inputs[ast.right.name];
        if (typeof have === 'number' && typeof total === 'number' && Number.isInteger(have) && Number.isInteger(total) && total > 0)
          target.counts = { have, total, needed: countNeeded(t.target, total, t.strict), unitOf: ast.right.name };
      }
      out.push(target);
    }
  return out;
}
