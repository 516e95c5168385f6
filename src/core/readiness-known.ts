/**
 * What a declaration criterion's condition reads that this plant's answers decide: a condition read in three values
 * (Kleene: true, false, or 'unknown' where it reads an answer nobody knew), and the answers still open. Pure.
 */
import { hiddenSettled, type Answers } from './answers.js';
import { collectRefs, type Node, type Refs } from './expression/parse.js';
import type { Questionnaire } from './questionnaire.js';
import { subdomainResult, type ScoreResult } from './result.js';
import type { Question } from './types.js';

/** What this plant's answers decide. */
export interface Knowing {
  /** Whether every answer a part of a condition reads is known enough to decide it. */
  known(node: Node): boolean;
  /** A sub-domain's requirement questions up to `upTo` that are asked and "don't know" or unanswered. */
  openQuestions(subdomain: string, upTo: number): Question[];
  /** Whether a section's level could still change with the answers nobody knew (it is not known). */
  sectionOpen(section: string): boolean;
}

/** The names of the plant's result a condition may read besides answers (the overall level and score). */
export const RESULT_NAMES: ReadonlySet<string> = new Set(['maturity', 'score_total']);

/**
 * `level('x') >= n` (or `> n - 1`, or written the other way round), likewise `section('x')` and `maturity`: what
 * is compared and the level asked for.
 */
export function levelAsked(node: Node): { of: Node; level: number } | undefined {
  if (node.t !== 'bin') return undefined;
  const { op, left, right } = node;
  if (right.t === 'lit' && typeof right.v === 'number' && (op === '>=' || op === '>')) return { of: left, level: op === '>=' ? right.v : right.v + 1 };
  if (left.t === 'lit' && typeof left.v === 'number' && (op === '<=' || op === '<')) return { of: right, level: op === '<=' ? left.v : left.v + 1 };
  return undefined;
}

/** The string a call names as its first argument (`level('equipment')`), when it is a literal. */
export const literalArg = (call: Node): string | undefined => (call.t === 'call' && call.args[0]?.t === 'lit' && typeof call.args[0].v === 'string' ? call.args[0].v : undefined);

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
 * What is known of one plant. Unknown: questions answered "don't know" or not at all (or hidden by such answers);
 * a sub-domain's level where it is not judged or its open requirements (don't know, unanswered) could lift it
 * (scoring's `couldReach`) — for `level('x') >= n`, only when they could lift it to n; sections without an answer
 * given with a value or with such a sub-domain; indicators that could not be computed; the overall level when none
 * is stated. The plant's own fields (industry, sector…) and tests of an answer's status (answered('…'), unknown('…'))
 * are not answers about the plant's capability and count as known.
 */
export function knowing(q: Questionnaire, result: ScoreResult, answers: Answers): Knowing {
  const given = (id: string) => answers.resolved.get(id)?.status === 'answered';
  const question = (id: string): boolean => {
    const v = answers.visibility.get(id) ?? 'visible';
    if (v === 'visible') return given(id) || answers.resolved.get(id)?.status === 'na';
    // hidden by other answers: known when they settle it; tailored out or n/a: known not to apply
    return v !== 'gated' || hiddenSettled(q, answers, id);
  };
  const visible = (id: string) => (answers.visibility.get(id) ?? 'visible') === 'visible';
  const open = (x: Question) => visible(x.id) && !given(x.id) && answers.resolved.get(x.id)?.status !== 'na';
  const index = readinessIndex(q);
  // A sub-domain's level is known when it is judged and its open requirements could not lift it; `needs`: known
  // enough to tell whether it reaches that level.
  const levelKnown = (id: string, needs?: number): boolean => {
    const sub = subdomainResult(result, id);
    if (!sub) return true;
    if (!sub.judged) return false;
    if (needs === undefined) return sub.couldReach === undefined;
    return sub.level >= needs || (sub.couldReach ?? sub.level) < needs;
  };
  // per plant, once per section (criteria read the same ones again and again)
  const sections = new Map<string, boolean>();
  const section = (id: string): boolean => {
    let known = sections.get(id);
    if (known === undefined) {
      known = (index.scored.get(id) ?? []).some((x) => given(x.id) && visible(x.id)) && (index.subdomains.get(id) ?? []).every((s) => levelKnown(s));
      sections.set(id, known);
    }
    return known;
  };
  const knownCall = (c: Refs['calls'][number]): boolean => {
    const id = literalArg(c);
    if (id === undefined) return true;
    if (c.name === 'level' || c.name === 'score') return levelKnown(id);
    if (c.name === 'section') return section(id);
    if (c.name === 'indicator' || c.name === 'met' || c.name === 'missed' || c.name === 'gap') return (result.indicators.find((i) => i.id === id)?.value ?? null) !== null;
    if (c.name === 'level_of' || c.name === 'score_of') return question(id);
    return true;
  };
  const knownId = (name: string): boolean => {
    if (q.byId.has(name)) return question(name);
    if (RESULT_NAMES.has(name)) return result.maturity.level !== null;
    return true;
  };
  return {
    known(node) {
      const asked = levelAsked(node);
      const id = asked && asked.of.t === 'call' && asked.of.name === 'level' ? literalArg(asked.of) : undefined;
      if (asked && id !== undefined) return levelKnown(id, asked.level);
      // a section or the overall level already at the level asked stays there whatever the open answers (they can
      // only raise it)
      if (asked && result.maturity.level !== null) {
        const sec = asked.of.t === 'call' && asked.of.name === 'section' ? result.sections.find((x) => x.id === literalArg(asked.of)) : undefined;
        if (sec && sec.level >= asked.level) return true;
        if (asked.of.t === 'id' && asked.of.name === 'maturity' && result.maturity.level >= asked.level) return true;
      }
      const refs = collectRefs(node);
      return refs.ids.every((r) => knownId(r.name)) && refs.calls.every(knownCall);
    },
    openQuestions: (subdomain, upTo) => (index.requirements.get(subdomain) ?? []).filter((x) => (x.level ?? 0) <= upTo && open(x)),
    sectionOpen: (id) => !section(id),
  };
}
