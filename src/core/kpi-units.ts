/**
 * The unit of a KPI answer: an answer file may state its own in `kpis.units.<question id>` (energy per part
 * rather than per 万元 of output, cost per tonne rather than per piece); otherwise the question's unit applies.
 */
import type { AnswerFile, Text } from './types.js';

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
