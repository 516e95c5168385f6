/**
 * What a declaration criterion that does not hold rests on at one plant: the parts of its condition that fail (or,
 * undecided, that nobody's answers decide), as facts the report states with this plant's values. Pure.
 */
import type { Scope } from './expression/evaluate.js';
import { collectRefs, type Node } from './expression/parse.js';
import type { Questionnaire } from './questionnaire.js';
import { judge, type Tri } from './expression/kleene.js';
import { levelAsked, literalArg, RESULT_NAMES, type Knowing } from './readiness-known.js';
import { subdomainResult, type ScoreResult } from './result.js';

/**
 * One thing a criterion not met rests on: a sub-domain's level, a section's, the overall level (`needs`: the level
 * its part asks for), an indicator, an answer (`confidential`: one the programme office never reads), a sub-domain's
 * requirements still open ("don't know", unanswered) that could decide it, or alternatives of which any one would do.
 */
export type CriterionFact =
  /** `couldReach`: (undecided) the level its open requirements would give were they met, at least `needs`. */
  | { kind: 'subdomain'; id: string; needs?: number; couldReach?: number }
  /** `mayChange`: (undecided) its level could still change with the answers nobody knew. */
  | { kind: 'section'; id: string; needs?: number; mayChange?: true }
  | { kind: 'maturity'; needs?: number }
  | { kind: 'indicator'; id: string }
  /** `wants`: the value the criterion compares the answer with (`has_wms == true`), when that is all it asks of it. */
  | { kind: 'question'; id: string; confidential?: true; wants?: string | number | boolean }
  | { kind: 'open'; subdomain: string; questions: { id: string; confidential?: true }[] }
  | { kind: 'anyOf'; groups: CriterionFact[][] };

/** A plant as the reasons read it. */
export interface Why {
  q: Questionnaire;
  result: ScoreResult;
  scope: Scope;
  know: Knowing;
}

/** What a condition that does not hold rests on: the facts its failing parts read (or, undecided, its unknown parts). */
export function reasonsOf(when: Node, why: Why): CriterionFact[] {
  const verdict = judge(when, why.scope, why.know);
  // the open requirements that could still decide it are named only where they could (undecided)
  return verdict === true ? [] : factsOf(blame(when, verdict, why), why, verdict === 'unknown');
}

/**
 * The indicators a criterion not met asks to be met (`met('cnc-rate') == true`) that this plant meets: the parts of
 * its condition that hold, said beside those that fail (a rolling mill's key processes are under closed-loop control,
 * its equipment register is what is missing).
 */
export function indicatorsHeld(when: Node, why: Why): CriterionFact[] {
  const ids: string[] = [];
  for (const part of conjuncts(when)) {
    if (judge(part, why.scope, why.know) !== true) continue;
    // (a part that holds by another alternative, `has_scada == true or met('cnc-rate')`, names only what is met)
    for (const call of collectRefs(part).calls) {
      const id = call.name === 'met' ? literalArg(call) : undefined;
      if (id !== undefined && !ids.includes(id) && judge(call, why.scope, why.know) === true) ids.push(id);
    }
  }
  return ids.map((id) => ({ kind: 'indicator', id }));
}

/** The facts the programme office may read: none that is a confidential answer. */
export function officeFacts(facts: readonly CriterionFact[]): CriterionFact[] {
  const out: CriterionFact[] = [];
  for (const f of facts) {
    if (f.kind === 'question' && f.confidential) continue;
    if (f.kind === 'open') {
      const questions = f.questions.filter((x) => !x.confidential);
      if (questions.length) out.push({ ...f, questions });
    } else if (f.kind === 'anyOf') {
      const groups = f.groups.map(officeFacts).filter((g) => g.length);
      if (groups.length) out.push({ kind: 'anyOf', groups });
    } else out.push(f);
  }
  return out;
}

/**
 * Whether the programme office is not told a criterion's status: it rests on confidential answers (security
 * weaknesses) and is not missing whatever they were (`officeMissing`, judged with them unknown). One that fails for
 * a part the office reads anyway (the sub-domain level in its own gaps) is shown not met, for that part.
 */
export function withheldFromOffice(c: { confidential?: boolean; officeMissing?: boolean }): boolean {
  return Boolean(c.confidential) && !c.officeMissing;
}

/** A failing part (a comparison, a call…) or alternatives, each with its failing parts. */
type Blamed = Node | { anyOf: Blamed[][] };

