// The checks machinery: compile-time problems located in the checks file, the functions of check conditions,
// findings located at both answers, plausibility ranges, evidence records.
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { compileChecks, findingDiagnostics, isConfidentialFinding, plausibilityFindings, reviewAnswers, runChecks, type ChecksDef } from '../../src/core/checks';
import { evidenceDiagnostics, evidenceSummary, requirementsWithoutEvidence } from '../../src/core/evidence';
import { resolveAnswers } from '../../src/core/answers';
import { formatMessage } from '../../src/messages/catalogue';
import { mustAnswers, questionnaire, shape, src, srcOf } from '../helpers/defs';

const q = questionnaire('questionnaires/smart-manufacturing.yaml');

const file = (answers: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  questionnaire: 'smart-manufacturing',
  version: '2',
  respondent: { company: '测试', industry: 'discrete' },
  answers,
  ...extra,
});

function checksFile(checks: unknown[], top: Record<string, unknown> = {}): string {
  return stringify({ kind: 'checks', id: 't', questionnaire: 'smart-manufacturing', checks, ...top });
}
const one = (over: Record<string, unknown> = {}) => ({
  id: 'c1',
  when: "level_of('equipment_level') >= 2 and indicator('cnc-rate') < 0.5",
  severity: 'warning',
  about: ['equipment_level', 'key_processes_cnc', 'key_processes_total'],
  message: { zh: '装备 {equipment_level}，{key_processes_cnc}/{key_processes_total}', en: 'equipment {equipment_level}, {key_processes_cnc} of {key_processes_total}' },
  ...over,
});
function compile(text: string) {
  const s = src(text, 'checks.yaml');
  const shapeDs = shape.validate('checks', s);
  if (shapeDs.length) return { diagnostics: shapeDs, text };
  return { ...compileChecks(s, q), text };
}
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('compiling a checks file', () => {
  it('a well-formed file compiles', () => {
    const r = compile(checksFile([one()]));
    expect(r.diagnostics).toEqual([]);
    expect(r.checks!.checks.map((c) => c.def.id)).toEqual(['c1']);
  });

  it('expressions that do not parse, unknown ids, functions and indicators: at the line of the condition', () => {
    const text = checksFile([
      one({ id: 'a', when: 'level_of(equipment_level >= 2' }),
      one({ id: 'b', when: 'equipment_levle >= 2' }),
      one({ id: 'c', when: "levle_of('equipment_level') >= 2" }),
      one({ id: 'd', when: "indicator('cnc-rat') < 0.5" }),
    ]);
    const r = compile(text);
    expect(r.checks).toBeUndefined();
    const at = (code: string) => r.diagnostics.filter((d) => d.code === code).map((d) => d.line);
    expect(at('expr.syntax')).toEqual([lineOf(text, 'level_of(equipment_level >= 2')]);
    expect(at('expr.unknown-id')).toEqual([lineOf(text, 'equipment_levle')]);
    expect(at('expr.unknown-function')).toEqual([lineOf(text, 'levle_of')]);
    expect(at('expr.unknown-literal')).toEqual([lineOf(text, 'cnc-rat')]);
    expect(r.diagnostics.every((d) => d.file === 'checks.yaml' && d.column > 0)).toBe(true);
  });

  it('level_of() takes level questions and score_of() requirement questions', () => {
    const r = compile(checksFile([one({ id: 'a', when: "level_of('has_mes') >= 2" }), one({ id: 'b', when: "score_of('equipment_level') > 0" })]));
    expect(r.diagnostics.map((d) => d.code).sort()).toEqual(['checks.level-of-type', 'checks.score-of-type']);
    expect(formatMessage(r.diagnostics[0]!.code, r.diagnostics[0]!.args, 'en')).toContain('has_mes is a boolean question');
  });

  it('about ids and placeholders must be questions; a placeholder outside about is a warning', () => {
    const text = checksFile([
      one({ id: 'a', about: ['equipment_level', 'no_such_question'] }),
      one({ id: 'b', message: { zh: '{no_such_answer}', en: '{no_such_answer}' } }),
      one({ id: 'c', message: { zh: '{has_mes}', en: '{has_mes}' } }),
    ]);
    const r = compile(text);
    const codes = r.diagnostics.map((d) => `${d.severity}:${d.code}`);
    expect(codes).toContain('error:def.unknown-ref');
    expect(codes).toContain('error:checks.unknown-placeholder');
    expect(codes).toContain('warning:checks.placeholder-not-about');
    expect(r.diagnostics.find((d) => d.code === 'def.unknown-ref')!.line).toBe(lineOf(text, '- no_such_question'));
  });

  it('doubts names answers of about only; a finding carries them, and only those make an indicator doubtful', () => {
    const text = checksFile([one({ id: 'a', doubts: ['equipment_level', 'has_mes'] })]);
    const bad = compile(text);
    expect(bad.diagnostics.map((d) => d.code)).toEqual(['checks.doubts-not-about']);
    expect(bad.diagnostics[0]!.line).toBe(lineOf(text, '- has_mes'));
    const good = compile(checksFile([one({ doubts: ['equipment_level'] })]));
    expect(good.diagnostics).toEqual([]);
    const answers = mustAnswers(q, file({ equipment_level: 'key_digital', key_processes_total: 10, key_processes_cnc: 2 }));
    const [finding] = runChecks(good.checks!, q, answers);
    expect(finding?.doubts).toEqual(['equipment_level']);
    expect(runChecks(compile(checksFile([one()])).checks!, q, answers)[0]?.doubts).toBeUndefined();
  });

  it('duplicate ids, and a file for another questionnaire', () => {
    const r = compile(checksFile([one(), one()], { questionnaire: 'other-questionnaire' }));
    const codes = r.diagnostics.map((d) => d.code);
    expect(codes).toContain('def.duplicate-id');
    expect(codes).toContain('checks.questionnaire-mismatch');
  });

  it('the schema names unknown keys, a bad severity and a missing language', () => {
    const d = parse(checksFile([one()])) as Omit<ChecksDef, 'checks'> & { checks: Record<string, unknown>[] };
    d.checks[0]!.severity = 'fatal';
    d.checks[0]!.wen = 'x';
    delete (d.checks[0]!.message as { en?: string }).en;
    const codes = compile(stringify(d)).diagnostics.map((x) => x.code).sort();
    expect(codes).toEqual(['schema.enum', 'schema.required', 'schema.unknown-key']);
  });
});

