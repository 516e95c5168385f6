// What a report states must be true of the plant, for every audience: reviewed plants through the built CLI
// (tests/fixtures/review/, answer files from a consultant's review of three realistic plants).
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { tempDir, zhizao } from '../helpers/cli';

const FIX = 'tests/fixtures/review';
const AUTOPARTS = `${FIX}/autoparts-c36.yaml`;
const REFRACTORY = `${FIX}/refractory-unknowns.yaml`;
/**
 * The auto-parts plant with a budget of 1–5 million: no smart-factory project, which would contain the APS project
 * (rules' `includes`), so APS is listed on its own.
 */
function autopartsMidBudget(): string {
  const file = path.join(tempDir(), 'autoparts-c36-5m.yaml');
  writeFileSync(file, readFileSync(AUTOPARTS, 'utf8').replace(/^ {2}retrofit_budget_band: over_20m$/m, '  retrofit_budget_band: from_1m_to_5m'));
  return file;
}

/**
 * The auto-parts plant with its information security at level 2 (accounts, backups and control hosts set right) while
 * its production and office networks are only partly separated: the segmentation answer, confidential, alone decides
 * that the industrial-security criterion is not met.
 */
function autopartsSecured(): string {
  const file = path.join(tempDir(), 'autoparts-c36-secured.yaml');
  const text = readFileSync(AUTOPARTS, 'utf8')
    .replace(/^ {2}req_ot_segmentation: mostly$/m, '  req_ot_segmentation: partial')
    .replace(/^ {2}req_access_control: mostly$/m, '  req_access_control: full')
    .replace(/^ {2}req_backup_restore: mostly$/m, '  req_backup_restore: full')
    .replace(/^ {2}req_ot_endpoint_protection: partial$/m, '  req_ot_endpoint_protection: full');
  writeFileSync(file, text);
  return file;
}
const SECURED = autopartsSecured();

function run(file: string, args: string[]): string {
  const r = zhizao(['report', file, ...args]);
  expect(r.code, r.stderr).toBe(0);
  return r.stdout;
}
const md = (file: string, audience: 'client' | 'office', lang: 'zh' | 'en' = 'zh') => run(file, ['--audience', audience, '--format', 'md', '--lang', lang]);
const json = (file: string, audience: 'client' | 'office') => JSON.parse(run(file, ['--audience', audience, '--format', 'json'])) as ReportJson;
/** A section of a Markdown report, from its heading to the next heading of the same or a higher rank. */
function section(text: string, heading: string): string {
  const start = text.indexOf(heading);
  expect(start, heading).toBeGreaterThanOrEqual(0);
  const rank = /^#+/.exec(heading)![0].length;
  const rest = text.slice(start + heading.length);
  const end = rest.search(new RegExp(`\\n#{1,${rank}} `));
  return heading + (end < 0 ? rest : rest.slice(0, end));
}

interface ReportJson {
  readiness: { id: string; met: number; total: number; withheld?: number; criteria: { id: string; status: string }[] }[];
  recommendations: {
    id: string;
    title: { zh: string };
    phase: string;
    investment: { min: number; max: number } | null;
    evidence: { question: string; statement: { zh: string }; confidential?: boolean }[];
    measures: { zh: string }[];
    integration: { zh: string }[];
    benefits: { zh: string } | null;
    detailsWithheld?: boolean;
  }[];
  recommendationsWithheld?: number;
  roadmap: { phases: { id: string; count: number; investment: { min: number; max: number }; withheld?: number }[] };
}

