// What a report states where nobody knew the answers: no level for a sub-domain whose answers are all "don't know"
// or unanswered. In process, on the reviewed refractory plant (tests/fixtures/review/) and the discrete example.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { assessReadiness, readinessVerdict } from '../../src/core/readiness';
import { compileReadiness } from '../../src/core/readiness-def';
import { buildResult, type ScoreResult } from '../../src/core/result';
import { gapsOf, headlineOf, indicatorRows, methodOf, strengthsOf, summaryOf } from '../../src/report/model-parts';
import { model, mustAnswers, profile, questionnaire, read, src, targets, wording } from '../helpers/defs';

const q = questionnaire('questionnaires/smart-manufacturing.yaml');
const w = wording();
const score = (file: { answers: Record<string, unknown> }) => buildResult(q, mustAnswers(q, file), profile(), targets());
const refractory = () => parse(read('tests/fixtures/review/refractory-unknowns.yaml')) as { answers: Record<string, unknown> };
const discrete = () => parse(read('examples/discrete-machinery.zhizao.yaml')) as { answers: Record<string, unknown> };
const sub = (r: ScoreResult, id: string) => r.subdomains.find((s) => s.id === id)!;

describe('a sub-domain whose answers are all "don\'t know" or unanswered is not judged', () => {
  it('the refractory plant: equipment, network and data are not judged; organisation and planning (a known requirement) are', () => {
    const r = score(refractory());
    for (const id of ['equipment', 'network', 'data', 'personnel-skills', 'energy-management']) expect(sub(r, id), id).toMatchObject({ judged: false, level: 0 });
    // warehousing: the plant rated itself, but every level-1 requirement is unanswered; the self-rating stands in only
    // at a level without requirement questions, so nothing known decides its level 0
    expect(refractory().answers.warehousing_level).toBe('manual');
    expect(sub(r, 'warehousing-distribution')).toMatchObject({ judged: false, level: 0 });
    // equipment has one known answer (automated lines: partly), but at level 3: its level 0 rests on level 1, all unknown
    expect(sub(r, 'equipment').contributions[2]).toBeGreaterThan(0);
    expect(sub(r, 'organization-strategy').judged).toBe(true);
    // planning, production and process design: one level-1 requirement "mostly", the other "don't know" — were it
    // met, level 1 would pass, so the known answers do not decide the level of 0 either
    for (const id of ['planning-scheduling', 'production-operations', 'process-design']) expect(sub(r, id), id).toMatchObject({ judged: false, level: 0 });
  });

  it('a level of 0 beside "don\'t know" answers is judged only when they could not lift it to level 1', () => {
    const file = discrete();
    const level1 = q.questions.filter((x) => x.subdomain === 'planning-scheduling' && x.type === 'requirement' && x.level === 1);
    expect(level1.length).toBeGreaterThanOrEqual(2);
    const [first, ...rest] = level1;
    for (const x of rest) file.answers[x.id] = 'unknown';
    file.answers[first!.id] = 'mostly';
    expect(sub(score(file), 'planning-scheduling')).toMatchObject({ judged: false, level: 0 });
    // "none" on the known one: even with the others met, level 1 fails (the pass mark is the profile's)
    file.answers[first!.id] = 'none';
    const none = sub(score(file), 'planning-scheduling');
    expect(none.level).toBe(0);
    expect(none.judged).toBe((rest.length * 1) / level1.length < profile().def.passThreshold);
    // and a level of 1 or more held at an open requirement above it stays judged (the level below is certain)
    for (const x of level1) file.answers[x.id] = 'full';
    const up = q.questions.find((x) => x.subdomain === 'planning-scheduling' && x.type === 'requirement' && x.level === 2)!;
    file.answers[up.id] = 'unknown';
    expect(sub(score(file), 'planning-scheduling')).toMatchObject({ judged: true });
    expect(sub(score(file), 'planning-scheduling').level).toBeGreaterThanOrEqual(1);
  });

  it('a level of 0 from known answers is judged; the same sub-domain with every answer unknown is not', () => {
    const network = q.questions.filter((x) => x.subdomain === 'network');
    const file = discrete();
    for (const x of network) file.answers[x.id] = 'unknown';
    expect(sub(score(file), 'network')).toMatchObject({ judged: false, level: 0, score: 0 });
    const first = network.find((x) => x.type === 'requirement' && x.level === 1)!;
    file.answers[first.id] = 'none';
    expect(sub(score(file), 'network')).toMatchObject({ judged: true, level: 0 });
    // every example sub-domain is judged
    expect(score(discrete()).subdomains.every((s) => s.judged)).toBe(true);
  });

  it('the gaps name them once as not judged, never as "level 0"; the method table says so in the level column', () => {
    const r = score(refractory());
    const lines = gapsOf(r, w).lines.map((l) => l.zh);
    for (const name of ['装备', '网络', '数据']) expect(lines.some((l) => l.startsWith(`${name}：`)), name).toBe(false);
    expect(lines.at(-1)).toMatch(/^无法判断（回答不足）：人员技能、数据、集成、信息安全、装备、网络、/);
    expect(lines).toContain('组织战略：未达到 1 级 → 下一目标 1 级');
    const rows = methodOf(r, q, w, false).subdomains;
    expect(rows.find((x) => x.name.zh === '装备')).toMatchObject({ judged: false });
    expect(rows.find((x) => x.name.zh === '组织战略')).toMatchObject({ judged: true, level: 0 });
  });
});

