/**
 * One question: its header (where we are, the current answer, note and evidence, help), the prompt, and what
 * follows — an answer (a percentage typed as a bare number up to 1 is asked about, a figure's unit where the
 * question offers several; level 5 needs a note), a command (note, evidence, help, back, menu, skip), and the move
 * to the next question.
 */
import {
  ambiguousPercent,
  answerWarnings,
  checkAnswer,
  evidenceOf,
  formatAnswer,
  nextQuestion,
  nextUnanswered,
  noteOf,
  placeOf,
  plausibleReading,
  previousQuestion,
  questionWording,
  withAnswer,
  type Given,
  type Snapshot,
} from '../../core/interview.js';
import { normaliseAnswer } from '../../core/answer-value.js';
import { answerUnit, storedUnit, unitText, withUnit, type AnswerUnit } from '../../core/kpi-units.js';
import type { AnswerValue, Question, Text } from '../../core/types.js';
import { formatNumber } from '../../core/values.js';
import type { MessageArgs, MessageCode } from '../../messages/catalogue.js';
import { menu } from './menus.js';
import { editEvidence, editNote, evidenceText, level5Note } from './notes.js';
import { forTerminal, unitAsked, type Action, type QuestionView } from './prompter.js';
import type { Interview, Position } from './state.js';

/** Longest note shown above a question (lines); a merge conflict's candidates fit in far fewer. */
const NOTE_LINES = 12;

function noteLines(iv: Interview, code: MessageCode, text: string): string[] {
  const lines = text.split('\n').map((l) => forTerminal(l.replace(/\s+/g, ' ').trim())).filter(Boolean);
  const shown = lines.length > NOTE_LINES ? [...lines.slice(0, NOTE_LINES - 1), '…'] : lines;
  return shown.map((l, i) => (i === 0 ? iv.m(code, { text: l }) : `   ${l}`));
}

function header(iv: Interview, question: Question, snap: Snapshot, wording: { help: Text }): string[] {
  const place = placeOf(iv.q, snap, question.id);
  const lines: string[] = [''];
  // the question's id only for a consultant (an assessor is named), who cross-references it with validate's messages
  if (place) lines.push(iv.m(iv.showIds() ? 'iv.place-id' : 'iv.place', { section: iv.t(place.section.title), index: place.index, count: place.count, answered: place.answered, total: place.total, id: question.id }));
  const shownAnswer = formatAnswer(question, iv.data.answers?.[question.id] ?? undefined, iv.lang, iv.showLevels, unitText(question, answerUnit(question, iv.data), iv.lang));
  if (shownAnswer !== undefined) lines.push(iv.m('iv.current-answer', { answer: forTerminal(shownAnswer) }));
  // The whole note (a merge conflict lists every candidate value): wrapped by the prompter, never cut short.
  const note = noteOf(iv.data, question.id);
  if (note?.text.trim()) lines.push(...noteLines(iv, note.internal ? 'iv.internal-note-line' : 'iv.note-line', note.text));
  if (note?.internalText) lines.push(...noteLines(iv, 'iv.internal-note-line', note.internalText));
  const evidence = evidenceOf(iv.data, question.id);
  if (evidence) lines.push(iv.m('iv.evidence-line', evidenceText(iv, evidence)));
  lines.push(...iv.takeFlash());
  if (iv.showHelp) {
    lines.push(iv.m('iv.help', { help: iv.t(wording.help) }));
    if (question.evidence) lines.push(iv.m('iv.evidence-guidance', { evidence: iv.t(question.evidence) }));
    iv.showHelp = false;
  }
  return lines;
}

function problemText(iv: Interview, id: string, problems: { code: MessageCode; args: MessageArgs }[]): string {
  return problems
    .map((p) => {
      // The question is on screen: the message is said without it (its id, stripped below), and the options by their
      // labels alone, as a table cell takes them (checkAnswer words the rest).
      const args: MessageArgs = { ...p.args, id, field: id };
      if (p.args.labels_zh !== undefined && p.args.labels_en !== undefined) Object.assign(args, { allowed_zh: p.args.labels_zh, allowed_en: p.args.labels_en });
      const m = iv.m(p.code, args);
      return m.startsWith(`${id}: `) ? m.slice(id.length + 2) : m.startsWith(`${id}：`) ? m.slice(id.length + 1) : m;
    })
    .join('; ');
}

/** How a value reads at the question, a number in `unit` (the question's own unit when none is given). */
const formatted = (iv: Interview, question: Question, value: AnswerValue, unit?: string) => forTerminal(formatAnswer(question, value, iv.lang, iv.showLevels, unit) ?? String(value));

