/**
 * Who answered: a company assessing itself names no assessor (the template and the interview say "leave it empty
 * for a self-assessment"). One rule for the report's voice and the batch's count of self-reported companies.
 */
import type { Respondent } from './types.js';

export const isSelfAssessment = (respondent: Pick<Respondent, 'assessor'>): boolean => !respondent.assessor?.trim();