describe('a readiness criterion whose answers are all unknown is undetermined, not missing', () => {
  const ids = { questionIds: [...q.byId.keys()], subdomains: model().subdomainIds, sections: new Set(q.def.sections.map((s) => s.id)), indicators: new Set(q.indicators.map((i) => i.def.id)) };
  const workshop = compileReadiness(src(read('questionnaires/readiness/smart-workshop.yaml')), ids).readiness!;
  const statuses = (file: { answers: Record<string, unknown> }) => {
    const a = mustAnswers(q, file);
    return Object.fromEntries(assessReadiness(workshop, q, buildResult(q, a, profile(), targets()), a).criteria.map((c) => [c.id, c.status]));
  };

  it('the refractory plant: the network criterion (every network answer unknown) is undetermined; traceability (no WMS, known) is missing', () => {
    const s = statuses(refractory());
    expect(s['workshop-network']).toBe('undetermined');
    expect(s['workshop-automated-equipment']).toBe('undetermined');
    // scheduling: no MES (known), but planning level 3 or higher would meet it alone, and that level rests on
    // requirements nobody answered
    expect(s['workshop-realtime-scheduling']).toBe('undetermined');
    expect(s['workshop-traceability']).toBe('missing');
  });

  it('the discrete example: known answers, so met or missing, never undetermined; one known input is enough', () => {
    expect(Object.values(statuses(discrete()))).not.toContain('undetermined');
    const file = discrete();
    for (const x of q.questions.filter((x) => x.subdomain === 'network' || ['equipment_networked', 'has_scada', 'key_processes_cnc'].includes(x.id))) file.answers[x.id] = 'unknown';
    expect(statuses(file)['workshop-network']).toBe('undetermined');
    file.answers.has_scada = false;
    expect(statuses(file)['workshop-network']).toBe('missing');
  });

  it('some inputs known: missing only when the known ones decide it; undetermined when an unknown answer could still meet it', () => {
    // auto-identification: warehousing level ≥ 3, or a WMS and level ≥ 2. The example: level 2, no WMS → missing.
    const file = discrete();
    expect(statuses(file)['workshop-auto-identification']).toBe('missing');
    // the WMS answered "don't know": at level 2 a WMS would meet it, so nothing can be said
    file.answers.has_wms = 'unknown';
    file.answers.has_mes = 'unknown';
    expect(statuses(file)['workshop-auto-identification']).toBe('undetermined');
    // real-time scheduling: level ≥ 3, or an MES and level ≥ 2; at planning level 1 no MES answer can meet it
    expect(score(file).subdomains.find((s) => s.id === 'planning-scheduling')!.level).toBe(1);
    expect(statuses(file)['workshop-realtime-scheduling']).toBe('missing');
  });

  it("the batch's verdict (readinessVerdict) is the report's: ready when some criterion is met and none missing, mostly met or undetermined; not ready when one is missing or mostly met; undetermined otherwise", () => {
    const factory = compileReadiness(src(read('questionnaires/readiness/smart-factory.yaml')), ids).readiness!;
    const files = [discrete(), refractory(), parse(read('examples/process-food.zhizao.yaml')), parse(read('tests/fixtures/review/autoparts-c36.yaml'))];
    // and a plant that meets every workshop criterion it can
    const strong = discrete();
    for (const x of q.questions.filter((x) => x.type === 'requirement')) strong.answers[x.id] = 'full';
    for (const x of q.questions.filter((x) => x.type === 'level')) strong.answers[x.id] = x.options![x.options!.length - 1]!.value;
    Object.assign(strong.answers, { has_wms: true, has_mes: true, has_scada: true, key_processes_cnc: strong.answers.key_processes_total, equipment_networked: 30 });
    files.push(strong);
    // and a short form that asks none of the criteria (the facts of the regional indicators only)
    const short = discrete();
    short.answers = { key_processes_total: 10, key_processes_cnc: 4, design_tools: ['cad2d'] };
    files.push(short);
    const verdicts: (boolean | null)[] = [];
    for (const file of files) {
      const a = mustAnswers(q, file);
      const r = buildResult(q, a, profile(), targets());
      for (const prof of [workshop, factory]) {
        const criteria = assessReadiness(prof, q, r, a).criteria;
        const failed = criteria.some((c) => c.status === 'missing' || c.status === 'mostly');
        const open = criteria.some((c) => c.status === 'undetermined');
        const ready = failed ? false : open ? null : criteria.some((c) => c.status === 'met');
        expect(readinessVerdict(prof, q, r, a)).toBe(ready);
        verdicts.push(ready);
      }
    }
    // all three verdicts occur, so the comparison means something
    expect(verdicts).toContain(true);
    expect(verdicts).toContain(false);
    expect(verdicts).toContain(null);
  });

  it('industrial security rests on the (confidential) segmentation answer as well as the level the office report shows', () => {
    const file = discrete();
    for (const x of q.questions.filter((x) => x.subdomain === 'information-security' && x.type === 'requirement')) file.answers[x.id] = 'full';
    expect(sub(score(file), 'information-security').level).toBeGreaterThanOrEqual(2);
    expect(statuses(file)['workshop-industrial-security']).toBe('met');
    file.answers.req_ot_segmentation = 'partial';
    expect(sub(score(file), 'information-security').level).toBeGreaterThanOrEqual(2);
    expect(statuses(file)['workshop-industrial-security']).toBe('missing');
  });

  it('a sub-domain level held down by a "don\'t know" requirement is not a known level', () => {
    // traceability: production operations at level 3 or higher, a WMS, procurement at level 2 or higher, full traceability
    const file = discrete();
    for (const x of q.questions.filter((x) => (x.subdomain === 'production-operations' || x.subdomain === 'procurement') && x.type === 'requirement')) file.answers[x.id] = 'full';
    file.answers.has_wms = true;
    expect(statuses(file)['workshop-traceability']).toBe('met');
    // the traceability requirement (production operations, level 2) unknown: it holds the level at 2, and answered it
    // could lift it to 3, so the criterion cannot be said to be missing
    file.answers.req_quality_traceability = 'unknown';
    expect(sub(score(file), 'production-operations')).toMatchObject({ judged: true, level: 2 });
    expect(statuses(file)['workshop-traceability']).toBe('undetermined');
    file.answers.req_quality_traceability = 'none';
    expect(statuses(file)['workshop-traceability']).toBe('missing');
  });
});