/**
 * The parts of a condition that make it `wanted` (false: the parts that are not true; 'unknown': those nobody's
 * answers decide), down to the comparisons and calls; of `not a`, the parts that make `a` the opposite. Alternatives
 * (`a or b`) that fail are kept apart, each with its own parts, less those this plant can never take (ruledOut).
 */
function blame(node: Node, wanted: Tri, why: Why): Blamed[] {
  if (node.t === 'bin' && (node.op === 'and' || node.op === 'or')) {
    if (node.op === 'or' && wanted !== true) {
      const alternatives = disjuncts(node)
        .filter((alt) => judge(alt, why.scope, why.know) === wanted && !ruledOut(alt, why))
        .map((alt) => blame(alt, wanted, why))
        .filter((b) => b.length);
      return alternatives.length <= 1 ? (alternatives[0] ?? []) : [{ anyOf: alternatives }];
    }
    if (node.op === 'and' && wanted === false && ruledOut(node, why)) return [];
    const parts = [node.left, node.right];
    const values = parts.map((part) => judge(part, why.scope, why.know));
    return parts.filter((_, i) => (wanted === false ? values[i] !== true : values[i] === wanted)).flatMap((part) => blame(part, wanted, why));
  }
  if (node.t === 'un' && node.op === 'not') return blame(node.arg, wanted === 'unknown' ? 'unknown' : !wanted, why);
  return [node];
}

/** `id == literal` (either way round): the answer and the one value a part asks of it. */
function equalsValue(node: Node): { id: string; value: string | number | boolean } | undefined {
  if (node.t !== 'bin' || node.op !== '==') return undefined;
  const [id, lit] = node.left.t === 'id' ? [node.left, node.right] : [node.right, node.left];
  if (id.t !== 'id' || lit.t !== 'lit' || lit.v === null || Array.isArray(lit.v)) return undefined;
  return { id: id.name, value: lit.v };
}

/** The parts of `a or b or c` (however grouped). */
const disjuncts = (node: Node): Node[] => (node.t === 'bin' && node.op === 'or' ? [...disjuncts(node.left), ...disjuncts(node.right)] : [node]);
/** The parts of `a and b and c` (however grouped). */
const conjuncts = (node: Node): Node[] => (node.t === 'bin' && node.op === 'and' ? [...conjuncts(node.left), ...conjuncts(node.right)] : [node]);

/**
 * An alternative this plant can never take, so it says nothing about what the plant lacks: one its own fields rule
 * out (`industry != 'process' and …` in a process plant), or one asking a level of a sub-domain that does not apply
 * to it (no result: every question of it is n/a or tailored out).
 */
function ruledOut(node: Node, why: Why): boolean {
  return conjuncts(node).some((part) => {
    const refs = collectRefs(part);
    if (refs.calls.length === 0 && refs.ids.every((r) => !why.q.byId.has(r.name) && !RESULT_NAMES.has(r.name))) return judge(part, why.scope, why.know) === false;
    const asked = levelAsked(part);
    const id = asked && asked.of.t === 'call' && asked.of.name === 'level' ? literalArg(asked.of) : undefined;
    return id !== undefined && subdomainResult(why.result, id) === undefined;
  });
}

