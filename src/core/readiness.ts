import type { Answers } from './answers.js';
import { evaluate, truthy, type Scope } from './expression/evaluate.js';
import type { Node } from './expression/parse.js';
import { confidentialQuestionIds, type Questionnaire } from './questionnaire.js';
import type { ReadinessProfile } from './readiness-def.js';
import { readsAny } from './items.js';
import { judge } from './expression/kleene.js';
import { knowing, type Knowing } from './readiness-known.js';
import { indicatorsHeld, reasonsOf, type CriterionFact } from './readiness-reasons.js';
import type { ScoreResult } from './result.js';
import { plantRuleScope } from './rule-scope.js';
import type { Text } from './types.js';

/**
 * `mostly`: not met, but the answers show it mostly met (the criterion's `mostlyWhen`); it does not count as met.
 * `undetermined`: not met by the known answers, but answers that are "don't know" or unanswered could still meet it,
 * so it is neither met nor missing.
 */
export type CriterionStatus = 'met' | 'mostly' | 'missing' | 'not-assessable' | 'undetermined';
export type { CriterionFact } from './readiness-reasons.js';
export interface ReadinessResult {
  id: string;
  title: Text;
  source?: string;
  note?: Text;
  met: number;
  total: number;
  /**
   * `officeMissing` (a confidential criterion that is missing): it would be missing whatever its confidential answers
   * were, so the programme office may be told that it is not met (withheldFromOffice). `holds`: of a criterion not
   * met, the indicators it asks for that the plant meets.
   */
  criteria: { id: string; title: Text; description?: Text; status: CriterionStatus; confidential?: boolean; officeMissing?: true; because?: CriterionFact[]; holds?: CriterionFact[] }[];
}

/** Declaration readiness from one assessment; KPI gains need two assessments and are "not assessable" here. */
export function assessReadiness(profile: ReadinessProfile, q: Questionnaire, result: ScoreResult, answers: Answers): ReadinessResult {
  const scope = plantRuleScope(q, result, answers);
  let known: Knowing | undefined;
  const criteria = profile.criteria.map(({ def, when, mostlyWhen }) => {
    const status: CriterionStatus = !when
      ? 'not-assessable'
      : truthy(evaluate(when, scope))
        ? 'met'
        : mostlyWhen && truthy(evaluate(mostlyWhen, scope))
          ? 'mostly'
          : decidedFalse(when, scope, (known ??= knowing(q, result, answers)))
            ? 'missing'
            : 'undetermined';
    // what it rests on
    const because = when && (status === 'missing' || status === 'mostly' || status === 'undetermined') ? reasonsOf(when, { q, result, scope, know: (known ??= knowing(q, result, answers)) }) : [];
    // and the indicators it asks for that the plant meets (said beside what fails)
    const holds = because.length ? indicatorsHeld(when!, { q, result, scope, know: (known ??= knowing(q, result, answers)) }) : [];
    // judged again with every confidential answer read as unknown: still false, it tells the office nothing of them
    const officeMissing = def.confidential && status === 'missing' && judge(when!, scope, withoutConfidential((known ??= knowing(q, result, answers)), q)) === false;
    return { id: def.id, title: def.title, ...(def.description ? { description: def.description } : {}), status, ...(def.confidential ? { confidential: true } : {}), ...(officeMissing ? { officeMissing: true as const } : {}), ...(because.length ? { because } : {}), ...(holds.length ? { holds } : {}) };
  });
  return {
    id: profile.def.id,
    title: profile.def.title,
    ...(profile.def.source ? { source: profile.def.source } : {}),
    ...(profile.def.note ? { note: profile.def.note } : {}),
    met: criteria.filter((c) => c.status === 'met').length,
    total: criteria.length,
    criteria,
  };
}

/** What the plant's answers decide when none of its confidential answers is known (what the programme office may learn). */
function withoutConfidential(know: Knowing, q: Questionnaire): Knowing {
  const hidden = confidentialQuestionIds(q);
  return { ...know, known: (node) => !readsAny(node, hidden) && know.known(node) };
}

/**
 * The batch's verdict for one plant: ready (true) when some criterion is met and every other is met or not assessable
 * from one file; not ready (false) when the known answers alone fail a criterion (missing, or only mostly met);
 * undetermined (null) when no criterion is failed by them but some is not met for answers nobody gave or knew (a short
 * form that never asks the criteria) — such a plant is neither a candidate nor known not to be one. The three-valued
 * reading (assessReadiness) is worked out only for a criterion that is not met, and stops at the first decided one.
 */
export function readinessVerdict(profile: ReadinessProfile, q: Questionnaire, result: ScoreResult, answers: Answers): boolean | null {
  const scope = plantRuleScope(q, result, answers);
  let met = false;
  let open = false;
  let known: Knowing | undefined;
  for (const { when } of profile.criteria) {
    if (!when) continue;
    if (truthy(evaluate(when, scope))) {
      met = true;
      continue;
    }
    if (decidedFalse(when, scope, (known ??= knowing(q, result, answers)))) return false;
    open = true;
  }
  return open ? null : met;
}

/**
 * The ids of the criteria assessReadiness marks `met` on these answers, and nothing else: where only met or not
 * matters (declaration-gains.ts reads each phase's projection, and each projection without one project), working out
 * why the others are not met (reasonsOf, the three-valued reading, the office's view) was most of the time spent.
 */
export function metCriteria(profile: ReadinessProfile, q: Questionnaire, result: ScoreResult, answers: Answers): Set<string> {
  const scope = plantRuleScope(q, result, answers);
  const met = new Set<string>();
  for (const { def, when } of profile.criteria) if (when && truthy(evaluate(when, scope))) met.add(def.id);
  return met;
}

/**
 * What decides a criterion that is not met: `missing` when the known answers alone make it false, `undetermined`
 * when answers nobody knew could still make it true. The condition is read in three values (Kleene): `and`, `or` and
 * `not` combine their parts; any other part (a comparison, a call, `in`…) is unknown when it reads an unknown answer
 * (see knownRefs). So `level('network') >= 2 and has_scada == true` is missing when has_scada is known false, whatever
 * the network level, and undetermined when the level is known high enough but has_scada is "don't know".
 */
function decidedFalse(when: Node, scope: Scope, know: Knowing): boolean {
  // every answer it reads is known (most plants): false is decided, no need to read it part by part
  return know.known(when) || judge(when, scope, know) === false;
}

