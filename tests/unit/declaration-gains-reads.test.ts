// declarationGains with the scoring profile skips scoring a projection without a project when the answers a
// criterion reads (conditionReads) are those of the projection with it. The gains must be the ones found by scoring
// every projection: on the examples, the plant fixtures and random plants, under both bundled profiles (the 2024
// draft maps sub-domains), and the shortcut must actually be taken.
import { readdirSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadPlant } from '../../src/app/plant';
import { readinessFor } from '../../src/app/report';
import type { Answers } from '../../src/core/answers';
import { conditionReads, declarationGains } from '../../src/core/declaration-gains';
import { parseExpression } from '../../src/core/expression/parse';
import type { Profile } from '../../src/core/profile';
import type { Questionnaire } from '../../src/core/questionnaire';
import { assessReadiness } from '../../src/core/readiness';
import type { ReadinessProfile } from '../../src/core/readiness-def';
import { recommend } from '../../src/core/recommend';
import { buildResult } from '../../src/core/result';
import type { Roadmap } from '../../src/core/roadmap';
import type { RuleSet } from '../../src/core/rules-def';
import type { CompiledSectorPack } from '../../src/core/sector';
import type { TargetsDef } from '../../src/core/targets';
import type { Industry } from '../../src/core/types';
import { Definitions } from '../../src/io/definitions';
import { lcg, randomAnswers } from '../helpers/random-answers';

const defs = new Definitions();
let q: Questionnaire;
let rules: RuleSet;
let packs: CompiledSectorPack[];
let readiness: ReadinessProfile[];
let targets: TargetsDef;
let profiles: Profile[];
beforeAll(async () => {
  q = await defs.questionnaire();
  rules = await defs.rules('default', q);
  packs = await defs.sectorPacks(q);
  readiness = await readinessFor(defs, q);
  targets = await defs.targets();
  profiles = [await defs.profile(), await defs.profile('gbt39117-2024-draft')];
}, 60_000);

/** The roadmap with a count of the projections without projects that were scored (their result read). */
function counting(roadmap: Roadmap) {
  const count = { scored: 0 };
  const without = roadmap.afterPhaseWithout!;
  const counted: Roadmap = {
    ...roadmap,
    afterPhaseWithout: (ids, phase) => {
      const p = without(ids, phase);
      return {
        answers: p.answers,
        get result() {
          count.scored++;
          return p.result;
        },
      };
    },
  };
  return { roadmap: counted, count };
}

const tally = { gained: 0, scored: 0, skipped: 0 };
/** The gains scored projection by projection, and with the shortcut, are the same. */
function compare(answers: Answers, profile: Profile, what: string): void {
  const result = buildResult(q, answers, profile, targets);
  const plan = recommend({ questionnaire: q, result, answers, rules, sectors: packs, scoring: { profile, targets } });
  if (!plan.roadmap.afterPhaseWithout) return;
  const now = readiness.map((p) => assessReadiness(p, q, result, answers));
  const every = counting(plan.roadmap);
  const scored = declarationGains(readiness, now, q, every.roadmap, plan.recommendations);
  const some = counting(plan.roadmap);
  const skipped = declarationGains(readiness, now, q, some.roadmap, plan.recommendations, profile);
  expect([...skipped], what).toEqual([...scored]);
  tally.gained += [...scored.values()].reduce((n, gains) => n + gains.length, 0);
  tally.scored += every.count.scored;
  tally.skipped += every.count.scored - some.count.scored;
}

const files = ['examples/discrete-machinery.zhizao.yaml', 'examples/process-food.zhizao.yaml', ...readdirSync('tests/fixtures/plants').map((f) => `tests/fixtures/plants/${f}`)];

describe('declaration gains without scoring the projections that leave a criterion as it was', () => {
  it('the examples and the plant fixtures, under both bundled profiles', async () => {
    for (const file of files) {
      const { plant } = await loadPlant(defs, [file], { command: 'report' });
      for (const profile of profiles) compare(plant.answers, profile, `${file}, ${profile.def.id}`);
    }
  }, 60_000);

  it('120 random plants, under both bundled profiles', () => {
    for (const industry of ['discrete', 'process', 'mixed'] as Industry[]) {
      for (let seed = 1; seed <= 20; seed++) {
        const rnd = lcg(seed * 13 + industry.length);
        const answers = randomAnswers(q, seed * 7717 + industry.length, industry);
        (answers.resolved as Map<string, { status: 'answered'; value: unknown }>).set('retrofit_budget_band', { status: 'answered', value: ['under_1m', 'from_1m_to_5m', 'from_5m_to_20m', 'over_20m'][Math.floor(rnd() * 4)]! });
        for (const profile of profiles) compare(answers, profile, `${industry} seed ${seed}, ${profile.def.id}`);
      }
    }
    // the comparison means something: criteria were gained, and projections were both scored and skipped
    expect(tally.gained).toBeGreaterThan(0);
    expect(tally.skipped).toBeGreaterThan(0);
    expect(tally.skipped).toBeLessThan(tally.scored);
  }, 120_000);

  it('what a criterion reads: the questions of a level it asks, none when it asks the overall level', () => {
    const profile = profiles[0]!;
    const factory = readiness.find((p) => p.def.id === 'smart-factory')!;
    const integration = factory.criteria.find((c) => c.def.id === 'factory-integration')!.when!;
    const reads = conditionReads(integration, q, profile, 'discrete')!;
    expect(reads.size).toBeGreaterThan(0);
    for (const id of reads) expect(q.byId.get(id)?.subdomain, id).toBe('integration');
    expect(conditionReads(parseExpression('maturity >= 2'), q, profile, 'discrete')).toBeUndefined();
    expect(conditionReads(parseExpression('level(which) >= 2'), q, profile, 'discrete')).toBeUndefined();
    expect([...conditionReads(parseExpression("has_mes == true and answered('has_wms')"), q, profile, 'discrete')!]).toEqual(['has_mes', 'has_wms']);
  });
});