describe('check conditions', () => {
  const run = (when: string, answers: Record<string, unknown>, industry = 'discrete') => {
    const set = compileChecks(src(checksFile([one({ when })])), q).checks!;
    const a = mustAnswers(q, file(answers, { respondent: { company: 'x', industry } }));
    return runChecks(set, q, a).length === 1;
  };

  it('level_of() is the chosen option level; null when unanswered, unknown or n/a', () => {
    expect(run("level_of('equipment_level') == 2", { equipment_level: 'key_digital' })).toBe(true);
    expect(run("level_of('equipment_level') == null", { equipment_level: 'unknown' })).toBe(true);
    expect(run("level_of('product_design_level') == null", { product_design_level: 'n/a' })).toBe(true);
    expect(run("level_of('equipment_level') == null", {})).toBe(true);
  });

  it('score_of() follows the satisfaction values; null when unknown', () => {
    expect(run("score_of('req_oee') == 0.8", { req_oee: 'mostly' })).toBe(true);
    expect(run("score_of('req_oee') == 0.5", { req_oee: '部分满足' })).toBe(true);
    expect(run("score_of('req_oee') == null", { req_oee: 'unknown' })).toBe(true);
    const set = compileChecks(src(checksFile([one({ when: "score_of('req_oee') == 0.6" })])), q).checks!;
    const a = mustAnswers(q, file({ req_oee: 'partial' }));
    expect(runChecks(set, q, a, { satisfaction: { full: 1, mostly: 0.9, partial: 0.6, none: 0 } })).toHaveLength(1);
  });

  it('indicator() is the computed indicator, null when not computable', () => {
    expect(run("indicator('cnc-rate') == 0.5", { key_processes_total: 10, key_processes_cnc: 5 })).toBe(true);
    expect(run("indicator('cnc-rate') == null", { key_processes_total: 0, key_processes_cnc: 0 })).toBe(true);
    expect(run("indicator('mes-adoption') == 1", { has_mes: true })).toBe(true);
  });

  it('answered(), unknown(), na(); hidden questions read as null', () => {
    expect(run("answered('has_mes') and unknown('has_mes')", { has_mes: 'unknown' })).toBe(true);
    expect(run("na('req_shipment_tracking')", { logistics_level: 'n/a' })).toBe(true); // follow-up of an n/a answer
    expect(run("na('logistics_level')", { logistics_level: 'n/a' })).toBe(true);
    expect(run("answered('mes_coverage')", { has_mes: false, mes_coverage: 0.5 })).toBe(false); // hidden by has_mes
    expect(run('mes_coverage == null', { has_mes: false, mes_coverage: 0.5 })).toBe(true);
    expect(run('dcs_units_count == null', { dcs_units_count: 3 })).toBe(true); // tailored out for a discrete plant
  });

  it('questions newer than the file were never asked: they read as null', () => {
    const set = compileChecks(src(checksFile([one({ when: 'annual_revenue > 0' })])), q).checks!;
    const a = mustAnswers(q, { ...file({ annual_revenue: 1000 }), version: '1' });
    expect(runChecks(set, q, a)).toEqual([]);
  });
});

