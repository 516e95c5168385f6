import type { Answers } from './answers.js';
import { evaluate, truthy, type Scope } from './expression/evaluate.js';
import { collectRefs, type Node, type Refs } from './expression/parse.js';
import type { Questionnaire } from './questionnaire.js';
import type { ReadinessProfile } from './readiness-def.js';
import { subdomainResult, type ScoreResult } from './result.js';
import { plantRuleScope } from './rule-scope.js';
import type { Question, Text } from './types.js';

/**
 * `mostly`: not met, but the answers show it mostly met (the criterion's `mostlyWhen`); it does not count as met.
 * `undetermined`: not met by the known answers, but answers that are "don't know" or unanswered could still meet it,
 * so it is neither met nor missing.
 */
export type CriterionStatus = 'met' | 'mostly' | 'missing' | 'not-assessable' | 'undetermined';
/**
 * What a criterion not met rests on: a sub-domain's level, an indicator, a section or an answer the parts of its
 * condition that fail read (the report states this plant's value of each). `confidential`: an answer the programme
 * office never reads.
 */
export type CriterionFact =
  /** `needs`: the level the part asks for, when it is `level('…') >= n` (or section, maturity). */
  | { kind: 'subdomain' | 'section'; id: string; needs?: number }
  | { kind: 'maturity'; needs?: number }
  | { kind: 'indicator'; id: string }
  | { kind: 'question'; id: string; confidential?: true };
export interface ReadinessResult {
  id: string;
  title: Text;
  source?: string;
  note?: Text;
  met: number;
  total: number;
  criteria: { id: string; title: Text; description?: Text; status: CriterionStatus; confidential?: boolean; because?: CriterionFact[] }[];
}