/** The phase table of a Chinese Markdown report: phase → the count and investment its row states. */
function phaseRows(text: string): Map<string, { count: number; min: number; max: number }> {
  const rows = new Map<string, { count: number; min: number; max: number }>();
  for (const m of text.matchAll(/^\| (近期|中期|远期|后续)[^|]*\| (\d+) 项，投资 (\d+)–(\d+) 万元 \|/gm)) rows.set(m[1]!, { count: Number(m[2]), min: Number(m[3]), max: Number(m[4]) });
  return rows;
}
/** The projects a Chinese Markdown report lists under each phase heading, with their investment. */
function listedProjects(text: string): Map<string, { title: string; min: number; max: number }[]> {
  const out = new Map<string, { title: string; min: number; max: number }[]>();
  for (const phase of ['近期', '中期', '远期', '后续']) {
    const start = text.search(new RegExp(`^### ${phase}（`, 'm'));
    if (start < 0) continue;
    const body = section(text.slice(start), text.slice(start).split('\n')[0]!);
    out.set(
      phase,
      [...body.matchAll(/^#### (.+)\n[\s\S]*?投资估算（万元）: (\d+)–(\d+)/gm)].map((m) => ({ title: m[1]!, min: Number(m[2]), max: Number(m[3]) })),
    );
  }
  return out;
}

describe('office report: a criterion resting on confidential answers is withheld, never shown as met', () => {
  it('the client report shows the industrial-security criterion as missing (so the office check means something)', () => {
    const workshop = section(md(AUTOPARTS, 'client'), '### 智能车间申报条件');
    // 5 of 7: the traceability criterion is answered 'mostly' (not met), industrial security is missing
    expect(workshop).toContain('（已满足 5/7 项）');
    expect(workshop).toContain('○ 工业信息安全防护 — 未满足');
    expect(workshop).toContain('○ 原辅料—生产—仓储物流全流程产品信息可追溯 — 大部分满足，尚未完全满足');
    const secured = section(md(SECURED, 'client'), '### 智能车间申报条件');
    expect(secured).toContain('○ 工业信息安全防护 — 未满足。本厂：“生产网（工控网）与办公网之间有隔离和访问控制”：部分满足');
  });

  it('the office is told a criterion is not met when its sub-domain level (which it reads elsewhere) says so, for that level only (a second consultant\'s review, X1)', () => {
    const text = md(AUTOPARTS, 'office');
    const workshop = section(text, '### 智能车间申报条件');
    expect(workshop).toContain('（已满足 5/7 项）');
    expect(workshop).toContain('○ 工业信息安全防护 — 未满足。本厂：信息安全 1 级（需达到 2 级）\n');
    expect(text).toContain('信息安全：1 级'); // the level the office report shows in its gaps
    expect(text).not.toContain('生产网（工控网）与办公网之间有隔离');
    const office = json(AUTOPARTS, 'office').readiness.find((x) => x.id === 'smart-workshop')!;
    expect(office).toMatchObject({ met: 5, total: 7 });
    expect(office.withheld ?? 0).toBe(0);
  });

  it('with the level undecided (answers nobody knew could lift it), the office line is the same whatever the segmentation answer: it reads nothing of it (review of this session, B1)', () => {
    const variant = (segmentation: string) => {
      const file = path.join(tempDir(), `autoparts-c36-undecided-${segmentation}.yaml`);
      const text = readFileSync(AUTOPARTS, 'utf8')
        .replace(/^ {2}req_ot_segmentation: mostly$/m, `  req_ot_segmentation: ${segmentation}`)
        .replace(/^ {2}req_access_control: mostly$/m, '  req_access_control: unknown')
        .replace(/^ {2}req_backup_restore: mostly$/m, '  req_backup_restore: unknown')
        .replace(/^ {2}req_ot_endpoint_protection: partial$/m, '  req_ot_endpoint_protection: full');
      writeFileSync(file, text);
      return file;
    };
    const lines = ['partial', 'full'].map((seg) => section(md(variant(seg), 'office'), '### 智能车间申报条件'));
    expect(lines[0]).toBe(lines[1]);
    expect(lines[0]).toContain('· 工业信息安全防护 — 涉及保密答案，未列出');
    const statuses = ['partial', 'full'].map((seg) => json(variant(seg), 'office').readiness.find((x) => x.id === 'smart-workshop')!.criteria.find((c) => c.id === 'workshop-industrial-security')!.status);
    expect(statuses).toEqual(['withheld', 'withheld']);
  });

  it('the office is not given the information-security self-rating, a confidential answer, among the self-ratings to review (review of this session, M7)', () => {
    const file = path.join(tempDir(), 'autoparts-c36-isl3.yaml');
    writeFileSync(file, readFileSync(AUTOPARTS, 'utf8').replace(/^ {2}information_security_level: protected$/m, '  information_security_level: assessed'));
    expect(md(file, 'client')).toContain('- 信息安全：企业自评 3 级，按各级要求逐条判断为 1 级（以逐条判断的等级为准）');
    expect(md(file, 'office')).not.toContain('信息安全：企业自评');
    const office = JSON.parse(run(file, ['--audience', 'office', '--format', 'json'])) as { disagreements: { subdomain: string }[]; subdomains: { id: string; selfRating: number | null }[] };
    expect(office.disagreements.map((d) => d.subdomain)).not.toContain('information-security');
    expect(office.subdomains.find((x) => x.id === 'information-security')!.selfRating).toBeNull();
  });

  it('Markdown: the office sees the criterion withheld and counted apart (5 of the 6 listed, 1 more withheld), never as all met', () => {
    for (const lang of ['zh', 'en'] as const) {
      const text = md(SECURED, 'office', lang);
      const workshop = section(text, lang === 'zh' ? '### 智能车间申报条件' : '### Smart-workshop');
      expect(workshop).toContain(lang === 'zh' ? '（已满足 5/6 项；另 1 项涉及保密答案、未列出）' : '(5 of 6 met; 1 more rest on confidential answers and are not shown)');
      expect(workshop).not.toMatch(/[67]\/7 项|[67] of 7 met|6\/6 项|6 of 6 met/);
      expect(workshop).toContain(lang === 'zh' ? '· 工业信息安全防护 — 涉及保密答案，未列出' : '· Industrial security protection — rests on confidential answers; not shown');
      expect(workshop).not.toMatch(/[✓○] (工业信息安全防护|Industrial security protection)/);
    }
  });

  it('JSON: the criterion keeps its place as withheld, counted in the total and not as met', () => {
    const office = json(SECURED, 'office').readiness.find((x) => x.id === 'smart-workshop')!;
    expect(office).toMatchObject({ met: 5, total: 7, withheld: 1 });
    expect(office.criteria.find((c) => c.id === 'workshop-industrial-security')).toEqual(expect.objectContaining({ status: 'withheld' }));
    const client = json(SECURED, 'client').readiness.find((x) => x.id === 'smart-workshop')!;
    expect(client).toMatchObject({ met: 5, total: 7 });
    expect(client.criteria.find((c) => c.id === 'workshop-industrial-security')!.status).toBe('missing');
  });

  it('HTML: the same line, and the count 5/6 with the withheld one apart', () => {
    const html = run(SECURED, ['--audience', 'office', '--format', 'html', '--lang', 'zh']);
    expect(html).toMatch(/智能车间申报条件[^<]*（已满足 5\/6 项；另 1 项涉及保密答案、未列出）/);
    expect(html).toMatch(/<td>工业信息安全防护<\/td><td><span class="muted">·<\/span> 涉及保密答案，未列出<\/td>/);
  });

  it('DOCX: the same line, and the count 5/6 with the withheld one apart', async () => {
    const out = path.join(tempDir('zhizao-trust-'), 'office.docx');
    run(SECURED, ['--audience', 'office', '--lang', 'zh', '-o', out]);
    const xml = (await (await JSZip.loadAsync(readFileSync(out))).file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    expect(xml).toMatch(/智能车间申报条件[^（(]*（郑政文〔2018〕168号 三\(三\)）（已满足 5\/6 项；另 1 项涉及保密答案、未列出）/);
    expect(xml).toContain('工业信息安全防护· 涉及保密答案，未列出');
  });
});

describe('office report: the phase totals add up to the projects it lists', () => {
  it('each phase row states the count and investment of the projects listed under it, and says the projections count the unlisted ones', () => {
    const text = md(AUTOPARTS, 'office');
    const rows = phaseRows(text);
    const listed = listedProjects(text);
    expect(rows.size).toBeGreaterThanOrEqual(3);
    for (const [phase, row] of rows) {
      const projects = listed.get(phase) ?? [];
      expect({ phase, ...row }).toEqual({ phase, count: projects.length, min: projects.reduce((a, x) => a + x.min, 0), max: projects.reduce((a, x) => a + x.max, 0) });
    }
    // the office report withholds a confidential project planned in a phase: the projection note says so
    const withheld = json(AUTOPARTS, 'office').recommendationsWithheld ?? 0;
    expect(withheld).toBeGreaterThan(0);
    expect(text).toMatch(/推算时计入了各阶段的全部项目，包括本报告未列出的 \d+ 项（涉及企业的保密信息）。/);
  });

  it('the client report lists every project, and its rows add up too', () => {
    const text = md(AUTOPARTS, 'client');
    const listed = listedProjects(text);
    for (const [phase, row] of phaseRows(text)) expect(row.count).toBe((listed.get(phase) ?? []).length);
    expect(text).not.toContain('本报告未列出');
  });

  it('JSON: the office phases count and sum the recommendations given, and say how many more each holds', () => {
    const office = json(AUTOPARTS, 'office');
    const client = json(AUTOPARTS, 'client');
    for (const ph of office.roadmap.phases) {
      const given = office.recommendations.filter((r) => r.phase === ph.id);
      expect(ph.count).toBe(given.length);
      expect(ph.investment).toEqual({ min: given.reduce((a, r) => a + (r.investment?.min ?? 0), 0), max: given.reduce((a, r) => a + (r.investment?.max ?? 0), 0) });
      const all = client.roadmap.phases.find((x) => x.id === ph.id)!;
      expect(ph.count + (ph.withheld ?? 0)).toBe(all.count);
    }
  });
});

describe('office report: nothing chosen by the plant\'s free text (a second consultant\'s review, finding 10)', () => {
  it('the CNC project\'s steps for the key processes the plant listed in its own words, and a duty that applies because of them, are the plant\'s to read', () => {
    const discrete = 'examples/discrete-machinery.zhizao.yaml'; // key_processes_list names honing, heat treatment, plating, manual welding
    const own = md(discrete, 'client');
    const office = md(discrete, 'office');
    for (const step of ['珩磨工序改用数控珩磨机', '为在用的热处理炉加装炉温', '手工焊接工序由本方案的焊接等岗位机器人项目改造']) {
      expect(own, step).toContain(step);
      expect(office, step).not.toContain(step);
    }
    // the autoparts plant's painting duty applies because of its key-process list (free text)
    expect(md(AUTOPARTS, 'client')).toContain('本厂关键工序中有涂装（喷漆、喷粉）作业');
    expect(md(AUTOPARTS, 'office')).not.toContain('本厂关键工序中有');
  });
});

describe('office report: a project is withheld when its presence would tell a confidential answer', () => {
  const SAFETY = ['station-hazard-sensing', 'workshop-ehs-platform'];
  const client = json(AUTOPARTS, 'client');
  const office = json(AUTOPARTS, 'office');

  it('the two safety projects (whether the plant gets them rests on confidential safety answers) and the industrial-security project are not listed or named', () => {
    const ids = office.recommendations.map((r) => r.id);
    const own = client.recommendations.map((r) => r.id);
    for (const id of [...SAFETY, 'workshop-ot-security-zoning']) {
      expect(own, id).toContain(id);
      expect(ids, id).not.toContain(id);
    }
    expect(office.recommendationsWithheld).toBe(3);
    const text = md(AUTOPARTS, 'office');
    for (const id of SAFETY) {
      const mine = client.recommendations.find((r) => r.id === id)!;
      expect(text).not.toContain(mine.title.zh);
      // every statement of these two rests on a confidential safety answer
      expect(mine.evidence.length).toBeGreaterThan(0);
      for (const e of mine.evidence) {
        expect(e.confidential).toBe(true);
        expect(text).not.toContain(e.statement.zh);
      }
    }
    expect(text).toContain('另有 3 项建议涉及企业的保密信息，仅在提交企业的报告中列出。');
    expect(text).not.toContain('工控网络安全分区分域');
    // items chosen by a confidential answer (the discharge permit's automatic monitoring) are in the client's report only
    const ownText = md(AUTOPARTS, 'client');
    for (const secret of ['排放口自动监测数据 → 生态环境部门的污染源监控平台', '排污许可证要求的自动监测得到满足', '排污许可要求自动监测的排放口没有安装在线监测设备']) {
      expect(ownText).toContain(secret);
      expect(text).not.toContain(secret);
    }
  });

  it('a project an open statement supports is listed, without the items that rest on confidential answers, and says so', () => {
    const mid = autopartsMidBudget();
    const aps = json(mid, 'office').recommendations.find((r) => r.id === 'workshop-aps')!;
    expect(aps.detailsWithheld).toBe(true);
    expect(aps.evidence.length).toBeGreaterThan(0);
    expect(aps.evidence.every((e) => !e.confidential)).toBe(true);
    const text = section(md(mid, 'office'), `#### ${aps.title.zh}`);
    expect(text).toContain('依据和措施中凡涉及企业保密答案的内容，本报告均不列出。');
    expect(text).toContain(aps.evidence[0]!.statement.zh);
  });
});

describe('answers nobody knew are not reported as levels (the refractory plant, most answers "don\'t know")', () => {
  it('score --explain does not give such a sub-domain a level either (zh, en)', () => {
    const zh = zhizao(['score', REFRACTORY, '--explain', '--lang', 'zh']);
    expect(zh.code).toBe(0);
    expect(zh.stdout).toMatch(/^ {2}装备 +L– 无法判断 S=/m);
    expect(zh.stdout).not.toMatch(/^ {2}装备 +L0 /m);
    expect(zh.stdout).toContain('L–（无法判断）：决定该子域等级的答案为“不清楚”或未答，或这类答案若已满足就足以改变结论（自评等级不能代替要求题）');
    // planning: one level-1 requirement "mostly", the other "don't know": not judged either
    expect(zh.stdout).toMatch(/^ {2}计划与调度 +L– 无法判断 S=/m);
    // no level stated: no section level either
    expect(zh.stdout).toMatch(/^ {2}生产制造 +\S+ 0\.07 {2}L–$/m);
    const en = zhizao(['score', REFRACTORY, '--explain', '--lang', 'en']).stdout;
    expect(en).toMatch(/^ {2}Equipment +L– not judged S=/m);
  });

  it('a sub-domain whose answers are all unknown reads 无法判断（回答不足）, in the gaps and in the method table', () => {
    const text = md(REFRACTORY, 'client');
    // no level stated: the sections table gives no section a level (their scores rest on the same few answers)
    expect(section(text, '### 各部分得分')).toContain('| 生产制造 | 0.07 | — |');
    expect(section(text, '### 各部分得分')).not.toMatch(/\| \d \|$/m);
    for (const name of ['装备', '网络', '数据']) {
      // not judged: neither a level nor "not yet level 1"
      expect(text).not.toMatch(new RegExp(`${name}：(0 级|未达到 1 级)`));
      expect(text).toMatch(new RegExp(`^\\| ${name} \\|[^\\n]*\\| 无法判断（回答不足） \\|$`, 'm'));
    }
    expect(section(text, '## 5. ')).toContain('无法判断（回答不足）：人员技能、数据、集成、信息安全、装备、网络');
    const en = md(REFRACTORY, 'client', 'en');
    expect(en).not.toMatch(/^- (Equipment|Network|Data): level 0/m);
    expect(en).toContain('Cannot be judged (too few answers): ');
  });

  it('a criterion whose answers are all unknown reads 无法判断（回答不足）, not 未满足', () => {
    const workshop = section(md(REFRACTORY, 'client'), '### 智能车间申报条件');
    expect(workshop).toContain('车间内互联互通网络 — 无法判断（回答不足）');
    expect(workshop).not.toContain('车间内互联互通网络 — 未满足');
    // known: no WMS
    expect(workshop).toContain('原辅料—生产—仓储物流全流程产品信息可追溯 — 未满足');
    // no MES, but a planning level resting on unanswered requirements could still meet it
    expect(workshop).toContain('生产过程实时调度 — 无法判断（回答不足）');
  });

  it('the summary states no level and no S when too few answers allow none', () => {
    for (const lang of ['zh', 'en'] as const) {
      const summary = section(md(REFRACTORY, 'client', lang), '## 2. ');
      expect(summary).not.toMatch(/S = /);
      expect(summary).toContain(lang === 'zh' ? '尚不能给出智能制造能力成熟度等级' : 'cannot yet state');
    }
  });

  it('the budget answered "don\'t know" reads as unknown, not as "not decided"; unanswered and not decided each as they are', () => {
    const plan = (file: string) => section(md(file, 'client'), '## 6. ');
    const unknown = plan(REFRACTORY);
    expect(unknown).toContain('改造预算：受访者回答“不清楚”。');
    expect(unknown).not.toContain('企业尚未确定改造预算');
    const dir = tempDir('zhizao-budget-');
    const text = readFileSync(REFRACTORY, 'utf8');
    const variant = (name: string, line: string) => {
      const file = path.join(dir, `${name}.yaml`);
      writeFileSync(file, text.replace('  retrofit_budget_band: unknown\n', line));
      return file;
    };
    expect(plan(variant('unanswered', ''))).toContain('答卷没有回答改造预算');
    const decided = plan(variant('not-decided', '  retrofit_budget_band: not_decided\n'));
    expect(decided).toContain('企业尚未确定改造预算');
    // (a duty whose answer is 不清楚 may say so; the budget line does not)
    expect(decided).not.toContain('改造预算：受访者回答“不清楚”');
    const en = section(md(REFRACTORY, 'client', 'en'), '## 6. ');
    expect(en).toContain('Retrofit budget: the interviewee did not know.');
  });
});

describe('the summary names the lowest sub-domains as the largest gaps', () => {
  it('the autoparts plant: safety-environment and energy management (level 0, as section 9 shows), not information security, network and data', () => {
    const text = md(AUTOPARTS, 'client');
    const summary = section(text, '## 2. ');
    expect(summary).toContain('差距最大（等级最低）的能力子域是安全环保（未达到 1 级）、能源管理（未达到 1 级）、信息安全（1 级），所缺的要求逐条列在“差距”一节。');
    expect(summary).not.toContain('信息安全、网络、数据');
    // section 9 agrees
    expect(text).toMatch(/^\| 安全环保 \|.*\| 未达 1 级 \|$/m);
    expect(text).toMatch(/^\| 能源管理 \|.*\| 未达 1 级 \|$/m);
    expect(section(text, '## 5. ')).toMatch(/^- 安全环保：未达到 1 级/m);
  });
});


describe('what a consultant review found untrue of the plant (2026-12-05)', () => {
  const MACHINERY = 'examples/discrete-machinery.zhizao.yaml';

  it('no question id reaches the client report, not even through a note that cites one', () => {
    const text = md(MACHINERY, 'client');
    expect(text).toContain('分区问题现在归信息安全评判（见“生产网（工控网）与办公网之间有隔离和访问控制”）');
    expect(text).not.toMatch(/\b(req|has|kpi)_[a-z_]+/);
  });

  it('the APS project of a plant whose system schedules the shop does not say the planners schedule by hand', () => {
    const aps = section(md(autopartsMidBudget(), 'client'), '#### 高级计划与排程（APS）');
    expect(aps).toContain('没有按有限产能自动排程的 APS（或 MES 排程模块）。');
    expect(aps).not.toContain('人工排定');
  });

  it('a plant rated "bills only" that reports workshop meters is not told it has no metering; the contradiction is flagged', () => {
    const text = md(AUTOPARTS, 'client');
    expect(text).not.toContain('没有分级计量');
    expect(text).toContain('车间级虽已装有计量表，能耗仍没有按车间和设备统计（两处回答的出入见一致性检查）');
    // a rate of 0 % fits no meter: the basis does not say meters are fitted (review of this session, a minor)
    const none = path.join(tempDir(), 'autoparts-c36-meter0.yaml');
    writeFileSync(none, readFileSync(AUTOPARTS, 'utf8').replace(/^ {2}energy_meter_rate_secondary: .*$/m, '  energy_meter_rate_secondary: 0'));
    expect(md(none, 'client')).not.toContain('车间级虽已装有计量表');
    const v = zhizao(['validate', AUTOPARTS, '--json']);
    expect(v.stdout).toContain('energy-bills-only-vs-meters');
  });

  it('a plant with too few answers for a level gets its plan as a first outline, with the further interview as the first step', () => {
    const plan = section(md(REFRACTORY, 'client'), '## 6. ');
    expect(plan).toContain('以下项目只依据已知的答案初步排出。第一步是补充访谈');
    expect(section(md(REFRACTORY, 'client'), '## 2. ')).toContain('这一方案只作初步参考，不宜据此决定投资');
    expect(section(md(MACHINERY, 'client'), '## 6. ')).not.toContain('初步排出');
  });

  it('a plant that registers every complaint is not told to set up a complaint register, nor that the loop shortens delivery', () => {
    expect(readFileSync(MACHINERY, 'utf8')).toMatch(/req_complaint_register: full/);
    const project = section(md(MACHINERY, 'client'), '#### 客户投诉、退换货与服务的闭环管理');
    expect(project).toContain('投诉按批次关联生产和检验记录');
    expect(project).not.toContain('建立统一的投诉和退换货登记入口');
    expect(project).not.toMatch(/回应企业目标[^\n]*交期/);
  });

  const PLANTS = 'tests/fixtures/plants';

  it('a plant that programs in CAM is not told it has no CAM, nor sold one', () => {
    expect(readFileSync(`${PLANTS}/small-machining-under-1m.yaml`, 'utf8')).toMatch(/design_tools: \[[^\]]*\bcam\b/);
    const text = md(`${PLANTS}/small-machining-under-1m.yaml`, 'client');
    expect(text).toContain('数控程序虽在 CAM 中编制，但没有在系统中管理版本，也不通过网络下发到机床。');
    expect(text).not.toContain('数控程序没有由 CAM 统一生成');
    expect(text).not.toMatch(/软件: CAM 编程软件/);
    expect(text).toContain('沿用现有 CAM');
  });

  it('a plant whose process plans are mostly in a system is not told it has no CAPP', () => {
    const file = `${PLANTS}/autoparts-vin-mostly.yaml`;
    expect(readFileSync(file, 'utf8')).toMatch(/req_process_planning_system: mostly/);
    expect(md(file, 'client')).not.toContain('没有在用 CAPP 或 PDM/PLM 的工艺模块编制工艺');
  });

  it('an SMT plant is not asked to buy the automatic printers and SPI it has; the integration platform promises no level', () => {
    const text = md(`${PLANTS}/smt-electronics.yaml`, 'client');
    expect(text).not.toContain('配齐 3D SPI 后');
    for (const f of [`${PLANTS}/smt-electronics.yaml`, `${PLANTS}/dnc-mostly.yaml`, `${PLANTS}/third-party-logistics.yaml`]) expect(md(f, 'client'), f).not.toContain('企业由单项应用进入集成级');
  });

  it('a small plant is not told to create digital job families or co-run a training base with colleges', () => {
    const file = `${PLANTS}/smt-small-no-systems.yaml`;
    const json = JSON.parse(run(file, ['--format', 'json'])) as ReportJson;
    const talent = json.recommendations.find((r) => r.title.zh === '数字化人才队伍与岗位体系建设');
    expect(talent, 'the talent project is proposed to this small plant').toBeDefined();
    const text = talent!.measures.map((m) => m.zh).join('');
    expect(text).not.toContain('设立数字化岗位序列');
    expect(text).not.toContain('共建实训基地');
    expect(text).toContain('小型企业一般不单设数字化岗位');
  });

  it('traceability does not wait for a WMS the plan defers: batch records run on receipt scans until one is built', () => {
    const file = `${PLANTS}/third-party-logistics.yaml`;
    expect(readFileSync(file, 'utf8')).toMatch(/has_wms: false/);
    const plan = JSON.parse(run(file, ['--format', 'json'])) as { recommendations: { id: string; phase: string; prerequisites: string[]; laterReason?: { code: string; about?: string } }[] };
    const trace = plan.recommendations.find((r) => r.id === 'workshop-traceability')!;
    expect(trace.prerequisites).not.toContain('workshop-wms-barcode');
    expect(trace.laterReason?.about).not.toBe('workshop-wms-barcode');
  });

  it('a strength whose answers contradict each other is not offered as a strength before they are checked', () => {
    const strengths = section(md(`${PLANTS}/frozen-food.yaml`, 'client'), '## 4. ');
    // network level 2 from the requirements, while the network question says the workshop network is only planned
    // listed apart, after the strengths, as to be checked (review 8: not first offered, then taken back)
    expect(strengths).toContain('组织战略：2 级（高于总体等级）\n');
    expect(strengths).not.toMatch(/- 网络：2 级/);
    expect(strengths).toContain('- 待核实，暂不计为优势：网络（2 级）——等级高于总体等级，但与之相关的回答之间有矛盾（见一致性检查）');
  });

  it('the phasing rule names the lead projects; the office report leaves out the one that would tell a confidential answer', () => {
    const rule = (audience: 'client' | 'office') => /分阶段：[^；]*；/.exec(md(MACHINERY, audience))![0];
    expect(rule('client')).toBe('分阶段：先行项目（“智能制造顶层规划与推进组织”、“工控网络安全分区分域与边界防护”）在答卷显示须先做时，以及落实答卷显示尚未满足、须先整改的法定要求的项目，先于其他项目排入；');
    expect(rule('office')).toBe('分阶段：先行项目（“智能制造顶层规划与推进组织”）在答卷显示须先做时，以及落实答卷显示尚未满足、须先整改的法定要求的项目，先于其他项目排入；');
  });
});

describe('legal duties the answers decide (cross-sector duties of the generic pack)', () => {
  const duties = (text: string) => section(text, '### 实施前须先核查的法定与合规要求');
  type Duties = { roadmap: { duties: { id: string; met: boolean; mostly?: boolean; notMet?: boolean }[] } };

  it('the autoparts plant (重点管理 permit, monitors not installed; key energy user metering partly): both duties are listed as not met, not as "to be checked"', () => {
    const client = duties(md(AUTOPARTS, 'client'));
    expect(client).toMatch(/《排污许可管理条例》（国务院令第736号）第二十条[^\n]*— 答卷显示尚未满足/);
    expect(client).toMatch(/《中华人民共和国节约能源法》第二十七条[^\n]*— 答卷显示尚未满足/);
    const d = json(AUTOPARTS, 'client') as unknown as Duties;
    expect(d.roadmap.duties.find((x) => x.id === 'discharge-permit-auto-monitoring')).toMatchObject({ met: false, notMet: true });
    expect(d.roadmap.duties.find((x) => x.id === 'energy-metering')).toMatchObject({ met: false, notMet: true });
  });

  it('the office report leaves out the discharge-permit duty (it applies, and reads, because of a confidential answer) and keeps the energy duty', () => {
    const office = duties(md(AUTOPARTS, 'office'));
    expect(office).not.toMatch(/排污许可/);
    expect(office).toMatch(/节约能源法/);
    const d = json(AUTOPARTS, 'office') as unknown as Duties;
    expect(d.roadmap.duties.map((x) => x.id)).not.toContain('discharge-permit-auto-monitoring');
    expect(d.roadmap.duties.map((x) => x.id)).toContain('energy-metering');
  });

  it('a reference not checked against the original text says so where it is cited, in words for the plant (no instruction to the assessor); a checked one does not', () => {
    const lines = duties(md(AUTOPARTS, 'client')).split('\n');
    // marked where it is cited (Markdown escapes the *), and said once under the list
    expect(lines.find((l) => l.includes('AIAG《生产件批准程序》'))).toMatch(/AIAG《生产件批准程序》（PPAP）及顾客特殊要求\\\*）/);
    expect(lines.find((l) => l.includes('IATF 16949:2016 第8.5.2条'))).not.toContain('\\*');
    expect(lines).toContain('带 \\* 的出处尚未与原文逐条核对，条款号以现行有效文本为准。');
    expect(lines.filter((l) => l.includes('条款号以现行有效文本为准'))).toHaveLength(1);
    expect(lines.join('\n')).not.toMatch(/引用前请|请核实|verify before citing/);
  });

  it('a plant whose permit requires no automatic monitoring, and which is not a key energy user, gets neither duty', () => {
    const dir = tempDir();
    const text = readFileSync(AUTOPARTS, 'utf8').replace(/^(\s+)req_emission_online_monitoring: none$/m, '$1req_emission_online_monitoring: na').replace(/^(\s+)key_energy_user: true$/m, '$1key_energy_user: false');
    expect(text).toMatch(/req_emission_online_monitoring: na/);
    expect(text).toMatch(/key_energy_user: false/);
    const file = path.join(dir, 'no-duties.yaml');
    writeFileSync(file, text);
    const client = duties(md(file, 'client'));
    expect(client).not.toMatch(/排污许可管理条例|节约能源法/);
  });
});

describe('an indicator computed from answers that contradict each other', () => {
  const DNC = 'tests/fixtures/plants/dnc-mostly.yaml';
  it('dnc-mostly (12 processes listed, total answered 10): the check names it, and the CNC rate reads "for reference until checked" in its row and in the summary', () => {
    const text = md(DNC, 'client');
    expect(text).toMatch(/关键工序清单列出的工序数，与关键工序总数 10 不一致/);
    expect(text).toMatch(/\| 关键工序数控化率 \| 70\.0% \|[^\n]*✓ 达到；计算所用的答案之间有矛盾（见一致性检查），核实前仅供参考。/);
    expect(text).toMatch(/达到参考目标水平的指标：关键工序数控化率。其中关键工序数控化率所用的答案之间有矛盾，核实前仅供参考。/);
    expect(text).not.toMatch(/答案之间未发现矛盾/);
  });
  it('a plant whose list matches its total reads as before', () => {
    const text = md('tests/fixtures/plants/smt-electronics.yaml', 'client');
    expect(text).not.toMatch(/核实前仅供参考。计算依据/);
  });
});

describe('questions left out of the denominators, by audience', () => {
  const REFR = 'tests/fixtures/plants/refractory-unknowns.yaml';
  const HAZOP = '已做 HAZOP 分析';
  it('the office report never lists a confidential question answered n/a (refractory: HAZOP/SIS, online hazard monitoring…), in Markdown or JSON; the plant’s own report does', () => {
    const excluded = (text: string) => section(text, '### 不计入分母的题目');
    expect(excluded(md(REFR, 'client'))).toContain(HAZOP);
    expect(md(REFR, 'office')).not.toContain(HAZOP);
    const office = json(REFR, 'office') as unknown as { excluded: { id: string }[] };
    const client = json(REFR, 'client') as unknown as { excluded: { id: string }[] };
    expect(client.excluded.map((e) => e.id)).toContain('req_hazop_sis');
    expect(office.excluded.map((e) => e.id)).not.toContain('req_hazop_sis');
    expect(office.excluded.map((e) => e.id).filter((id) => id.startsWith('req_safety') || id.startsWith('req_emission') || id.startsWith('req_hazard'))).toEqual([]);
  });
});
