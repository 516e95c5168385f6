import { describe, expect, it } from 'vitest';
import { parkScope, recommendForPark, type CompanyBrief } from '../../src/core/park-rules';
import { compileRules } from '../../src/core/rules-def';
import { evaluate } from '../../src/core/expression/evaluate';
import { parseExpression } from '../../src/core/expression/parse';
import { model, questionnaire, read, src } from '../helpers/defs';

const c = (level: number, cnc: number | null, cloud: boolean | null): CompanyBrief => ({
  level,
  indicators: { 'cnc-rate': { value: cnc, met: cnc === null ? null : cnc > 0.5 }, 'cloud-adoption': { value: cloud } },
});

describe('park rules over a group of companies', () => {
  const group = [c(1, 0.4, false), c(2, 0.6, true), c(3, null, null), c(1, 0.3, false)];
  const ev = (s: string) => evaluate(parseExpression(s), parkScope(group));
  it('computes shares and means by the official definitions', () => {
    expect(ev('companies')).toBe(4);
    expect(ev('share_level_at_least(2)')).toBe(0.5); // 2 of 4
    expect(ev("mean_indicator('cnc-rate')")).toBeCloseTo((0.4 + 0.6 + 0.3) / 3, 12); // companies with a value
    expect(ev("share_missed('cnc-rate')")).toBeCloseTo(2 / 3, 12); // 0.4 and 0.3 miss > 50 % of 3 judged
    expect(ev("mean_indicator('cloud-adoption')")).toBeCloseTo(1 / 3, 12); // flags count 1/0
  });
  it('matches the bundled park rules only for groups large enough', () => {
    const q = questionnaire('questionnaires/smart-manufacturing.yaml');
    const m = model();
    const rules = compileRules(src(read('questionnaires/rules/default.yaml')), { questionIds: q.byId.keys(), subdomains: m.subdomainIds, sections: new Set(q.def.sections.map((s) => s.id)), indicators: new Set(q.indicators.map((i) => i.def.id)) }).rules!;
    expect(recommendForPark(group.slice(0, 2), rules)).toEqual([]);
    const big = Array.from({ length: 30 }, (_, i) => c(1, 0.2 + (i % 3) * 0.1, false));
    const recs = recommendForPark(big, rules);
    expect(recs.length).toBeGreaterThan(0);
    expect(recs.every((r) => r.id.startsWith('park-'))).toBe(true);
  });
});