/** Declaration readiness from one assessment; KPI gains need two assessments and are "not assessable" here. */
export function assessReadiness(profile: ReadinessProfile, q: Questionnaire, result: ScoreResult, answers: Answers): ReadinessResult {
  const scope = plantRuleScope(q, result, answers);
  let known: ((refs: Refs) => boolean) | undefined;
  const criteria = profile.criteria.map(({ def, when, mostlyWhen }) => {
    const status: CriterionStatus = !when
      ? 'not-assessable'
      : truthy(evaluate(when, scope))
        ? 'met'
        : mostlyWhen && truthy(evaluate(mostlyWhen, scope))
          ? 'mostly'
          : decidedFalse(when, scope, (known ??= knownRefs(q, result, answers)))
            ? 'missing'
            : 'undetermined';
    const because = when && (status === 'missing' || status === 'mostly' || status === 'undetermined') ? reasonsOf(q, when, scope, (known ??= knownRefs(q, result, answers))) : [];
    return { id: def.id, title: def.title, ...(def.description ? { description: def.description } : {}), status, ...(def.confidential ? { confidential: true } : {}), ...(because.length ? { because } : {}) };
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

/**
 * The batch's verdict for one plant: ready when some criterion is met and every other is met or not assessable from
 * one file. A criterion not met makes the plant not ready whether it is missing, mostly met or undetermined, so which
 * of these it is is not worked out here (the three-valued reading is the report's, in assessReadiness).
 */
export function looksReady(profile: ReadinessProfile, q: Questionnaire, result: ScoreResult, answers: Answers): boolean {
  const scope = plantRuleScope(q, result, answers);
  let met = false;
  for (const { when } of profile.criteria) {
    if (!when) continue;
    if (!truthy(evaluate(when, scope))) return false;
    met = true;
  }
  return met;
}

/**
 * What decides a criterion that is not met: `missing` when the known answers alone make it false, `undetermined`
 * when answers nobody knew could still make it true. The condition is read in three values (Kleene): `and`, `or` and
 * `not` combine their parts; any other part (a comparison, a call, `in`…) is unknown when it reads an unknown answer
 * (see knownRefs). So `level('network') >= 2 and has_scada == true` is missing when has_scada is known false, whatever
 * the network level, and undetermined when the level is known high enough but has_scada is "don't know".
 */
function decidedFalse(when: Node, scope: Scope, known: (refs: Refs) => boolean): boolean {
  // every answer it reads is known (most plants): false is decided, no need to read it part by part
  return known(collectRefs(when)) || judge(when, scope, known) === false;
}

type Tri = boolean | 'unknown';

/**
 * The parts of a condition that make it `wanted` (false: the parts that fail; 'unknown': those nobody's answers
 * decide), down to the comparisons and calls: of `a and b`, each part that is so (or, when none is false, each
 * unknown part); of `a or b`, every part not true; of `not a`, the parts that make `a` true.
 */
function blame(node: Node, scope: Scope, known: (refs: Refs) => boolean, wanted: Tri, q: Questionnaire): Node[] {
  if (node.t === 'bin' && (node.op === 'and' || node.op === 'or')) {
    const parts = [node.left, node.right];
    const values = parts.map((part) => judge(part, scope, known));
    // an alternative the plant's own fields rule out (`industry != 'process' and …` in a process plant) says
    // nothing about what it lacks
    if (wanted === false && node.op === 'and' && conjuncts(node).some((part) => onlyPlantFields(part, q) && judge(part, scope, known) === false)) return [];
    const wantedTrue = wanted === true;
    // and → false, or → true: one part decides; the other ways round every part that is not the opposite
    const deciding = (node.op === 'and') !== wantedTrue ? parts.filter((_, i) => values[i] === wanted) : parts.filter((_, i) => values[i] !== !wanted);
    return deciding.flatMap((part) => blame(part, scope, known, wanted, q));
  }
  if (node.t === 'un' && node.op === 'not') return blame(node.arg, scope, known, wanted === 'unknown' ? 'unknown' : !wanted, q);
  return [node];
}

/** The parts of `a and b and c` (however grouped). */
function conjuncts(node: Node): Node[] {
  return node.t === 'bin' && node.op === 'and' ? [...conjuncts(node.left), ...conjuncts(node.right)] : [node];
}

/** A part that reads neither an answer nor a result: only the plant's own fields (industry, sector…). */
function onlyPlantFields(node: Node, q: Questionnaire): boolean {
  const refs = collectRefs(node);
  return refs.calls.length === 0 && refs.ids.every((r) => !q.byId.has(r.name) && !RESULT_NAMES.has(r.name));
}
const RESULT_NAMES = new Set(['maturity', 'score_total']);

/** What a condition that does not hold rests on: the facts its failing parts read (or, undecided, its unknown parts). */
function reasonsOf(q: Questionnaire, when: Node, scope: Scope, known: (refs: Refs) => boolean): CriterionFact[] {
  const verdict = judge(when, scope, known);
  return verdict === true ? [] : factsOf(q, blame(when, scope, known, verdict, q));
}

/** `level('x') >= n`, `section('x') >= n`, `maturity >= n`: what is compared and the level asked for. */
function levelAsked(node: Node): { of: Node; level: number } | undefined {
  if (node.t !== 'bin' || node.op !== '>=' || node.right.t !== 'lit' || typeof node.right.v !== 'number') return undefined;
  return { of: node.left, level: node.right.v };
}

/** The sub-domains, indicators, sections and answers some parts of a condition read, each once, in order. */
function factsOf(q: Questionnaire, parts: readonly Node[]): CriterionFact[] {
  const out: CriterionFact[] = [];
  const seen = new Set<string>();
  const add = (fact: CriterionFact) => {
    const key = fact.kind === 'maturity' ? fact.kind : `${fact.kind}:${fact.id}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push(fact);
    }
  };
  const question = (id: string) => {
    const x = q.byId.get(id);
    if (x) add({ kind: 'question', id, ...(x.confidential ? { confidential: true as const } : {}) });
  };
  for (const part of parts) {
    const needs = levelAsked(part);
    if (needs !== undefined && needs.of.t === 'id' && needs.of.name === 'maturity') {
      add({ kind: 'maturity', needs: needs.level });
      continue;
    }
    if (needs !== undefined && needs.of.t === 'call' && (needs.of.name === 'level' || needs.of.name === 'section')) {
      const arg = needs.of.args[0];
      if (arg?.t === 'lit' && typeof arg.v === 'string') {
        add({ kind: needs.of.name === 'level' ? 'subdomain' : 'section', id: arg.v, needs: needs.level });
        continue;
      }
    }
    const refs = collectRefs(part);
    // in the order written: calls and names as they come in the text
    const items = [...refs.ids.map((r) => ({ pos: r.pos, name: r.name, call: undefined })), ...refs.calls.map((c) => ({ pos: c.pos, name: c.name, call: c }))].sort((a, b) => a.pos - b.pos);
    for (const item of items) {
      if (!item.call) {
        if (item.name === 'maturity') add({ kind: 'maturity' });
        else question(item.name);
        continue;
      }
      const arg = item.call.args[0];
      if (arg?.t !== 'lit' || typeof arg.v !== 'string') continue;
      if (item.name === 'level' || item.name === 'score') add({ kind: 'subdomain', id: arg.v });
      else if (item.name === 'section') add({ kind: 'section', id: arg.v });
      else if (item.name === 'indicator' || item.name === 'met' || item.name === 'missed' || item.name === 'gap') add({ kind: 'indicator', id: arg.v });
      else if (item.name === 'level_of' || item.name === 'score_of' || item.name === 'answered' || item.name === 'known' || item.name === 'unknown' || item.name === 'na') question(arg.v);
    }
  }
  return out;
}

function judge(node: Node, scope: Scope, known: (refs: Refs) => boolean): Tri {
  if (node.t === 'bin' && (node.op === 'and' || node.op === 'or')) {
    const left = judge(node.left, scope, known);
    const decisive = node.op === 'or';
    if (left === decisive) return decisive;
    const right = judge(node.right, scope, known);
    if (right === decisive) return decisive;
    return left === 'unknown' || right === 'unknown' ? 'unknown' : !decisive;
  }
  if (node.t === 'un' && node.op === 'not') {
    const inner = judge(node.arg, scope, known);
    return inner === 'unknown' ? 'unknown' : !inner;
  }
  return known(collectRefs(node)) ? truthy(evaluate(node, scope)) : 'unknown';
}

/** A questionnaire's questions as the criteria read them, found once per questionnaire. */
interface ReadinessIndex {
  /** Requirement questions by sub-domain. */
  requirements: Map<string, Question[]>;
  /** By section: its questions that belong to a sub-domain, and those sub-domains. */
  scored: Map<string, Question[]>;
  subdomains: Map<string, string[]>;
}
const indexes = new WeakMap<Questionnaire, ReadinessIndex>();
function readinessIndex(q: Questionnaire): ReadinessIndex {
  let index = indexes.get(q);
  if (!index) {
    index = { requirements: new Map(), scored: new Map(), subdomains: new Map() };
    for (const x of q.questions) if (x.type === 'requirement' && x.subdomain !== undefined) index.requirements.set(x.subdomain, [...(index.requirements.get(x.subdomain) ?? []), x]);
    for (const sec of q.def.sections) {
      const scored = sec.questions.filter((x) => x.subdomain !== undefined);
      index.scored.set(sec.id, scored);
      index.subdomains.set(sec.id, [...new Set(scored.map((x) => x.subdomain!))]);
    }
    indexes.set(q, index);
  }
  return index;
}

/**
 * Whether every answer a part of a condition reads is known. Unknown: questions answered "don't know" or not at all
 * (or hidden by such answers), sub-domains not judged or with an open requirement (don't know, unanswered) at a level up
 * to the first they do not pass, sections without an answer given with a value or with such a sub-domain, indicators
 * that could not be computed, the overall level when none is stated. The plant's own fields (industry, sector…) and tests of
 * an answer's status (answered('…'), unknown('…')) are not answers about the plant's capability and count as known.
 */
function knownRefs(q: Questionnaire, result: ScoreResult, answers: Answers): (refs: Refs) => boolean {
  const given = (id: string) => answers.resolved.get(id)?.status === 'answered';
  const question = (id: string): boolean => {
    const v = answers.visibility.get(id) ?? 'visible';
    if (v === 'visible') return given(id) || answers.resolved.get(id)?.status === 'na';
    // hidden by other answers: known when those are given; tailored out or n/a: known not to apply
    return v !== 'gated' || (q.whenRefs.get(id) ?? []).every(given);
  };
  const visible = (id: string) => (answers.visibility.get(id) ?? 'visible') === 'visible';
  // A requirement that could still move its level: asked of this plant, and "don't know" or unanswered.
  const open = (x: Question) => visible(x.id) && !given(x.id) && answers.resolved.get(x.id)?.status !== 'na';
  // A sub-domain's level is known when it is judged and no open requirement of a level up to the first it does not
  // pass could lift it (one above that level cannot).
  const index = readinessIndex(q);
  // per plant, once per sub-domain and section (criteria read the same ones again and again)
  const levels = new Map<string, boolean>();
  const sections = new Map<string, boolean>();
  const levelKnown = (id: string): boolean => {
    let known = levels.get(id);
    if (known === undefined) {
      const sub = subdomainResult(result, id);
      // its level L passes levels 1..L; L + 1 is the first it does not pass
      known = !sub || (sub.judged && !(index.requirements.get(id) ?? []).some((x) => (x.level ?? 0) <= sub.level + 1 && open(x)));
      levels.set(id, known);
    }
    return known;
  };
  const section = (id: string): boolean => {
    let known = sections.get(id);
    if (known === undefined) {
      known = (index.scored.get(id) ?? []).some((x) => given(x.id) && visible(x.id)) && (index.subdomains.get(id) ?? []).every(levelKnown);
      sections.set(id, known);
    }
    return known;
  };
  const knownCall = (c: Refs['calls'][number]): boolean => {
    const arg = c.args[0];
    if (arg?.t !== 'lit' || typeof arg.v !== 'string') return true;
    const id = arg.v;
    if (c.name === 'level' || c.name === 'score') return levelKnown(id);
    if (c.name === 'section') return section(id);
    if (c.name === 'indicator' || c.name === 'met' || c.name === 'missed' || c.name === 'gap') return (result.indicators.find((i) => i.id === id)?.value ?? null) !== null;
    if (c.name === 'level_of' || c.name === 'score_of') return question(id);
    return true;
  };
  const knownId = (name: string): boolean => {
    if (q.byId.has(name)) return question(name);
    if (name === 'maturity' || name === 'score_total') return result.maturity.level !== null;
    return true;
  };
  return (refs) => refs.ids.every((r) => knownId(r.name)) && refs.calls.every(knownCall);
}
