import { describe, expect, it } from 'vitest';
import { inQuestionUnit, isQuestionUnit, statedUnit } from '../../src/core/kpi-units';
import type { AnswerFile } from '../../src/core/types';

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
