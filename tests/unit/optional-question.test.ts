// An optional question (the budget figure the plant gave, `optional: true`): asked after the band, it counts in the
// completeness and the answers appendix only when answered; the band's figure is then the plan's ceiling.
import { describe, expect, it } from 'vitest';
import { completeness } from '../../src/core/completeness';
import { budgetOf, resolvePlanning } from '../../src/core/planning';
import { mustAnswers, questionnaire, read, src } from '../helpers/defs';
import type { PlanningDef } from '../../src/core/planning';

const q = questionnaire('questionnaires/smart-manufacturing.yaml');
const planning = resolvePlanning((src(read('questionnaires/rules/default.yaml')).data as { planning: PlanningDef }).planning);
const file = (answers: Record<string, unknown>) => ({ questionnaire: 'smart-manufacturing', version: '2', respondent: { company: 'T', industry: 'discrete' }, answers });

describe('an optional question', () => {
  it('left unanswered, is neither in the denominator nor listed as unanswered; answered, it counts', () => {
    const without = completeness(q, mustAnswers(q, file({ retrofit_budget_band: 'under_1m' })));
    const withFigure = completeness(q, mustAnswers(q, file({ retrofit_budget_band: 'under_1m', retrofit_budget_amount: 60 })));
    expect(without.unanswered).not.toContain('retrofit_budget_amount');
    expect(withFigure.total).toBe(without.total + 1);
    expect(withFigure.answered).toBe(without.answered + 1);
    // "don't know" is an answer like any other
    const unknown = completeness(q, mustAnswers(q, file({ retrofit_budget_band: 'under_1m', retrofit_budget_amount: 'unknown' })));
    expect(unknown.total).toBe(without.total + 1);
  });

  it('the budget figure is the ceiling in place of the band\'s; without a band with an envelope it is not read', () => {
    expect(budgetOf(mustAnswers(q, file({ retrofit_budget_band: 'under_1m', retrofit_budget_amount: 60 })), planning)).toMatchObject({ band: 'under_1m', envelope: { max: 60 }, amount: 60, answer: 'given' });
    expect(budgetOf(mustAnswers(q, file({ retrofit_budget_band: 'under_1m' })), planning)).toEqual({ band: 'under_1m', envelope: { min: 0, max: 100 }, answer: 'given' });
    // not decided: the figure is not even asked (gated on a band with an envelope)
    const notDecided = mustAnswers(q, file({ retrofit_budget_band: 'not_decided', retrofit_budget_amount: 60 }));
    expect(notDecided.visibility.get('retrofit_budget_amount')).not.toBe('visible');
    expect(budgetOf(notDecided, planning)).toEqual({ band: 'not_decided', envelope: null, answer: 'given' });
  });
});
