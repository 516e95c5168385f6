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

/** "超过 60%": the words that make a figure one to exceed, not just reach. */
const STRICT = /(超过|超出|高于|大于|多于|above|over|more than|exceed(?:ing|s)?|>)\s*$/iu;
const PERCENT = /(\d{1,3}(?:\.\d+)?)\s*[%％]/u;

/** The indicator a goal names and the figure written after the name, if any. */
export function targetIn(goal: string, names: readonly { id: string; names: readonly string[] }[]): { indicator: string; target: number; strict: boolean } | undefined {
  const lower = goal.toLowerCase();
  // the longest name found wins ("关键工序数控化率" over "数控化率")
  let best: { id: string; end: number; length: number } | undefined;
  for (const ind of names)
    for (const name of ind.names) {
      const at = name ? lower.indexOf(name.toLowerCase()) : -1;
      if (at >= 0 && (!best || name.length > best.length)) best = { id: ind.id, end: at + name.length, length: name.length };
    }
  if (!best) return undefined;
  const rest = goal.slice(best.end);
  const m = PERCENT.exec(rest);
  if (!m) return undefined;
  const value = Number(m[1]);
  if (!(value > 0 && value <= 100)) return undefined;
  return { indicator: best.id, target: value / 100, strict: STRICT.test(rest.slice(0, m.index)) };
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
  const names = ratios.map((i) => ({ id: i.def.id, names: [i.def.title.zh, i.def.title.en, ...(i.def.aliases ?? [])] }));
  const out: OwnTarget[] = [];
  const seen = new Set<string>();
  for (const goal of goalItems(ownGoals)) {
    const t = targetIn(goal, names);
    if (!t || seen.has(t.indicator)) continue;
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
