/**
 * Why a project of the plan waits, in words, and what would bring it in: the reason it is beyond the plan period or in a
 * later phase than it could start in, by how much the budget held it, and — for a project the plant asked for — the
 * projects it did not ask for whose postponement would free the money. Pure; the plan section (model-plan.ts) places
 * these sentences.
 */
import type { Recommendation, RetrofitPlan } from '../core/recommend.js';
import { heldByBudget } from '../core/recommendation.js';
import type { Text } from '../core/types.js';
import { fill, joinTexts, type Wording } from '../core/wording.js';
import { cny, quoted, same } from './format.js';

export const money = (x: number) => String(Math.round(x));
/** An amount of 万元 in a sentence: the number as it is in Chinese (the sentence says 万元), in CNY in English. */
export const amount = (x: number): Text => ({ zh: money(x), en: cny([x]) });

/** At most this many projects are named to postpone for one the plant asked for. */
const SWAP_MAX = 4;

/**
 * For a project the plant asked for in its own words (placed first by the plan's own order), the plan period's
 * projects it did not ask for whose postponement would free `need` (万元, range midpoints): those serving none of its
 * goals first, then the lowest priority; never one that fulfils a legal duty, that another project of the period
 * waits for, or a base project the plant writes itself. Undefined when SWAP_MAX of them do not free enough (then only the budget can bring it in).
 */
function swapFor(need: number, plan: RetrofitPlan): { titles: Text[]; freed: number } | undefined {
  const inPeriod = plan.recommendations.filter((x) => x.phase !== 'later');
  const awaited = new Set(inPeriod.flatMap((x) => x.prerequisites));
  // (a base project the plant writes itself, rules and registers, goes with the goals in the plan's order: kept)
  const light = new Set(plan.roadmap.light ?? []);
  const movable = inPeriod
    .filter((x) => !x.asked && x.investment && x.priorityParts.duty === 0 && !awaited.has(x.id) && !light.has(x.id))
    .sort((a, b) => Number(a.servesPriorities.length > 0) - Number(b.servesPriorities.length > 0) || a.priority - b.priority);
  const titles: Text[] = [];
  let freed = 0;
  for (const x of movable) {
    if (freed >= need || titles.length === SWAP_MAX) break;
    titles.push(x.title);
    freed += (x.investment!.min + x.investment!.max) / 2;
  }
  return freed >= need ? { titles, freed: Math.round(freed) } : undefined;
}

/**
 * By how much (万元, range midpoints, rounded up) a project the budget held back would take the plan period's projects
 * beyond the ceiling, were it added to them; undefined when the budget did not hold it back.
 */
function budgetShortfall(r: Recommendation, plan: RetrofitPlan): number | undefined {
  const { roadmap } = plan;
  const max = roadmap.budget.envelope?.max;
  if (r.laterReason?.code !== 'budget' || max === undefined || !r.investment) return undefined;
  const need = Math.ceil((roadmap.total.min + roadmap.total.max) / 2 + (r.investment.min + r.investment.max) / 2 - max);
  return need > 0 ? need : undefined;
}

/**
 * Why a project waits beyond the plan period, in words; undefined when there is nothing to say — and for the office
 * when the budget held it back (the budget is confidential: its report does not say which projects the budget held).
 */
export function laterReasonText(rec: Recommendation, all: readonly Recommendation[], w: Wording, plan: RetrofitPlan | null, office = false, brief = false): Text | undefined {
  const reason = rec.laterReason;
  if (!reason || (office && heldByBudget(reason))) return undefined;
  const p = w.phrases;
  switch (reason.code) {
    case 'budget': {
      // by how much (the plant's own report; the office is told nothing of the budget): short by little reads otherwise
      // (`brief`: where the advice that follows says it)
      const need = plan && !brief ? budgetShortfall(rec, plan) : undefined;
      return need !== undefined ? fill(p.laterBudgetBy!, { over: amount(need) }) : p.laterBudget!;
    }
    case 'phase-budget':
      return p.laterPhaseBudget!;
    case 'capacity':
      return p.laterCapacity!;
    // (a project contained in another is not listed: nothing to say)
    case 'included':
      return undefined;
    case 'waits': {
      const awaited = all.find((r) => r.id === reason.about);
      if (!awaited) return p.laterWaitsUnnamed!;
      // Not one of its prerequisites: the awaited project fulfils a legal duty that comes before this one.
      const duty = !rec.prerequisites.includes(awaited.id);
      // The awaited project is itself beyond the plan period: say so, and why (its own card says more).
      if (awaited.phase === 'later') {
        // (briefly: the awaited project's own entry says by how much the budget held it)
        const why = awaited.laterReason?.code === 'waits' ? undefined : laterReasonText(awaited, all, w, plan, office, true);
        // (a project that fulfils a legal duty coming first is not called this one's prerequisite: its card lists those)
        const phrase = duty ? (why ? 'laterWaitsDutyDeferred' : 'laterWaitsDutyDeferredToo') : why ? 'laterWaitsDeferred' : 'laterWaitsDeferredToo';
        return fill(p[phrase]!, { title: awaited.title, reason: why ?? '' });
      }
      return fill(p[duty ? 'laterWaitsDuty' : 'laterWaits']!, { title: awaited.title });
    }
    case 'blocked': {
      const duty = plan?.roadmap.duties.find((d) => d.def.id === reason.about);
      // a duty that rests on a confidential answer is not named to the office (it is not in its duty list either)
      if (office && (!duty || duty.confidential)) return p.laterBlockedUnnamed!;
      return fill(p.laterBlocked!, { duty: duty ? duty.def.text : same(reason.about ?? '') });
    }
  }
}