describe('findings', () => {
  const set = compileChecks(src(checksFile([one()])), q).checks!;
  const text = stringify(file({ key_processes_total: 12, key_processes_cnc: 5, equipment_level: 'key_digital' }));
  const s = src(text, 'plant.yaml');
  const a = resolveAnswers(q, s).answers!;

  it('name each answer as stored and as shown, with its line and column', () => {
    const [f] = runChecks(set, q, a, { source: s });
    expect(f).toMatchObject({ id: 'c1', kind: 'check', severity: 'warning' });
    expect(f!.about.map((x) => [x.question, x.answer, x.at?.line])).toEqual([
      ['equipment_level', 'key_digital', lineOf(text, 'equipment_level:')],
      ['key_processes_cnc', 5, lineOf(text, 'key_processes_cnc:')],
      ['key_processes_total', 12, lineOf(text, 'key_processes_total:')],
    ]);
    const label = q.byId.get('equipment_level')!.options!.find((o) => o.value === 'key_digital')!.label;
    expect(f!.message).toEqual({ zh: `装备 ${label.zh}，5/12`, en: `equipment ${label.en}, 5 of 12` });
  });

  it('as a diagnostic: at the first answer, with every answer located in the message', () => {
    const [d] = findingDiagnostics(runChecks(set, q, a, { source: s }), 'plant.yaml');
    expect(d).toMatchObject({ code: 'checks.finding', severity: 'warning', line: lineOf(text, 'equipment_level:') });
    const msg = formatMessage(d!.code, d!.args, 'en');
    expect(msg).toContain(`key_processes_cnc ${lineOf(text, 'key_processes_cnc:')}:`);
    expect(msg).toContain(`key_processes_total ${lineOf(text, 'key_processes_total:')}:`);
    expect(msg).toContain('[check c1;');
  });

  it('the interview can ask for the checks about one question only', () => {
    expect(runChecks(set, q, a, { question: 'key_processes_cnc' })).toHaveLength(1);
    expect(runChecks(set, q, a, { question: 'has_mes' })).toHaveLength(0);
  });

  it('percentages are shown as 0–100 %, multiple choice as labels', () => {
    const set2 = compileChecks(src(checksFile([one({ when: 'true', about: ['mes_coverage', 'design_tools'], message: { zh: '{mes_coverage} {design_tools}', en: '{mes_coverage} {design_tools}' } })])), q).checks!;
    const b = mustAnswers(q, file({ has_mes: true, mes_coverage: 0.417, design_tools: ['cad2d', 'cam'] }));
    expect(runChecks(set2, q, b)[0]!.message.en).toBe('41.7% 2D CAD, CAM (NC programming)');
  });
});

describe('plausibility', () => {
  const find = (answers: Record<string, unknown>) => plausibilityFindings(q, mustAnswers(q, file(answers)));

  it('a value outside the plausible range is a warning with the range as the user thinks of it', () => {
    const [f] = find({ digital_spend_share: 0.8 });
    expect(f).toMatchObject({ id: 'plausibility', kind: 'plausibility', severity: 'warning' });
    expect(f!.about[0]).toMatchObject({ question: 'digital_spend_share', answer: 0.8 });
    expect(f!.message.en).toContain('80% is outside the usual range (0–10%)');
    expect(f!.message.en).toContain('If 0.8% was meant, write "0.8%" or 0.008');
    expect(f!.message.zh).toContain('0–10%');
  });

  it('a training share typed as 1 suggests 1 %', () => {
    expect(find({ digital_training_share: 1 })[0]!.message.en).toContain('If 1% was meant');
  });

  it('numbers: one-sided ranges and units', () => {
    expect(find({ key_processes_total: 1.2e24 })[0]!.message.en).toContain('1.2e+24 is outside the usual range (1–200 processes)');
    expect(find({ mes_coverage: 0.01, has_mes: true })[0]!.message.en).toContain('at least 5%');
    expect(find({ kpi_first_pass_yield: 0.3 })[0]!.message.en).not.toContain('was meant');
  });

  it('a KPI the file states in another unit is not judged by the range of the question’s unit', () => {
    const at = (units?: Record<string, string>) => plausibilityFindings(q, mustAnswers(q, file({ kpi_energy_per_output: 12 }, units ? { kpis: { units } } : {})));
    expect(at()).toHaveLength(1);
    expect(at({ kpi_energy_per_output: '吨标煤/万元' })).toHaveLength(1);
    expect(at({ kpi_energy_per_output: '千克标煤/件' })).toEqual([]);
  });

  it('values inside the range, hidden questions and unknown answers are not findings', () => {
    expect(find({ digital_spend_share: 0.015, key_processes_total: 12, mes_coverage: 0.01, has_mes: false, kpi_oee: 'unknown' })).toEqual([]);
  });

  it('a finding naming a confidential answer (security, KPIs, money) is confidential', () => {
    const [kpi] = find({ kpi_first_pass_yield: 0.3 });
    expect(isConfidentialFinding(q, kpi!)).toBe(true);
    const [count] = find({ key_processes_total: 500 });
    expect(isConfidentialFinding(q, count!)).toBe(false);
  });

  it('reviewAnswers lists plausibility first, then the checks', () => {
    const set = compileChecks(src(checksFile([one({ when: 'true' })])), q).checks!;
    const r = reviewAnswers([set], q, mustAnswers(q, file({ digital_spend_share: 0.8 })));
    expect(r.map((f) => f.id)).toEqual(['plausibility', 'c1']);
  });
});

