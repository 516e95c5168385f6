/**
 * The unit of a KPI answer: an answer file may state its own in `kpis.units.<question id>` (energy per part
 * rather than per 万元 of output, cost per tonne rather than per piece); otherwise the question's unit applies.
 */
import type { AnswerFile, Lang, Question, Text, UnitChoice } from './types.js';

/** A unit as compared: full-width forms folded, spaces removed, lower case. */
export const normaliseUnit = (u: string): string => u.normalize('NFKC').trim().replace(/\s+/g, '').toLowerCase();

/** The unit the file states for a question's answer, when it states one. */
export const statedUnit = (file: AnswerFile, id: string): string | undefined => {
  const u = file.kpis?.units?.[id];
  return typeof u === 'string' && u.trim() !== '' ? u.trim() : undefined;
};

/** Whether a stated unit is the question's own unit (in either language). */
export const isQuestionUnit = (stated: string, own: Text | undefined): boolean => own !== undefined && (normaliseUnit(stated) === normaliseUnit(own.zh) || normaliseUnit(stated) === normaliseUnit(own.en));

/**
 * Whether an answer is in the question's own unit, so that the question's plausible range applies to it: no unit
 * stated, or the question's own.
 */
export const inQuestionUnit = (file: AnswerFile, id: string, own: Text | undefined): boolean => {
  const stated = statedUnit(file, id);
  return stated === undefined || isQuestionUnit(stated, own);
};

/**
 * The unit a number answer is in, among those its question offers (its own `unit`, its `unitChoices`): the choice
 * the file's `kpis.units` names, `own` when it names none or the question's own, or the unit as written when the
 * question does not list it (a file edited by hand).
 */
export type AnswerUnit = { kind: 'own' } | { kind: 'choice'; choice: UnitChoice } | { kind: 'written'; unit: string };
export function answerUnit(question: Question, file: AnswerFile): AnswerUnit {
  const stated = statedUnit(file, question.id);
  if (stated === undefined || isQuestionUnit(stated, question.unit)) return { kind: 'own' };
  const choice = question.unitChoices?.find((c) => isQuestionUnit(stated, c.unit));
  return choice ? { kind: 'choice', choice } : { kind: 'written', unit: stated };
}

/** How an answer's unit reads in a language: the question's or the choice's in that language, else as written. */
export function unitText(question: Question, unit: AnswerUnit, lang: Lang): string | undefined {
  if (unit.kind === 'choice') return unit.choice.unit[lang];
  if (unit.kind === 'written') return unit.unit;
  return question.unit?.[lang];
}

/** What `kpis.units` holds for an answer in this unit: nothing for the question's own, else its Chinese form (as written by hand). */
export const storedUnit = (unit: AnswerUnit): string | undefined => (unit.kind === 'choice' ? unit.choice.unit.zh : unit.kind === 'written' ? unit.unit : undefined);

/** Set (or, with undefined, remove) the unit a file states for a question's answer; an empty `kpis` goes too. */
export function withUnit(file: AnswerFile, id: string, unit: string | undefined): AnswerFile {
  const units: Record<string, string> = { ...(file.kpis?.units ?? {}) };
  if (unit === undefined) delete units[id];
  else units[id] = unit;
  const { units: _old, ...rest } = file.kpis ?? {};
  const kpis = { ...rest, ...(Object.keys(units).length ? { units } : {}) };
  const out: AnswerFile = { ...file, kpis };
  if (Object.keys(kpis).length === 0) delete out.kpis;
  return out;
}
