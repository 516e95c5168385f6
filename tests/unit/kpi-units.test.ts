import { describe, expect, it } from 'vitest';
import { answerUnit, inQuestionUnit, isQuestionUnit, statedUnit, storedUnit, unitText, withUnit } from '../../src/core/kpi-units';
import type { AnswerFile, Question } from '../../src/core/types';

const own = { zh: '吨标煤/万元', en: 'tce per 10k CNY' };
const file = (units?: Record<string, string>) => ({ questionnaire: 'q', respondent: { company: 'x', industry: 'discrete' }, answers: {}, ...(units ? { kpis: { units } } : {}) }) as unknown as AnswerFile;

describe('the unit of a KPI answer', () => {
  it('is the one the file states, else none (the question’s own applies)', () => {
    expect(statedUnit(file({ kpi_energy_per_output: ' 千克标煤/件 ' }), 'kpi_energy_per_output')).toBe('千克标煤/件');
    expect(statedUnit(file({ kpi_energy_per_output: '  ' }), 'kpi_energy_per_output')).toBeUndefined();
    expect(statedUnit(file(), 'kpi_energy_per_output')).toBeUndefined();
  });

  it('is the question’s own in either language, whatever the width or spacing', () => {
    expect(isQuestionUnit('吨标煤／万元', own)).toBe(true);
    expect(isQuestionUnit('TCE per 10k  CNY', own)).toBe(true);
    expect(isQuestionUnit('千克标煤/件', own)).toBe(false);
    expect(isQuestionUnit('千克标煤/件', undefined)).toBe(false);
  });

  it('decides whether the question’s plausible range applies', () => {
    expect(inQuestionUnit(file(), 'kpi_energy_per_output', own)).toBe(true);
    expect(inQuestionUnit(file({ kpi_energy_per_output: '吨标煤/万元' }), 'kpi_energy_per_output', own)).toBe(true);
    expect(inQuestionUnit(file({ kpi_energy_per_output: '千克标煤/件' }), 'kpi_energy_per_output', own)).toBe(false);
  });
});

describe('the unit of an answer among those its question offers (unitChoices)', () => {
  const perTonne = { unit: { zh: '元/吨', en: 'CNY per tonne' } };
  const ofRevenue = { unit: { zh: '%（占营业收入）', en: '% of revenue' } };
  const cost = { id: 'kpi_operating_cost', type: 'number', text: { zh: '', en: '' }, help: { zh: '', en: '' }, unit: { zh: '元/件', en: 'CNY per unit' }, unitChoices: [perTonne, ofRevenue] } as Question;
  const stating = (unit: string) => file({ kpi_operating_cost: unit });

  it('is the question’s own when the file states none or that one; the choice the file names, in either language; else as written', () => {
    expect(answerUnit(cost, file())).toEqual({ kind: 'own' });
    expect(answerUnit(cost, stating('元/件'))).toEqual({ kind: 'own' });
    expect(answerUnit(cost, stating('元/吨'))).toEqual({ kind: 'choice', choice: perTonne });
    expect(answerUnit(cost, stating('CNY per tonne'))).toEqual({ kind: 'choice', choice: perTonne });
    expect(answerUnit(cost, stating('元/罐'))).toEqual({ kind: 'written', unit: '元/罐' });
  });

  it('reads in the language asked (a unit the question does not list, as written) and is stored in its Chinese form', () => {
    expect(unitText(cost, { kind: 'own' }, 'en')).toBe('CNY per unit');
    expect(unitText(cost, { kind: 'choice', choice: ofRevenue }, 'zh')).toBe('%（占营业收入）');
    expect(unitText(cost, { kind: 'choice', choice: ofRevenue }, 'en')).toBe('% of revenue');
    expect(unitText(cost, { kind: 'written', unit: '元/罐' }, 'en')).toBe('元/罐');
    expect(storedUnit({ kind: 'own' })).toBeUndefined();
    expect(storedUnit({ kind: 'choice', choice: perTonne })).toBe('元/吨');
    expect(storedUnit({ kind: 'written', unit: '元/罐' })).toBe('元/罐');
  });

  it('is set in kpis.units and removed from it; an empty kpis goes, a period stays', () => {
    const set = withUnit(file(), 'kpi_operating_cost', '元/吨');
    expect(set.kpis).toEqual({ units: { kpi_operating_cost: '元/吨' } });
    expect(withUnit(set, 'kpi_operating_cost', undefined).kpis).toBeUndefined();
    expect('kpis' in withUnit(set, 'kpi_operating_cost', undefined)).toBe(false);
    const withPeriod = { ...set, kpis: { period: '2025', units: { kpi_operating_cost: '元/吨', kpi_energy_per_output: '千克标煤/件' } } };
    expect(withUnit(withPeriod, 'kpi_operating_cost', undefined).kpis).toEqual({ period: '2025', units: { kpi_energy_per_output: '千克标煤/件' } });
    expect(withUnit({ ...set, kpis: { period: '2025', units: { kpi_operating_cost: '元/吨' } } }, 'kpi_operating_cost', undefined).kpis).toEqual({ period: '2025' });
    expect(withUnit({ ...file(), kpis: null }, 'kpi_operating_cost', '元/吨').kpis).toEqual({ units: { kpi_operating_cost: '元/吨' } });
  });
});