function view(iv: Interview, question: Question, snap: Snapshot, pending?: AnswerValue): QuestionView {
  const wording = questionWording(question, iv.data.respondent.industry);
  // the unit the file states for the answer (kpis.units), as the header, the hint and the record line show it
  const stated = answerUnit(question, iv.data);
  const unit = unitText(question, stated, iv.lang);
  const n = normaliseAnswer(question, iv.data.answers?.[question.id]);
  const current: AnswerValue | undefined = 'error' in n || n.status === 'unanswered' ? undefined : n.status === 'unknown' ? 'unknown' : n.status === 'na' ? 'n/a' : n.value;
  return {
    question,
    lang: iv.lang,
    header: header(iv, question, snap, wording),
    text: iv.t(wording.text),
    ...(current !== undefined ? { current } : {}),
    ...(pending !== undefined ? { pending } : {}),
    hasNote: noteOf(iv.data, question.id) !== undefined,
    hasEvidence: evidenceOf(iv.data, question.id) !== undefined,
    showLevels: iv.showLevels,
    ...(stated.kind !== 'own' && unit !== undefined ? { unit: forTerminal(unit) } : {}),
    check: (raw) => {
      const r = checkAnswer(iv.q, iv.data, question.id, { kind: 'value', raw });
      return r.ok ? { ok: true, value: r.stored } : { ok: false, message: problemText(iv, question.id, r.problems) };
    },
    format: (value) => formatted(iv, question, value, unit),
  };
}

/** Ask one question; returns where to go next. */
export async function askQuestion(iv: Interview, id: string, reviewMode: boolean): Promise<Position | 'exit'> {
  let pending: AnswerValue | undefined;
  for (;;) {
    const snap = iv.snap();
    const question = iv.q.byId.get(id);
    if (!question || !snap.order.some((x) => x.id === id)) {
      // Hidden since (an answer or the industry type changed), or not asked in this mode: go on with the next one.
      const next = nextQuestion(iv.q, snap, id);
      return next ? { kind: 'question', id: next.id, reviewMode } : { kind: 'review' };
    }
    if (iv.cursor !== id) await iv.save(id);
    const shown = view(iv, question, snap, pending);
    const action: Action = await iv.p.question(shown);
    pending = undefined;
    switch (action.kind) {
      case 'answer': {
        const settled = await clarify(iv, question, action, shown);
        if (!settled) continue;
        if (!(await needsNoteFirst(iv, question, settled.given))) continue;
        return answer(iv, question, settled.given, reviewMode, settled.unit);
      }
      case 'unknown':
        return answer(iv, question, { kind: 'unknown' }, reviewMode);
      case 'na':
        return answer(iv, question, { kind: 'na' }, reviewMode);
      case 'skip':
        return advance(iv, question.id, reviewMode);
      case 'back': {
        const prev = previousQuestion(iv.q, snap, question.id);
        if (!prev) {
          iv.flash.push(iv.c.yellow(iv.m('iv.first-question')));
          continue;
        }
        await iv.save(prev.id);
        return { kind: 'question', id: prev.id, reviewMode: false };
      }
      case 'help':
        iv.showHelp = true;
        pending = action.pending;
        continue;
      case 'note':
        await editNote(iv, question);
        pending = action.pending;
        continue;
      case 'evidence':
        await editEvidence(iv, question);
        pending = action.pending;
        continue;
      case 'menu': {
        const r = await menu(iv, question.id);
        if (r === 'stay') continue;
        return r;
      }
    }
  }
}

/**
 * What a typed answer still needs before it is stored: a figure for a question with other units (`unitChoices`),
 * its unit (chooseUnit); a percentage typed as a bare number up to 1, which was meant (clarifyPercent). Returns what to
 * store (and, for the former, the unit), or undefined to ask the question again.
 */
async function clarify(iv: Interview, question: Question, action: Extract<Action, { kind: 'answer' }>, shown: QuestionView): Promise<{ given: Given; unit?: AnswerUnit } | undefined> {
  if (action.typed !== undefined && unitAsked(question, action)) {
    const unit = await chooseUnit(iv, question, action.value as number, shown);
    iv.p.answered({ ...shown, format: (value) => formatted(iv, question, value, unitText(question, unit, iv.lang)) }, { kind: 'answer', value: action.value });
    return { given: { kind: 'value', raw: action.value }, unit };
  }
  const given = await clarifyPercent(iv, question, action, shown);
  return given ? { given } : undefined;
}

/**
 * The unit of a figure typed for a question with `unitChoices`: its own unit first, then the others (with a unit the
 * file states that the question does not list, as written); the unit the answer is in now is highlighted, so that
 * Enter keeps it. Asked under the question, like the percentage (nothing stays on the screen but the record line,
 * written once chosen; Ctrl-C here stores nothing).
 */