describe('no level stated: no S in the summary or the headline', () => {
  const counts = { inPlan: 7, later: 0, months: 36 };
  it('the summary says that no level can be given yet, and gives no S', () => {
    const r = score(refractory());
    expect(r.maturity.level).toBeNull();
    expect(r.maturity.score).toBeGreaterThan(0); // the JSON keeps S as computed
    const s = summaryOf(r, w, counts);
    expect(s.zh).toMatch(/^本次诊断尚不能给出智能制造能力成熟度等级：回答不足，见第 3 节。/);
    expect(s.zh).not.toMatch(/S\s*[=≈]/);
    expect(s.en).not.toMatch(/S\s*[=≈]/);
    expect(s.zh).toContain('据已知的答案，在 36 个月的规划期内初步安排 7 个改造项目；补充访谈、核实回答之前，这一方案只作初步参考，不宜据此决定投资。');
    expect(headlineOf(r, q, w, false).statement.zh).not.toMatch(/S\s*[=≈]/);
  });

  it('no sub-domain is said to be above an overall level that is not given', () => {
    expect(strengthsOf(score(refractory()), w, q)).toEqual([w.phrases.noStrengthsNoLevel]);
    expect(strengthsOf(score(discrete()), w, q)).not.toContainEqual(w.phrases.noStrengthsNoLevel);
  });

  it('below level 1 overall, a sub-domain at level 1 is said to be stronger than the rest, not praised as a strength', () => {
    const file = discrete();
    // every level-1 requirement unmet but sales': the plant is below level 1, sales at level 1
    for (const x of q.questions) if (x.type === 'requirement' && x.level === 1 && x.subdomain !== 'sales') file.answers[x.id] = 'none';
    const r = score(file);
    expect(r.maturity.level).toBe(0);
    const lines = strengthsOf(r, w, q);
    expect(lines.some((l) => /^销售：\d 级（总体尚未达到 1 级，这一子域相对较强）$/.test(l.zh))).toBe(true);
    expect(lines.every((l) => !l.zh.includes('（高于总体等级）'))).toBe(true);
    expect(strengthsOf(score(discrete()), w, q).some((l) => l.zh.endsWith('（高于总体等级）'))).toBe(true);
  });

  it('with a level, the summary still gives it with S', () => {
    const s = summaryOf(score(discrete()), w, counts);
    expect(s.zh).toMatch(/^本次诊断给出的智能制造能力成熟度等级为.+，S = \d\.\d\d/);
  });
});

describe('an indicator counted as a share of companies, when the answer is unknown', () => {
  it('is not computable, not "the plant does not count toward it"', () => {
    const a = mustAnswers(q, refractory());
    const r = buildResult(q, a, profile(), targets());
    expect(r.indicators.find((i) => i.id === 'design-tool-penetration')!.value).toBeNull();
    const row = indicatorRows(r, q, w, a).find((x) => x.title.zh === '数字化研发设计工具普及率')!;
    expect(row.status).toBe('unknown');
    expect(row.statusText).toBeUndefined();
    // answered: it counts, or not, as before
    const file = refractory();
    file.answers.design_tools = ['none'];
    const b = mustAnswers(q, file);
    expect(indicatorRows(buildResult(q, b, profile(), targets()), q, w, b).find((x) => x.title.zh === '数字化研发设计工具普及率')).toMatchObject({ status: 'counts', statusText: w.phrases.countsNot });
  });
});

