// A declaration criterion not met says what it rests on at this plant: the level, indicator value or answer each
// failing part of its condition reads, with the level asked for (core/readiness.ts reasons, report/model-readiness.ts
// words). In process, on the discrete example and conditions written here.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { assessReadiness } from '../../src/core/readiness';
import { compileReadiness } from '../../src/core/readiness-def';
import { buildResult } from '../../src/core/result';
import { readinessRows } from '../../src/report/model-readiness';
import { model, mustAnswers, profile, questionnaire, read, src, targets, wording } from '../helpers/defs';

const q = questionnaire('questionnaires/smart-manufacturing.yaml');
const ids = { questionIds: [...q.byId.keys()], subdomains: model().subdomainIds, sections: new Set(q.def.sections.map((s) => s.id)), indicators: new Set(q.indicators.map((i) => i.def.id)) };
const discrete = () => parse(read('examples/discrete-machinery.zhizao.yaml')) as { answers: Record<string, unknown> };

function criterion(when: string, extra = '') {
  const text = `kind: readiness\nid: t\ntitle: {zh: 测试, en: Test}\ncriteria:\n  - id: c\n    title: {zh: 条件, en: Criterion}\n    when: "${when}"\n${extra}`;
  const compiled = compileReadiness(src(text), ids);
  expect(compiled.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return compiled.readiness!;
}

function assess(when: string, file = discrete(), extra = '') {
  const a = mustAnswers(q, file);
  const r = buildResult(q, a, profile(), targets());
  const readiness = [assessReadiness(criterion(when, extra), q, r, a)];
  return { criterion: readiness[0]!.criteria[0]!, rows: (office: boolean) => readinessRows(readiness, r, q, a, wording(), office)[0]!.criteria[0]! };
}

describe('a criterion not met says what it rests on at this plant', () => {
  it('the failing parts, each with the plant\'s value and the level asked for; a part that holds is not named', () => {
    // the discrete example: equipment at level 1, CNC rate 41.7 %, planning at level 1, no WMS
    const { criterion: c, rows } = assess("level('equipment') >= 2 and met('cnc-rate') == true and level('equipment') >= 0");
    expect(c.status).toBe('missing');
    expect(c.because).toEqual([{ kind: 'subdomain', id: 'equipment', needs: 2 }, { kind: 'indicator', id: 'cnc-rate' }]);
    expect(rows(false).status.zh).toBe('未满足。本厂：装备 1 级（需达到 2 级）；关键工序数控化率：41.7%（目标 > 50.0%）');
    expect(rows(false).status.en).toBe('not met. This plant: Equipment at level 1 (needs level 2); Key-process CNC rate: 41.7% (target > 50.0%)');
  });

  it('of alternatives, each that fails as a group of its own; one the plant can never take is not named', () => {
    const { criterion: c, rows } = assess("(industry != 'discrete' and level('equipment') >= 3) or has_wms == true or level('planning-scheduling') >= 3");
    expect(c.because).toEqual([{ kind: 'anyOf', groups: [[{ kind: 'question', id: 'has_wms', wants: true }], [{ kind: 'subdomain', id: 'planning-scheduling', needs: 3 }]] }]);
    expect(rows(false).status.zh).toBe('未满足。本厂：以下任一组各项均达到即可：【未使用仓储管理系统（WMS）（条件要求在用）】或【计划与调度 1 级（需达到 3 级）】');
    expect(rows(false).status.en).toBe('not met. This plant: any one of these sets, every item in it: [no warehouse management system (WMS) in use (the criterion asks for one in use)] or [Planning and scheduling at level 1 (needs level 3)]');
    // one alternative left: said as it is
    expect(assess("(industry != 'discrete' and level('equipment') >= 3) or has_wms == true").rows(false).status.zh).toBe('未满足。本厂：未使用仓储管理系统（WMS）（条件要求在用）');
    // a sub-domain that does not apply to the plant (product service, all n/a in the example) rules its alternative out
    expect(assess("(level('product-service') >= 3 and level('customer-service') >= 3) or level('integration') >= 3").criterion.because).toEqual([{ kind: 'subdomain', id: 'integration', needs: 3 }]);
  });

  it('of like alternatives, the easiest: the same sub-domain asked a lower level (with an MES in place) is all it needs', () => {
    // the example has an MES; planning and scheduling at level 1
    expect(assess("level('planning-scheduling') >= 3 or (has_mes == true and level('planning-scheduling') >= 2)").criterion.because).toEqual([{ kind: 'subdomain', id: 'planning-scheduling', needs: 2 }]);
  });

  it('a part that is not known beside one that fails is named too (an answer nobody knew does not hide the level)', () => {
    const file = discrete();
    file.answers.has_wms = 'unknown';
    const { criterion: c } = assess("level('equipment') >= 2 and has_wms == true", file);
    expect(c.status).toBe('missing');
    expect(c.because).toEqual([{ kind: 'subdomain', id: 'equipment', needs: 2 }, { kind: 'question', id: 'has_wms', wants: true }]);
  });

  it('a level of 0 that open answers could not lift to the level asked is missing, not undetermined', () => {
    const file = discrete();
    const level1 = q.questions.filter((x) => x.subdomain === 'planning-scheduling' && x.type === 'requirement' && x.level === 1);
    file.answers[level1[0]!.id] = 'none';
    for (const x of level1.slice(1)) file.answers[x.id] = 'unknown';
    const { criterion: c, rows } = assess("level('planning-scheduling') >= 3", file);
    expect(c.status).toBe('missing');
    expect(rows(false).status.zh).toMatch(/^未满足。本厂：计划与调度未达到 1 级（需达到 3 级）$/);
  });

  it('a negated part names the answer that makes it hold; the overall level is named as such', () => {
    const file = discrete();
    file.answers.req_quality_traceability = 'partial';
    const { criterion: c, rows } = assess("maturity >= 3 and not (req_quality_traceability in ['none', 'partial'])", file);
    expect(c.because).toEqual([{ kind: 'maturity', needs: 3 }, { kind: 'question', id: 'req_quality_traceability' }]);
    expect(rows(false).status.zh).toMatch(/^未满足。本厂：整体成熟度 1 级（需达到 3 级）；“质量数据可从原材料追溯到成品（正向和反向）”：部分满足$/);
  });

  it('undetermined by a sub-domain: its open requirements that could decide it, by name when few, else counted', () => {
    const file = discrete();
    const level1 = q.questions.filter((x) => x.subdomain === 'planning-scheduling' && x.type === 'requirement' && x.level === 1);
    for (const x of level1) file.answers[x.id] = 'unknown';
    const { criterion: c, rows } = assess("level('planning-scheduling') >= 1", file);
    expect(c.status).toBe('undetermined');
    expect(c.because![0]).toEqual({ kind: 'subdomain', id: 'planning-scheduling', needs: 1 });
    expect(c.because![1]).toMatchObject({ kind: 'open', subdomain: 'planning-scheduling', questions: level1.map((x) => ({ id: x.id })) });
    const said = rows(false).status.zh;
    expect(said).toMatch(/^无法判断（回答不足）。本厂：计划与调度等级无法判断（需达到 1 级）；/);
    if (level1.length <= 3) for (const x of level1) expect(said).toContain(`“${x.text.zh}”：不清楚`);
  });

  it('undetermined by a section: its level may still change with the answers nobody knew, said beside it', () => {
    const file = discrete();
    for (const x of q.questions.filter((x) => x.subdomain === 'production-operations' && x.type === 'requirement' && x.level === 2)) file.answers[x.id] = 'unknown';
    const { criterion: c, rows } = assess("section('production') >= 3", file);
    expect(c.status).toBe('undetermined');
    expect(c.because).toEqual([{ kind: 'section', id: 'production', needs: 3, mayChange: true }]);
    expect(rows(false).status.zh).toMatch(/^无法判断（回答不足）。本厂：生产制造 \d 级（需达到 3 级；答“不清楚”或未作答的要求补充回答后可能变化）$/);
    // decided (missing), a section reads only the level asked
    expect(assess("section('production') >= 3").criterion.because).toEqual([{ kind: 'section', id: 'production', needs: 3 }]);
  });

  it('undetermined: the parts nobody\'s answers decide, said as unknown', () => {
    const file = discrete();
    file.answers.has_wms = 'unknown';
    const { criterion: c, rows } = assess("level('equipment') >= 0 and has_wms == true", file);
    expect(c.status).toBe('undetermined');
    expect(c.because).toEqual([{ kind: 'question', id: 'has_wms', wants: true }]);
    expect(rows(false).status.zh).toBe('无法判断（回答不足）。本厂：在用仓储管理系统（WMS）：不清楚');
    expect(rows(false).status.en).toBe('cannot be judged (too few answers). This plant: a warehouse management system (WMS) in use: don\'t know');
  });

  it('the office audience never reads a confidential answer among them; a confidential criterion is withheld whole where such an answer decides it', () => {
    const when = "level('information-security') >= 2 and req_ot_segmentation == 'full'";
    const { criterion: c, rows } = assess(when);
    expect(c.because?.map((f) => f.kind === 'question' && f.confidential)).toEqual([false, true]);
    expect(rows(false).status.zh).toContain('生产网（工控网）');
    expect(rows(true).status.zh).toBe('未满足。本厂：信息安全 1 级（需达到 2 级）');
    const confidential = '    confidential: true\n';
    // not met for the level alone (which the office reads in its gaps): said so, for the level
    expect(assess(when, discrete(), confidential).rows(true)).toMatchObject({ status: { zh: '未满足。本厂：信息安全 1 级（需达到 2 级）' } });
    expect(assess(when, discrete(), confidential).rows(true)).not.toHaveProperty('withheld');
    // the level passes and the confidential answer alone fails it; or it is one of two alternatives: withheld
    for (const decided of ["level('information-security') >= 1 and req_ot_segmentation == 'full'", "level('information-security') >= 2 or req_ot_segmentation == 'full'"])
      expect(assess(decided, discrete(), confidential).rows(true), decided).toMatchObject({ withheld: true, status: { zh: '涉及保密答案，未列出' } });
  });

  it('an answer is stated as its question\'s statement says it, never as the question quoted (a consultant\'s review)', () => {
    // the discrete example: MES in use, no WMS, network self-rated "workshop network planned"; changed here one by one
    const file = discrete();
    Object.assign(file.answers, { has_mes: false, equipment_networked: 0, ipv6_ready: false, network_level: 'basic' });
    const said = (when: string, f = file) => assess(when, f).rows(false).status;
    // no: its own statement, and what the criterion asks for
    expect(said('has_mes == true')).toEqual({ zh: '未满足。本厂：未使用制造执行系统（MES）（条件要求在用）', en: 'not met. This plant: no manufacturing execution system (MES) in use (the criterion asks for one in use)' });
    expect(said('ipv6_ready == true').zh).toBe('未满足。本厂：企业网络尚未完成 IPv6 改造（条件要求完成改造）');
    // yes, where a criterion asks for no: the yes statement, and the no statement as what it asks (no short form given)
    expect(said('has_scada == false', discrete()).zh).toBe('未满足。本厂：已用 SCADA 或设备数据采集平台集中采集和监视设备、工艺数据（条件要求没有 SCADA 或设备数据采集平台集中采集和监视设备、工艺数据）');
    // a number after its label, with its unit; a level question's option words, then its level
    expect(said('equipment_networked > 0')).toEqual({ zh: '未满足。本厂：已联网并采集数据的数字化设备：0 台（套）', en: 'not met. This plant: digital machines networked with their data collected: 0 units' });
    expect(said("level_of('network_level') >= 2")).toEqual({ zh: '未满足。本厂：工厂网络现状：办公网络，车间网络在规划（1 级）', en: 'not met. This plant: state of the plant network: Office network, workshop network planned (level 1)' });
    // a value asked of a labelled answer: said as the option the plant would recognise
    expect(said("network_level == 'workshop'").zh).toBe('未满足。本厂：工厂网络现状：办公网络，车间网络在规划（1 级）（条件要求为“车间工业网络连接关键设备”）');
    // not known: the statement the criterion asks for, beside the answer
    const unknown = discrete();
    Object.assign(unknown.answers, { ipv6_ready: 'unknown' });
    expect(said('ipv6_ready == true', unknown).zh).toBe('无法判断（回答不足）。本厂：企业网络已完成 IPv6 改造：不清楚');
    for (const text of [said('has_mes == true'), said('equipment_networked > 0'), said("level_of('network_level') >= 2")]) expect(text.zh + text.en).not.toMatch(/[？?]/);
  });

  it('a question with no statement is quoted as it was asked, with the value asked of it (the fallback)', () => {
    // uses_cloud has no statement in the bundled questionnaire
    expect(q.byId.get('uses_cloud')!.statement).toBeUndefined();
    const file = discrete();
    file.answers.uses_cloud = false;
    expect(assess('uses_cloud == true', file).rows(false).status.zh).toBe('未满足。本厂：“企业是否已上云？”：否（需为“是”）');
  });

  it('a criterion met or not assessable says nothing more', () => {
    expect(assess("level('equipment') >= 1").criterion).not.toHaveProperty('because');
    expect(assess("level('equipment') >= 1").rows(false).status.zh).toBe('已满足');
  });
});