async function chooseUnit(iv: Interview, question: Question, value: number, shown: QuestionView): Promise<AnswerUnit> {
  const current = answerUnit(question, iv.data);
  const units: AnswerUnit[] = [{ kind: 'own' }, ...(question.unitChoices ?? []).map((choice): AnswerUnit => ({ kind: 'choice', choice })), ...(current.kind === 'written' ? [current] : [])];
  const description = (u: AnswerUnit) => (u.kind === 'own' ? iv.m('iv.unit-own') : u.kind === 'written' ? iv.m('iv.unit-written') : u.choice.description?.[iv.lang]);
  const at = units.findIndex((u) => u.kind === current.kind && (u.kind !== 'choice' || (current.kind === 'choice' && u.choice === current.choice)));
  const index = await iv.p.choose<number>({
    header: shown.header,
    message: `${shown.text}\n${iv.m('iv.unit-which', { value: formatNumber(value) })}`,
    choices: units.map((u, i) => {
      const d = description(u);
      return { name: forTerminal(unitText(question, u, iv.lang) ?? ''), value: i, ...(d ? { description: d } : {}) };
    }),
    default: Math.max(0, at),
    transcript: false,
  });
  return units[index]!;
}

/**
 * A percentage typed as a bare number up to 1 (0.8, 1) is ambiguous: ask whether 0.8 % or 80 % was meant. The
 * reading inside the question's plausible range is highlighted; without one (or when both or neither fit) nothing
 * is, and Enter alone chooses nothing. The question stays on the screen meanwhile (the choice is asked under it); its
 * record line is written only once chosen (the prompt wrote none, and the choice leaves none), so that Ctrl-C here
 * leaves no line for an answer that was not saved.
 * Returns what to store, or undefined to ask the question again.
 */
async function clarifyPercent(iv: Interview, question: Question, action: Extract<Action, { kind: 'answer' }>, shown: QuestionView): Promise<Given | undefined> {
  const n = action.typed !== undefined ? ambiguousPercent(question, action.typed) : undefined;
  if (n === undefined) return { kind: 'value', raw: action.value };
  const small = `${formatNumber(n)}%`;
  const large = `${formatNumber(n * 100)}%`;
  const likely = plausibleReading(question, n);
  // the question stays on the screen above what is asked about its answer, as it was asked (its header, its text)
  const raw = await iv.p.choose<string>({
    header: shown.header,
    message: `${shown.text}\n${iv.m('iv.percent-which', { typed: action.typed!.trim(), small, large })}`,
    choices: [
      { name: small, value: small },
      { name: large, value: large },
    ],
    ...(likely ? { default: likely === 'small' ? small : large } : { noDefault: { hint: iv.m('iv.percent-choose') } }),
    transcript: false,
  });
  const r = checkAnswer(iv.q, iv.data, question.id, { kind: 'value', raw });
  if (!r.ok) {
    iv.flash.push(iv.c.red(problemText(iv, question.id, r.problems)));
    return undefined;
  }
  iv.p.answered(shown, { kind: 'answer', value: r.stored });
  return { kind: 'value', raw };
}

/** Level 5 chosen: the note that says what shows it comes first. False: choose again. */
async function needsNoteFirst(iv: Interview, question: Question, given: Given): Promise<boolean> {
  if (question.type !== 'level' || given.kind !== 'value') return true;
  const option = question.options?.find((o) => o.value === given.raw);
  if (option?.level !== 5) return true;
  return level5Note(iv, question);
}

/** Store an answer (with the unit chosen for it: kpis.units names one other than the question's own) and go on. */
async function answer(iv: Interview, question: Question, given: Given, reviewMode: boolean, unit?: AnswerUnit): Promise<Position> {
  const r = checkAnswer(iv.q, iv.data, question.id, given);
  if (!r.ok) {
    // The prompt validates before returning; this only guards against a stale check.
    iv.flash.push(iv.c.red(problemText(iv, question.id, r.problems)));
    return { kind: 'question', id: question.id, reviewMode };
  }
  iv.data = withAnswer(iv.data, question.id, r.stored);
  if (unit) iv.data = withUnit(iv.data, question.id, storedUnit(unit));
  const pos = await advance(iv, question.id, reviewMode);
  // saved and accepted; a cross-question check (or the plausible range) it trips is said under its answer line
  if (iv.o.checks?.length && given.kind === 'value') for (const w of answerWarnings(iv.q, iv.data, question.id, iv.o.checks)) iv.o.say(iv.c.yellow(`  ⚠ ${forTerminal(iv.t(w))}`));
  return pos;
}

/** Move on after `id` (next in order, or next unanswered in review mode) and save with the new cursor. */
async function advance(iv: Interview, id: string, reviewMode: boolean): Promise<Position> {
  const snap = iv.snap();
  const next = reviewMode ? nextUnanswered(iv.q, snap, id, false) : nextQuestion(iv.q, snap, id);
  const pos: Position = next ? { kind: 'question', id: next.id, reviewMode } : { kind: 'review' };
  await iv.save(iv.cursorOf(pos));
  return pos;
}
