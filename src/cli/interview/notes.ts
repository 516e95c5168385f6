/**
 * Notes and evidence at a question: the evidence note (client-visible or internal), the evidence record (type and
 * reference), and the note level 5 requires. Each is saved as soon as it is typed. A note or evidence added with the
 * command leaves no line on the screen (a command leaves none: the question's header says what was saved); the
 * level-5 note is part of the answer and stays under it.
 */
import { EVIDENCE_TYPES, evidenceOf, noteOf, withEvidence, withNote } from '../../core/interview.js';
import type { Evidence, EvidenceType, Question } from '../../core/types.js';
import type { MessageCode } from '../../messages/catalogue.js';
import { forTerminal, safeDefault } from './prompter.js';
import type { Interview } from './state.js';
import { shorten } from './wrap.js';

/** Columns of a question's text named in the header of its note or evidence prompt. */
const NAMED_QUESTION_COLUMNS = 60;
/** The question a note or evidence prompt is about, by its text (shortened), as the interview shows it. */
const named = (iv: Interview, question: Question) => shorten(iv.questionText(question), NAMED_QUESTION_COLUMNS);

const EVIDENCE_LABELS: Record<EvidenceType, MessageCode> = {
  document: 'iv.evidence-document',
  demo: 'iv.evidence-demo',
  observation: 'iv.evidence-observation',
  interview: 'iv.evidence-interview',
};

/** `document · 设备台账.xlsx` in the interview language. */
export function evidenceText(iv: Interview, e: Evidence): { type: string; ref: string } {
  return { type: iv.m(EVIDENCE_LABELS[e.type]), ref: e.ref ? ` · ${forTerminal(e.ref)}` : '' };
}

/** Ask who may read a note just saved, and save that too. */
async function noteVisibility(iv: Interview, question: Question, text: string, current: boolean, transcript: boolean): Promise<void> {
  const internal = await iv.p.choose<boolean>({
    transcript,
    message: iv.m('iv.note-who'),
    choices: [
      { name: iv.m('iv.note-client'), value: false },
      { name: iv.m('iv.note-internal'), value: true },
    ],
    default: current,
  });
  iv.data = withNote(iv.data, question.id, { text, internal });
  await iv.save(question.id);
  iv.flash.push(iv.c.green(iv.m(internal ? 'iv.note-saved-internal' : 'iv.note-saved')));
}

export async function editNote(iv: Interview, question: Question): Promise<void> {
  const existing = noteOf(iv.data, question.id);
  const text = await iv.p.text({
    header: ['', iv.m('iv.note-header', { question: named(iv, question) })],
    message: iv.m('iv.note'),
    ...(existing?.text && safeDefault(existing.text) !== undefined ? { default: existing.text } : {}),
    validate: (v) => (v.length > 20000 ? iv.m('iv.note-too-long') : true),
    transcript: false,
  });
  const trimmed = text.trim();
  if (trimmed === '-') {
    iv.data = withNote(iv.data, question.id, null);
    await iv.save(question.id);
    iv.flash.push(iv.c.green(iv.m('iv.note-deleted')));
    return;
  }
  if (trimmed === '') {
    iv.flash.push(iv.m('iv.note-unchanged'));
    return;
  }
  // Save the text first (nothing typed is lost), then ask whether it is internal.
  iv.data = withNote(iv.data, question.id, { text: trimmed, internal: existing?.internal ?? false });
  await iv.save(question.id);
  await noteVisibility(iv, question, trimmed, existing?.internal ?? false, false);
}

/**
 * The evidence behind an answer: its type (document, system demo, site observation, interview), an optional
 * reference (a file, photo or document name — never its contents), then the note.
 */
export async function editEvidence(iv: Interview, question: Question): Promise<void> {
  const existing = evidenceOf(iv.data, question.id);
  type Choice = EvidenceType | 'remove';
  const type = await iv.p.choose<Choice>({
    header: ['', iv.m('iv.evidence-header', { question: named(iv, question) })],
    message: iv.m('iv.evidence-type'),
    choices: [...EVIDENCE_TYPES.map((t) => ({ name: iv.m(EVIDENCE_LABELS[t]), value: t as Choice })), ...(existing ? ['separator' as const, { name: iv.m('iv.evidence-remove'), value: 'remove' as Choice }] : [])],
    ...(existing ? { default: existing.type } : {}),
    transcript: false,
  });
  if (type === 'remove') {
    iv.data = withEvidence(iv.data, question.id, null);
    await iv.save(question.id);
    iv.flash.push(iv.c.green(iv.m('iv.evidence-removed')));
    return;
  }
  iv.data = withEvidence(iv.data, question.id, { type, ...(existing?.ref ? { ref: existing.ref } : {}) });
  await iv.save(question.id);
  const ref = await iv.p.text({
    header: [iv.m('iv.evidence-ref-hint')],
    message: iv.m('iv.evidence-ref'),
    ...(existing?.ref && safeDefault(existing.ref) !== undefined ? { default: existing.ref } : {}),
    validate: (v) => (v.trim().length > 500 ? iv.m('iv.evidence-ref-too-long') : true),
    transcript: false,
  });
  const r = ref.trim();
  const record: Evidence = { type, ...(r === '-' ? {} : r ? { ref: r } : existing?.ref ? { ref: existing.ref } : {}) };
  iv.data = withEvidence(iv.data, question.id, record);
  await iv.save(question.id);
  iv.flash.push(iv.c.green(iv.m('iv.evidence-saved', evidenceText(iv, record))));
  await editNote(iv, question);
}

/**
 * Level 5 stays a self-rating: the answer needs a note saying what shows it. Returns false when the consultant
 * types `-` to choose another level instead (nothing is stored then).
 */
export async function level5Note(iv: Interview, question: Question): Promise<boolean> {
  const existing = noteOf(iv.data, question.id);
  if (existing?.text.trim()) return true;
  const text = await iv.p.text({
    header: ['', iv.c.yellow(iv.m('iv.level5-header'))],
    message: iv.m('iv.level5-note'),
    validate: (v) => (v.trim() === '' ? iv.m('iv.level5-required') : v.length > 20000 ? iv.m('iv.note-too-long') : true),
  });
  const trimmed = text.trim();
  if (trimmed === '-') return false;
  iv.data = withNote(iv.data, question.id, { text: trimmed, internal: false });
  await iv.save(question.id);
  await noteVisibility(iv, question, trimmed, false, true);
  return true;
}