/**
 * Why a project the plant asked for in its own words is in a later phase than it could start in; only for such a
 * project (the plant expects it early) and only in its own report (the office report does not tell the budget).
 */
export function phaseReasonText(rec: Recommendation, all: readonly Recommendation[], w: Wording, plan: RetrofitPlan | null, office: boolean): Text | undefined {
  if (!rec.asked || !rec.phaseReason || office || rec.phase === 'later') return undefined;
  const p = w.phrases;
  const share = rec.phaseReason.share;
  const max = plan?.roadmap.budget.envelope?.max;
  if (rec.phaseReason.code === 'capacity' || !share || max === undefined) return p.phaseLaterCapacity!;
  const end = { '0-6m': p.endOfNearTerm!, '6-18m': p.endOfMediumTerm!, '18-36m': p.endOfLongTerm! }[share.phase];
  const why = fill(p.phaseLaterBudget!, { end, spent: amount(share.spent), limit: amount(share.limit), max: amount(max), share: Math.round((share.limit / max) * 100) });
  const other = rec.phaseReason.swap === undefined ? undefined : all.find((r) => r.id === rec.phaseReason!.swap);
  const advice = other ? fill(p.phaseAdviceSwap!, { phase: w.phases[other.phase]!, title: other.title }) : p.phaseAdvice!;
  return { zh: why.zh + advice.zh, en: why.en + advice.en };
}

/**
 * Of the waiting projects that would answer a goal, the one to name: one that only needs a place (moved in for
 * another) before one the budget held back, then one that waits for another project or a duty; by priority (how
 * well it answers the plant's gaps) among equals, not by cost: the cheapest project tagged with a goal is often not
 * the one that answers it.
 */
export function easiestToBringIn(list: Recommendation[]): Recommendation | undefined {
  const rank = (r: Recommendation) => (r.laterReason?.code === 'capacity' ? 0 : heldByBudget(r.laterReason) ? 1 : 2);
  return [...list].sort((a, b) => rank(a) - rank(b) || b.priority - a.priority)[0];
}

/**
 * What it would take to bring a waiting project into the plan period: for the budget, how much more it needs (the
 * midpoints, as the phasing counts them; the office report gives no budget figure); otherwise, moving it forward
 * in place of another project when the plan is confirmed.
 */
export function adviceFor(r: Recommendation, plan: RetrofitPlan, w: Wording, office: boolean): Text {
  const p = w.phrases;
  const { roadmap } = plan;
  // The office is told nothing of the budget, not even that it held a project back.
  if (office) return p.adviceSwap!;
  const need = budgetShortfall(r, plan);
  if (need !== undefined) {
    // every phase already runs as many projects as the plant can: money alone would not bring it in
    const full = roadmap.phases.every((ph, i) => ph.count >= roadmap.capacity[i]!);
    const advice = fill(p[full ? 'adviceBudgetFull' : 'adviceBudget']!, { need: amount(need) });
    // A project the plant asked for in its own words comes first: the projects it did not ask for that would free the money
    const swap = r.asked ? swapFor(need, plan) : undefined;
    return swap ? joinTexts([advice, fill(p.adviceSwapNamed!, { list: joinTexts(swap.titles.map(quoted)), freed: amount(swap.freed) })], { zh: '', en: ' ' }) : advice;
  }
  if (r.laterReason?.code === 'capacity' || heldByBudget(r.laterReason)) return p.adviceSwap!;
  return p.adviceWaits!;
}