describe('evidence records', () => {
  const withEvidence = (evidence: unknown) => file({ req_oee: 'full', req_andon: 'mostly', req_mobile_inspection: 'partial' }, { evidence });

  it('the answer schema takes a type and a short reference, nothing else', () => {
    expect(shape.validate('answers', srcOf(withEvidence({ req_oee: { type: 'demo', ref: 'MES OEE 报表截图 IMG_2031.jpg' } })))).toEqual([]);
    expect(shape.validate('answers', srcOf(withEvidence({ req_oee: null })))).toEqual([]);
    const bad = (e: unknown) => shape.validate('answers', srcOf(withEvidence(e))).map((d) => d.code);
    expect(bad({ req_oee: { type: 'photo' } })).toEqual(['schema.enum']);
    expect(bad({ req_oee: { ref: 'x' } })).toEqual(['schema.required']);
    expect(bad({ req_oee: { type: 'document', ref: 'line one\nline two' } })).toEqual(['schema.pattern']);
    expect(bad({ req_oee: { type: 'document', ref: 'x'.repeat(201) } })).toEqual(['schema.maxLength']);
    expect(bad({ req_oee: { type: 'document', content: 'the whole document' } })).toEqual(['schema.unknown-key']);
  });

  it('requirements answered fully or mostly without a record are listed; partial ones are not', () => {
    const a = mustAnswers(q, withEvidence({ req_oee: { type: 'demo' } }));
    expect(requirementsWithoutEvidence(q, a)).toEqual(['req_andon']);
    expect(evidenceSummary(q, a)).toMatchObject({ records: 1, claimed: 2, claimedWithEvidence: 1, byType: { demo: 1, document: 0 } });
  });

  it('as warnings: missing evidence only when required; a record for an unknown question always', () => {
    const text = stringify(withEvidence({ req_oee: { type: 'demo' }, no_such_question: { type: 'document' } }));
    const s = src(text, 'plant.yaml');
    const a = resolveAnswers(q, s).answers!;
    expect(evidenceDiagnostics(q, a, s).map((d) => d.code)).toEqual(['evidence.unknown-question']);
    const required = evidenceDiagnostics(q, a, s, { require: true });
    expect(required.map((d) => [d.code, d.line, d.severity])).toEqual([
      ['evidence.unknown-question', lineOf(text, 'no_such_question:'), 'warning'],
      ['evidence.missing', lineOf(text, 'req_andon:'), 'warning'],
    ]);
    expect(formatMessage(required[1]!.code, required[1]!.args, 'en')).toContain('req_andon is answered "mostly satisfied"');
    expect(formatMessage(required[1]!.code, required[1]!.args, 'zh')).toContain('答为“大部分满足”');
  });
});

describe('an answer not given, or not asked, shown inside a message', () => {
  it('reads 未答 / 未询问 without brackets of its own, so a message that brackets it shows one pair', async () => {
    const { showAnswer } = await import('../../src/core/answer-display');
    expect(showAnswer(undefined, undefined)).toEqual({ zh: '未答', en: 'unanswered' });
    expect(showAnswer(undefined, { status: 'answered', value: 1 }, 'gated')).toEqual({ zh: '未询问', en: 'not asked' });
  });
});
