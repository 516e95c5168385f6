/**
 * The plan's sentences for a plant whose goal is a recognition (智能车间, 智能工厂…): how it stands against each
 * declaration profile's criteria today and as projected after the plan, what the ones still open would rest on, and
 * where the plan meets the others (the phase and the projects). Its own report only. Pure; renderers word nothing.
 */
import type { CriterionGain } from '../core/declaration-gains.js';
import type { Questionnaire } from '../core/questionnaire.js';
import type { ReadinessResult } from '../core/readiness.js';
import type { RetrofitPlan } from '../core/recommend.js';
import type { Text } from '../core/types.js';
import { fill, joinTexts, type Wording } from '../core/wording.js';
import { quoted } from './format.js';
import { criterionReasons } from './model-readiness.js';

/** The declaration criteria today and as projected after the plan's last phase. */
export interface ReadinessNowAndAfter {
  now: readonly ReadinessResult[];
  after?: readonly ReadinessResult[] | undefined;
  /** Per profile, the criteria the plan would meet, with the phase and the projects each rests on. */
  gained?: ReadonlyMap<string, readonly CriterionGain[]>;
}

/** How many of a profile's criteria are open today, not met and undecided told apart ("有 3 项未满足、1 项无法判断"). */
function openCount(open: readonly ReadinessResult['criteria'][number][], w: Wording): Text {
  const p = w.phrases;
  const undetermined = open.filter((c) => c.status === 'undetermined').length;
  const missing = open.length - undetermined;
  return fill(undetermined === 0 ? p.declarationOpenMissing! : missing === 0 ? p.declarationOpenUndetermined! : p.declarationOpenBoth!, { missing, undetermined });
}

/**
 * The same plant after an express interview, whose plan is not projected (roadmap.ts, expressInterview): how it
 * stands today, and that what the plan would meet cannot be said from it.
 */
export function declarationLinesToday(now: readonly ReadinessResult[], w: Wording): Text[] {
  const out: Text[] = [];
  for (const profile of now) {
    const open = profile.criteria.filter((c) => c.status !== 'met' && c.status !== 'not-assessable');
    if (open.length) out.push(fill(w.phrases.planDeclarationExpress!, { title: profile.title, open: openCount(open, w) }));
  }
  return out;
}

/**
 * For a plant whose goal is a recognition (智能车间, 智能工厂…): for each declaration profile, how many of the criteria
 * it does not meet today the plan's projects would meet once complete (projected), and which stay open. A criterion
 * that needs two assessments (KPI gains) is left out. Its own report only: a criterion may read a confidential answer.
 */
export function declarationLines(readiness: ReadinessNowAndAfter & { after: readonly ReadinessResult[] }, w: Wording, q: Questionnaire, plan: RetrofitPlan): Text[] {
  const { now, after } = readiness;
  const projected = plan.roadmap.afterPhases?.at(-1);
  const titleOf = new Map(plan.recommendations.map((r) => [r.id, r.title]));
  const p = w.phrases;
  const out: Text[] = [];
  for (const profile of now) {
    const then = after.find((x) => x.id === profile.id);
    if (!then) continue;
    const open = profile.criteria.filter((c) => c.status !== 'met' && c.status !== 'not-assessable');
    if (!open.length) continue;
    const stillOpen = open.filter((c) => then.criteria.find((x) => x.id === c.id)?.status !== 'met');
    // not met, and those nobody's answers decide, told apart
    const args = { title: profile.title, open: openCount(open, w), gained: open.length - stillOpen.length };
    // each with what it would still rest on once the plan is done (projected: the overall level, a sub-domain…)
    let reasoned = false;
    const named = stillOpen.slice(0, 4).map((c) => {
      const because = projected && then.criteria.find((x) => x.id === c.id)?.because;
      const reasons = because && criterionReasons(because, projected.result, q, projected.answers, w, false);
      if (reasons) reasoned = true;
      return reasons ? fill(p.declarationStillOpen!, { title: quoted(c.title), reasons }) : quoted(c.title);
    });
    // titles alone as a list; with what they rest on, one by one
    const shown = reasoned ? joinTexts(named, { zh: '；', en: '; ' }) : joinTexts(named);
    const list = stillOpen.length > 4 ? fill(p.declarationMore!, { list: shown, count: stillOpen.length - 4 }) : shown;
    const phrase = !stillOpen.length ? p.planDeclarationAll! : args.gained ? p.planDeclarationOpen! : p.planDeclarationNone!;
    out.push(fill(phrase, { ...args, left: stillOpen.length, list }));
    // where the plan meets each: the phase, and the projects without which it would not
    const gains = readiness.gained?.get(profile.id) ?? [];
    const gainedItems = gains.flatMap((g) => {
      const c = open.find((x) => x.id === g.id);
      if (!c) return [];
      const needs = g.needs.flatMap((id) => titleOf.get(id) ?? []).map(quoted);
      const phase = w.phases[g.phase]!;
      return [needs.length ? fill(p.declarationGainedBy!, { title: quoted(c.title), phase, projects: joinTexts(needs) }) : fill(p.declarationGainedIn!, { title: quoted(c.title), phase })];
    });
    if (gainedItems.length) out.push(fill(p.declarationGained!, { list: joinTexts(gainedItems, { zh: '；', en: '; ' }) }));
  }
  return out;
}
