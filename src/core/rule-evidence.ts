/**
 * Why a rule is proposed to one plant: its evidence statements whose condition holds for the plant's answers, each
 * showing the answer it rests on (recommend.ts). Pure.
 */
import type { Answers } from './answers.js';
import { showAnswer } from './answer-display.js';
import { evaluate, truthy, type Scope } from './expression/evaluate.js';
import { collectRefs, type Node } from './expression/parse.js';
import type { Questionnaire } from './questionnaire.js';
import type { EvidenceItem } from './recommendation.js';
import type { CompiledEvidence } from './rules-def.js';
import type { Text } from './types.js';
import { fill } from './wording.js';

/**
 * Building the plan only (no rationale): which statements hold, in one pass — `open` when one the office audience may
 * read holds (then nothing more is evaluated), `confidential` when only statements resting on confidential answers
 * hold, `none` when none does.
 */
export function evidenceHolding(list: readonly CompiledEvidence[], scope: Scope): 'open' | 'confidential' | 'none' {
  let held: 'confidential' | 'none' = 'none';
  for (const e of list) {
    // a supporting statement ("nobody could give the OEE") is shown with the others but proposes nothing on its own
    if (e.def.supporting || !truthy(evaluate(e.when, scope))) continue;
    if (!e.confidential) return 'open';
    held = 'confidential';
  }
  return held;
}

/** The statements whose condition holds, each with the answer it rests on. */
export function heldEvidence(list: readonly CompiledEvidence[], scope: Scope, q: Questionnaire, answers: Answers): EvidenceItem[] {
  const out: EvidenceItem[] = [];
  for (const e of list) {
    if (!truthy(evaluate(e.when, scope))) continue;
    const r = answers.resolved.get(e.def.question);
    const item: EvidenceItem = { question: e.def.question, answer: r?.status === 'answered' ? r.value : null, statement: withAnswers(e, q, answers) };
    if (e.confidential) item.confidential = true;
    out.push(item);
  }
  return out;
}

/** A statement with each {question_id} slot (found at load) showing the plant's answer as the plant would recognise it. */
function withAnswers(e: CompiledEvidence, q: Questionnaire, answers: Answers): Text {
  if (!e.slots.length) return e.def.statement;
  return fill(e.def.statement, Object.fromEntries(e.slots.map((id) => [id, showAnswer(q.byId.get(id), answers.resolved.get(id))])));
}

export const joinStatements = (items: readonly EvidenceItem[]): Text => ({
  zh: items.map((e) => e.statement.zh).join(''),
  en: items.map((e) => e.statement.en).join(' '),
});

/**
 * The questions conditions read (by name or as a call's literal argument: level_of('…'), known('…')) that the plant
 * answered "don't know" or left unanswered while they were asked of it, in questionnaire order: what a decision that
 * went against a project may turn on.
 */
export function openAnswersRead(nodes: readonly Node[], q: Questionnaire, answers: Answers): string[] {
  const read = new Set<string>();
  for (const node of nodes) {
    const refs = collectRefs(node);
    for (const r of refs.ids) read.add(r.name);
    for (const c of refs.calls) if (c.args[0]?.t === 'lit' && typeof c.args[0].v === 'string') read.add(c.args[0].v);
  }
  const out: string[] = [];
  for (const id of read) {
    if (!q.byId.has(id) || (answers.visibility.get(id) ?? 'visible') !== 'visible') continue;
    const status = answers.resolved.get(id)?.status ?? 'unanswered';
    if (status === 'unknown' || status === 'unanswered') out.push(id);
  }
  return out.sort((a, b) => q.questions.indexOf(q.byId.get(a)!) - q.questions.indexOf(q.byId.get(b)!));
}