/** The facts some parts read, each once, in the order written; alternatives as groups (the easiest of like ones). */
function factsOf(parts: readonly Blamed[], why: Why, withOpen: boolean): CriterionFact[] {
  const out: CriterionFact[] = [];
  const seen = new Set<string>();
  const add = (fact: CriterionFact, key: string) => {
    if (!seen.has(key)) {
      seen.add(key);
      out.push(fact);
    }
  };
  const question = (id: string, wants?: string | number | boolean) => {
    const x = why.q.byId.get(id);
    if (x) add({ kind: 'question', id, ...(x.confidential ? { confidential: true as const } : {}), ...(wants !== undefined ? { wants } : {}) }, `question:${id}`);
  };
  // a sub-domain whose open requirements could still lift it to the level asked: those answers
  const subdomain = (id: string, needs: number | undefined) => {
    const sub = subdomainResult(why.result, id);
    const reach = sub?.couldReach;
    const open = withOpen && sub && reach !== undefined && !(needs !== undefined && (sub.level >= needs || reach < needs));
    add({ kind: 'subdomain', id, ...(needs !== undefined ? { needs } : {}), ...(open && sub.judged ? { couldReach: reach } : {}) }, `subdomain:${id}`);
    if (!open) return;
    const questions = why.know.openQuestions(id, needs ?? reach).map((x) => ({ id: x.id, ...(x.confidential ? { confidential: true as const } : {}) }));
    if (questions.length) add({ kind: 'open', subdomain: id, questions }, `open:${id}`);
  };
  parts.forEach(collect);
  // an answer named on its own is not named again among a sub-domain's open requirements
  const named = new Set(out.flatMap((f) => (f.kind === 'question' ? [f.id] : [])));
  return out.flatMap((f): CriterionFact[] => {
    if (f.kind !== 'open') return [f];
    const questions = f.questions.filter((x) => !named.has(x.id));
    return questions.length ? [{ ...f, questions }] : [];
  });

  function collect(part: Blamed): void {
    if ('anyOf' in part) {
      const groups = easiest(part.anyOf.map((group) => factsOf(group, why, withOpen)));
      if (groups.length === 1) for (const f of groups[0]!) add(f, JSON.stringify(f));
      else out.push({ kind: 'anyOf', groups });
      return;
    }
    const asked = levelAsked(part);
    if (asked && asked.of.t === 'id' && asked.of.name === 'maturity') {
      add({ kind: 'maturity', needs: asked.level }, 'maturity');
      return;
    }
    const id = asked && asked.of.t === 'call' && (asked.of.name === 'level' || asked.of.name === 'section') ? literalArg(asked.of) : undefined;
    if (asked && id !== undefined) {
      if (asked.of.t === 'call' && asked.of.name === 'level') subdomain(id, asked.level);
      else add({ kind: 'section', id, needs: asked.level, ...(withOpen && why.know.sectionOpen(id) ? { mayChange: true as const } : {}) }, `section:${id}`);
      return;
    }
    // an answer compared with one value (`has_wms == true`): the report says what it needs beside what it is
    const wants = equalsValue(part);
    if (wants && why.q.byId.has(wants.id)) {
      question(wants.id, wants.value);
      return;
    }
    const refs = collectRefs(part);
    // in the order written: calls and names as they come in the text
    const items = [...refs.ids.map((r) => ({ pos: r.pos, name: r.name, call: undefined })), ...refs.calls.map((c) => ({ pos: c.pos, name: c.name, call: c }))].sort((a, b) => a.pos - b.pos);
    for (const item of items) {
      if (!item.call) {
        if (RESULT_NAMES.has(item.name)) add({ kind: 'maturity' }, 'maturity');
        else question(item.name);
        continue;
      }
      const arg = literalArg(item.call);
      if (arg === undefined) continue;
      if (item.name === 'level' || item.name === 'score') subdomain(arg, undefined);
      else if (item.name === 'section') add({ kind: 'section', id: arg }, `section:${arg}`);
      else if (item.name === 'indicator' || item.name === 'met' || item.name === 'missed' || item.name === 'gap') add({ kind: 'indicator', id: arg }, `indicator:${arg}`);
      else if (item.name === 'level_of' || item.name === 'score_of' || item.name === 'answered' || item.name === 'known' || item.name === 'unknown' || item.name === 'na') question(arg);
    }
  }
}

/**
 * Alternatives less those another makes redundant: one whose every fact is in this one too, asking no higher a level
 * (计划与调度 达到 3 级, or — with an MES in place — 达到 2 级: the second is all that is needed).
 */
function easiest(groups: CriterionFact[][]): CriterionFact[][] {
  const covers = (easy: CriterionFact[], hard: CriterionFact[]) =>
    easy.every((e) => hard.some((h) => h.kind === e.kind && sameThing(h, e) && needsOf(e) <= needsOf(h)));
  return groups.filter((g, i) => !groups.some((other, j) => j !== i && covers(other, g) && (!covers(g, other) || j < i)));
}
const needsOf = (f: CriterionFact): number => ('needs' in f && f.needs !== undefined ? f.needs : 0);
/** What a fact is about (its kind is compared apart): an id, the sub-domain of open requirements, or nothing. */
const about = (f: CriterionFact): string => (f.kind === 'maturity' ? '' : f.kind === 'anyOf' ? '\u0000' : f.kind === 'open' ? f.subdomain : f.id);
const sameThing = (a: CriterionFact, b: CriterionFact): boolean => a.kind !== 'anyOf' && about(a) === about(b);
