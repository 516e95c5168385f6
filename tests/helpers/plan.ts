// The bundled questionnaire, rules and sector packs, compiled once, and a plant's retrofit plan from its answer file
// (scored, recommended and phased with projections), as the unit tests of the plan read it.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { confidentialQuestionIds } from '../../src/core/questionnaire';
import { recommend } from '../../src/core/recommend';
import { buildResult } from '../../src/core/result';
import { compileRules } from '../../src/core/rules-def';
import { plantRuleContext } from '../../src/core/rule-context';
import { compileSectorPack, type CompiledSectorPack } from '../../src/core/sector';
import { model, mustAnswers, profile, questionnaire, read, ROOT, src, targets } from './defs';

export const q = questionnaire('questionnaires/smart-manufacturing.yaml');
const p = profile();
const t = targets();
const m = model();
export const ruleIds = { questionIds: [...q.byId.keys()], subdomains: m.subdomainIds, sections: new Set(q.def.sections.map((s) => s.id)), indicators: new Set(q.indicators.map((i) => i.def.id)) };
/** The bundled rules, with the questionnaire's confidential and free-text questions (as `zhizao report` loads them). */
export const rules = compileRules(src(read('questionnaires/rules/default.yaml'), 'default.yaml'), {
  ...ruleIds,
  questionTypes: new Map(q.questions.map((x) => [x.id, x.type])),
  confidentialQuestions: confidentialQuestionIds(q),
}).rules!;
export const packs: CompiledSectorPack[] = readdirSync(path.join(ROOT, 'questionnaires', 'sectors'))
  .filter((f) => f.endsWith('.yaml') && !f.startsWith('_'))
  .map((f) => compileSectorPack(src(read(`questionnaires/sectors/${f}`), f), plantRuleContext(ruleIds)).pack!);

export function plan(file: unknown) {
  const a = mustAnswers(q, file);
  const r = buildResult(q, a, p, t);
  return { answers: a, ...recommend({ questionnaire: q, result: r, answers: a, rules, sectors: packs, overrides: a.file.overrides, scoring: { profile: p, targets: t } }) };
}
