// The English report says amounts in 万元 in CNY, and names the units a plant states for its KPIs in English.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { cnyExact } from '../../src/report/format';
import { answerText } from '../../src/report/model-answers';
import { mustAnswers, questionnaire, read, wording } from '../helpers/defs';

const q = questionnaire('questionnaires/smart-manufacturing.yaml');

describe('amounts and units in the English report', () => {
  it('an amount of 万元 reads in CNY, exactly: thousands below a million, millions above', () => {
    expect(cnyExact(6.5)).toBe('CNY 65,000');
    expect(cnyExact(68.5)).toBe('CNY 685,000');
    expect(cnyExact(1450)).toBe('CNY 14.5 million');
    expect(cnyExact(118000)).toBe('CNY 1,180 million');
  });

  it('the food example: output per employee in CNY, cost per tonne named in English, Chinese unchanged', () => {
    const file = parse(read('examples/process-food.zhizao.yaml'));
    const a = mustAnswers(q, file);
    const text = (id: string) => answerText(q.byId.get(id)!, a, wording());
    expect(text('kpi_output_per_worker')).toEqual({ zh: '86.4 万元/人·年', en: 'CNY 864,000 per employee per year' });
    // kpis.units: 元/吨, not the question's 元/件
    expect(text('kpi_operating_cost')).toEqual({ zh: '13780 元/吨', en: '13780 CNY per tonne' });
    // a unit the table does not know is shown as the plant wrote it
    file.kpis.units.kpi_operating_cost = '元/罐';
    expect(answerText(q.byId.get('kpi_operating_cost')!, mustAnswers(q, file), wording())).toEqual({ zh: '13780 元/罐', en: '13780 元/罐' });
  });
});
