import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { answerFileToYaml } from '../../src/core/answer-yaml.js';
import { normaliseAnswer } from '../../src/core/answer-value.js';
import { formatMessage } from '../../src/messages/catalogue.js';
import { resolveAnswers } from '../../src/core/answers.js';
import {
  CURSOR_REVIEW,
  checkAnswer,
  formatAnswer,
  isoDate,
  newAnswerFile,
  nextQuestion,
  nextRespondentStep,
  nextUnanswered,
  noteOf,
  overallProgress,
  parseInterviewees,
  parseSectionList,
  placeOf,
  previousQuestion,
  questionWording,
  respondentCursor,
  respondentStepOf,
  resumePoint,
  sectionEntry,
  sectionProgress,
  snapshot,
  typedToRaw,
  unansweredQuestions,
  unknownSections,
  withAnswer,
  withNote,
  withEvidence,
  evidenceOf,
  interviewMode,
  ambiguousPercent,
  plausibleReading,
  withProgress,
  withRespondent,
} from '../../src/core/interview.js';
import { answerFileName, safeFileStem } from '../../src/core/file-names.js';
import type { Questionnaire } from '../../src/core/questionnaire.js';
import { parseSource } from '../../src/core/source.js';
import type { AnswerFile, AnswerValue } from '../../src/core/types.js';
import { Definitions, shapeValidator } from '../../src/io/definitions.js';
import { FIXTURES } from '../helpers/cli.js';

let q: Questionnaire;
beforeAll(async () => {
  q = await new Definitions().questionnaire(path.join(FIXTURES, 'definitions', 'mini.yaml'));
});

const file = (answers: Record<string, AnswerValue> = {}, extra: Partial<AnswerFile> = {}): AnswerFile => ({
  ...newAnswerFile(q, { company: 'ACME', industry: 'discrete' }),
  answers,
  ...extra,
});
const ids = (qs: { id: string }[]) => qs.map((x) => x.id);

describe('snapshot: visible questions in order', () => {
  it('skips tailored and gated questions and follows the answers', () => {
    const s = snapshot(q, file());
    expect(ids(s.order)).toEqual([
      'design_level',
      'bom_control',
      'design_tools',
      'designers_total',
      'designers_digital',
      'key_processes_total',
      'key_processes_cnc',
      'has_mes',
      'cnc_robots',
      'defect_rate',
      'main_bottleneck',
      'production_mode',
    ]);
    expect(s.visibility.get('dcs_control')).toBe('tailored');
    expect(s.visibility.get('mes_modules')).toBe('gated');
    const withMes = snapshot(q, file({ has_mes: true }));
    expect(ids(withMes.order)).toContain('mes_modules');
    expect(ids(withMes.order)).toContain('mes_integrated');
    const noMes = snapshot(q, file({ has_mes: 'no' }));
    expect(ids(noMes.order)).not.toContain('mes_modules');
  });

  it('uses the industry type and the file version', () => {
    const process = snapshot(q, { ...file(), respondent: { company: 'x', industry: 'process' } });
    expect(ids(process.order)).toContain('dcs_control');
    expect(ids(process.order)).not.toContain('cnc_robots');
    const v1 = snapshot(q, { ...file(), version: '1' });
    expect(v1.visibility.get('defect_rate')).toBe('not-asked');
    expect(ids(v1.order)).not.toContain('defect_rate');
  });

  it('limits the interview to --sections', () => {
    const s = snapshot(q, file(), ['production']);
    expect(s.sections.map((x) => x.id)).toEqual(['production']);
    expect(ids(s.order)[0]).toBe('key_processes_total');
    expect(ids(s.order)).not.toContain('design_level');
    expect(parseSectionList('design, production,,design')).toEqual(['design', 'production']);
    expect(unknownSections(q, ['design', 'it'])).toEqual(['it']);
  });

  it('treats answers that do not normalise as unanswered (the interview asks again)', () => {
    const s = snapshot(q, file({ designers_total: 'many' }));
    expect(s.resolved.get('designers_total')?.status).toBe('unanswered');
  });
});

describe('navigation', () => {
  it('next and previous walk the visible questions, even from a question hidden since', () => {
    const s = snapshot(q, file({ has_mes: false }));
    expect(nextQuestion(q, s, undefined)?.id).toBe('design_level');
    expect(nextQuestion(q, s, 'has_mes')?.id).toBe('cnc_robots');
    expect(nextQuestion(q, s, 'mes_modules')?.id).toBe('cnc_robots'); // hidden now
    expect(nextQuestion(q, s, 'production_mode')).toBeUndefined();
    expect(previousQuestion(q, s, 'cnc_robots')?.id).toBe('has_mes');
    expect(previousQuestion(q, s, 'key_processes_total')?.id).toBe('designers_digital');
    expect(previousQuestion(q, s, 'design_level')).toBeUndefined();
    const t = snapshot(q, file({ has_mes: true }));
    expect(nextQuestion(q, t, 'has_mes')?.id).toBe('mes_modules');
  });

  it('nextUnanswered goes to the next open question, wrapping only when asked to', () => {
    const s = snapshot(q, file({ design_level: 'pdm', bom_control: 'full', key_processes_total: 3 }));
    expect(nextUnanswered(q, s, 'bom_control')?.id).toBe('design_tools');
    expect(nextUnanswered(q, s, 'production_mode', false)).toBeUndefined();
    expect(nextUnanswered(q, s, 'production_mode')?.id).toBe('design_tools');
    expect(ids(unansweredQuestions(s))).not.toContain('key_processes_total');
  });

  it('sectionEntry jumps to the first unanswered question of a section, else its first', () => {
    const s = snapshot(q, file({ key_processes_total: 4 }));
    expect(sectionEntry(s, 'production')?.id).toBe('key_processes_cnc');
    const all = file({ design_level: 1, bom_control: 'full', design_tools: ['cad2d'], designers_total: 2, designers_digital: 1 });
    expect(sectionEntry(snapshot(q, all), 'design')?.id).toBe('design_level');
    expect(sectionEntry(snapshot(q, all, ['production']), 'design')).toBeUndefined();
  });
});

describe('resume point', () => {
  it('goes to the saved cursor, not merely the first unanswered question', () => {
    const f = file({ design_level: 'pdm' }, { progress: { cursor: 'key_processes_cnc' } });
    const r = resumePoint(q, f, snapshot(q, f));
    expect(r).toMatchObject({ kind: 'question', saved: true });
    expect(r.kind === 'question' && r.question.id).toBe('key_processes_cnc');
  });

  it('moves on when the saved question is hidden now', () => {
    const f = file({ has_mes: false }, { progress: { cursor: 'mes_modules' } });
    const r = resumePoint(q, f, snapshot(q, f));
    expect(r.kind === 'question' && r.question.id).toBe('cnc_robots');
  });

  it('falls back to the first unanswered question in scope', () => {
    const f = file({ design_level: 'pdm' });
    const r = resumePoint(q, f, snapshot(q, f));
    expect(r).toMatchObject({ kind: 'question', saved: false });
    expect(r.kind === 'question' && r.question.id).toBe('bom_control');
    const g = file({}, { progress: { cursor: 'design_tools' } });
    const inProduction = resumePoint(q, g, snapshot(q, g, ['production']));
    expect(inProduction.kind === 'question' && inProduction.question.id).toBe('key_processes_total');
  });

  it('resumes respondent steps and the review', () => {
    const f = file({}, { progress: { cursor: respondentCursor('sector') } });
    expect(resumePoint(q, f, snapshot(q, f))).toEqual({ kind: 'respondent', step: 'sector' });
    const g = file({}, { progress: { cursor: CURSOR_REVIEW } });
    expect(resumePoint(q, g, snapshot(q, g))).toEqual({ kind: 'review' });
    expect(respondentStepOf('@respondent.nonsense')).toBeUndefined();
    expect(nextRespondentStep('date')).toBe('industry'); // the date first: a new file is named by the assessment date
    expect(nextRespondentStep('interviewees')).toBe('office');
    expect(nextRespondentStep('retrofit_year')).toBeUndefined();
  });

  it('goes to the review when everything in scope is answered', () => {
    const f = file({ key_processes_total: 1, key_processes_cnc: 1, has_mes: false, cnc_robots: 'none', defect_rate: 0.1, main_bottleneck: 'x', production_mode: 'mto' });
    expect(resumePoint(q, f, snapshot(q, f, ['production']))).toEqual({ kind: 'review' });
  });
});

describe('progress', () => {
  it('counts answered/visible per section and overall (unknown and n/a count as dealt with)', () => {
    const f = file({ design_level: 'n/a', bom_control: 'unknown', key_processes_total: 5, has_mes: true });
    const s = snapshot(q, f);
    expect(sectionProgress(s)).toEqual([
      { id: 'design', title: q.def.sections[0]!.title, answered: 2, visible: 5 },
      { id: 'production', title: q.def.sections[1]!.title, answered: 2, visible: 9 },
    ]);
    expect(overallProgress(s)).toEqual({ answered: 4, total: 14 });
    expect(placeOf(q, s, 'mes_modules')).toMatchObject({ index: 4, count: 9, answered: 4, total: 14 });
    expect(placeOf(q, s, 'mes_modules')?.section.id).toBe('production');
  });
});

describe('checking answers', () => {
  const ok = (id: string, raw: unknown, f = file()) => {
    const r = checkAnswer(q, f, id, { kind: 'value', raw });
    return r.ok ? r.stored : r.problems.map((p) => p.code);
  };

  it('reads percentages typed as 50, 50 % or 0.5 as the fraction 0.5', () => {
    expect(ok('defect_rate', '50')).toBe(0.5);
    expect(ok('defect_rate', '50%')).toBe(0.5);
    expect(ok('defect_rate', '50 ％')).toBe(0.5);
    expect(ok('defect_rate', '0.5')).toBe(0.5);
    expect(ok('defect_rate', '1')).toBe(1);
    expect(ok('defect_rate', '150')).toEqual(['answer.range']);
    expect(typedToRaw(q.byId.get('defect_rate')!, '2.5')).toBe('2.5%');
    expect(typedToRaw(q.byId.get('designers_total')!, ' 25 ')).toBe('25');
  });

  it('checks numbers, options and exclusive choices', () => {
    expect(ok('designers_total', '12')).toBe(12);
    expect(ok('designers_total', '1,200')).toBe(1200);
    expect(ok('designers_total', '2.5')).toEqual(['answer.integer']);
    expect(ok('designers_total', '-1')).toEqual(['answer.range']);
    expect(ok('designers_total', 'twelve')).toEqual(['answer.number']);
    expect(ok('design_level', '2')).toBe('pdm');
    expect(ok('design_level', 'sim')).toBe('sim');
    expect(ok('bom_control', '大部分满足')).toBe('mostly');
    expect(ok('design_tools', ['cad2d', 'cad3d'])).toEqual(['cad2d', 'cad3d']);
    expect(ok('design_tools', ['cad2d', 'none'])).toEqual(['answer.exclusive']);
    expect(ok('has_mes', true)).toBe(true);
    expect(ok('main_bottleneck', 'x'.repeat(501))).toEqual(['answer.too-long']);
  });

  it('reads a number written with the question’s own unit (18人, 18 台, 6 robots, 5 套 for 台（套）), never words or another unit', () => {
    const people = { ...q.byId.get('designers_total')!, unit: { zh: '人', en: 'people' } };
    const sets = { ...q.byId.get('designers_total')!, unit: { zh: '台（套）', en: 'units' } };
    const money = { ...q.byId.get('designers_total')!, integer: false, unit: { zh: '万元', en: '10k CNY' } };
    const value = (question: typeof people, raw: string) => {
      const n = normaliseAnswer(question, raw);
      return 'error' in n ? n.error : n.value;
    };
    expect(value(people, '18人')).toBe(18);
    expect(value(people, ' 18 人 ')).toBe(18);
    expect(value(people, '１８人')).toBe(18);
    expect(value(people, '1,200 人')).toBe(1200);
    expect(value(people, '18 People')).toBe(18);
    expect(value(sets, '18 台')).toBe(18);
    expect(value(sets, '5套')).toBe(5);
    expect(value(sets, '5台（套）')).toBe(5);
    expect(value(money, '300万元')).toBe(300);
    // words, a guess, another unit or a percentage stay refused, in the words typed
    for (const bad of ['十八人', '约20人', '人', '18 台']) expect(value(people, bad), bad).toBe('answer.number');
    expect(value(money, '300万')).toBe('answer.number');
    expect(value(people, '18%人')).toBe('answer.number');
    const n = normaliseAnswer(people, '十八人');
    expect('error' in n && formatMessage(n.error, n.args, 'zh')).toBe('designers_total："十八人" 不是数字：请只填数字（如 12 人），不知道的填“不清楚”');
    expect(value(people, '12 人')).toBe(12); // the example the message gives is accepted
  });

  it('refuses a CNC count above the total with the check message', () => {
    const f = file({ key_processes_total: 12 });
    const r = checkAnswer(q, f, 'key_processes_cnc', { kind: 'value', raw: '14' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems[0]!.code).toBe('answers.check');
      expect(r.problems[0]!.args.en).toBe('CNC key processes cannot exceed all key processes');
      // the values by their questions' texts, in each language; no ids
      expect(r.problems[0]!.args.values_en).toBe('"CNC-controlled key processes": 14; "Key processes": 12');
      expect(String(r.problems[0]!.args.values_zh)).toContain('填 14');
      expect(JSON.stringify(r.problems[0]!.args)).not.toContain('key_processes_cnc');
    }
    expect(ok('key_processes_cnc', '12', f)).toBe(12);
    // the other field of the check is refused too
    expect(ok('key_processes_total', '3', file({ key_processes_cnc: 5 }))).toEqual(['answers.check']);
    // no check while the other number is unknown
    expect(ok('key_processes_cnc', '99', file({ key_processes_total: 'unknown' }))).toBe(99);
  });

  it('accepts unknown everywhere and n/a only where allowed', () => {
    expect(checkAnswer(q, file(), 'bom_control', { kind: 'unknown' })).toMatchObject({ ok: true, stored: 'unknown' });
    expect(checkAnswer(q, file(), 'design_level', { kind: 'na' })).toMatchObject({ ok: true, stored: 'n/a' });
    const r = checkAnswer(q, file(), 'bom_control', { kind: 'na' });
    expect(r.ok === false && r.problems[0]!.code).toBe('answer.na-not-allowed');
    expect(ok('designers_total', '不清楚')).toBe('unknown');
  });
});

describe('changing the file', () => {
  it('sets answers, notes (internal as {text, internal: true}), respondent fields and progress without mutating', () => {
    const f0 = file();
    const f1 = withAnswer(f0, 'design_level', 'pdm');
    expect(f0.answers).toEqual({});
    expect(f1.answers).toEqual({ design_level: 'pdm' });
    const f2 = withNote(f1, 'design_level', { text: ' seen PDM ', internal: false });
    expect(f2.notes).toEqual({ design_level: 'seen PDM' });
    const f3 = withNote(f2, 'bom_control', { text: 'not for the client', internal: true });
    expect(f3.notes?.bom_control).toEqual({ text: 'not for the client', internal: true });
    expect(noteOf(f3, 'bom_control')).toEqual({ text: 'not for the client', internal: true });
    expect(noteOf(f3, 'design_level')).toEqual({ text: 'seen PDM', internal: false });
    const f4 = withNote(withNote(f3, 'bom_control', null), 'design_level', null);
    expect(f4.notes).toBeUndefined();
    expect(f3.notes?.bom_control).toBeDefined();
    const f5 = withRespondent(withRespondent(f4, 'site', '二厂'), 'site', undefined);
    expect(f5.respondent.site).toBeUndefined();
    const f6 = withProgress(f5, 'has_mes', ['production'], '2026-11-29T10:00:00Z', 'full');
    expect(f6.progress).toEqual({ cursor: 'has_mes', sections: ['production'], updated: '2026-11-29T10:00:00Z', mode: 'full' });
  });

  it('evidence records beside the notes; a merge\'s internal part of a note survives edits', () => {
    const f1 = withEvidence(file(), 'bom_control', { type: 'document', ref: ' BOM-list.xlsx ' });
    expect(f1.evidence).toEqual({ bom_control: { type: 'document', ref: 'BOM-list.xlsx' } });
    expect(evidenceOf(f1, 'bom_control')).toEqual({ type: 'document', ref: 'BOM-list.xlsx' });
    expect(withEvidence(f1, 'bom_control', { type: 'observation' }).evidence).toEqual({ bom_control: { type: 'observation' } });
    expect(withEvidence(f1, 'bom_control', null).evidence).toBeUndefined();
    const merged = file({}, { notes: { bom_control: { text: '[a.yaml] seen', internal_text: '[b.yaml] supplier unpaid' } } });
    expect(noteOf(merged, 'bom_control')).toEqual({ text: '[a.yaml] seen', internal: false, internalText: '[b.yaml] supplier unpaid' });
    expect(withNote(merged, 'bom_control', { text: 'checked', internal: false }).notes?.bom_control).toEqual({ text: 'checked', internal_text: '[b.yaml] supplier unpaid' });
    expect(withNote(merged, 'bom_control', null).notes?.bom_control).toEqual({ text: '', internal_text: '[b.yaml] supplier unpaid' });
  });

  it('interview mode: asked for, else saved, else express for a new file and full for a file made without one', () => {
    expect(interviewMode(undefined)).toBe('express');
    expect(interviewMode(file())).toBe('full');
    expect(interviewMode(file({}, { progress: { mode: 'express' } }))).toBe('express');
    expect(interviewMode(file({}, { progress: { mode: 'express' } }), 'full')).toBe('full');
  });

  it('a percentage typed as a bare number up to 1 is ambiguous', () => {
    const pct = q.byId.get('defect_rate')!;
    expect(ambiguousPercent(pct, '0.8')).toBe(0.8);
    expect(ambiguousPercent(pct, '1')).toBe(1);
    expect(ambiguousPercent(pct, '0')).toBeUndefined();
    expect(ambiguousPercent(pct, '80')).toBeUndefined();
    expect(ambiguousPercent(pct, '0.8%')).toBeUndefined();
    expect(ambiguousPercent(q.byId.get('designers_total')!, '1')).toBeUndefined();
    expect(typedToRaw(pct, '８０')).toBe('８０%');
  });

  it('the reading of an ambiguous percentage inside the plausible range is the one offered; none when both, neither or no range', () => {
    const pct = q.byId.get('defect_rate')!;
    expect(plausibleReading(pct, 0.8)).toBeUndefined(); // no range
    expect(plausibleReading({ ...pct, plausible: { max: 0.3 } }, 0.8)).toBe('small'); // 0.8 % of defects, not 80 %
    expect(plausibleReading({ ...pct, plausible: { min: 0.05 } }, 0.3)).toBe('large'); // MES coverage 30 %, not 0.3 %
    expect(plausibleReading({ ...pct, plausible: { min: 0, max: 0.5 } }, 0.3)).toBeUndefined(); // both fit
    expect(plausibleReading({ ...pct, plausible: { min: 0.2, max: 0.95 } }, 0.1)).toBeUndefined(); // neither fits
  });

  it('writes files that pass validation', () => {
    let f = withRespondent(file(), 'interviewees', parseInterviewees('设计部 李工；生产部 赵经理; '));
    f = withRespondent(f, 'date', '2026-11-29');
    f = withRespondent(f, 'retrofit_status', { status: 'planned', year: 2027 });
    for (const [id, raw] of [
      ['design_level', '3'],
      ['bom_control', 'partial'],
      ['design_tools', ['cad3d']],
      ['key_processes_total', '12'],
      ['key_processes_cnc', '5'],
      ['defect_rate', '2.5%'],
      ['main_bottleneck', 'changeovers: "2 h"\n# not a comment'],
      ['has_mes', true],
      ['mes_modules', ['orders']],
    ] as [string, unknown][]) {
      const r = checkAnswer(q, f, id, { kind: 'value', raw });
      expect(r.ok).toBe(true);
      if (r.ok) f = withAnswer(f, id, r.stored);
    }
    f = withAnswer(f, 'design_level', 'n/a');
    f = withNote(f, 'has_mes', { text: '工控网与办公网未隔离', internal: true });
    f = withProgress(f, 'cnc_robots', ['production', 'design'], new Date(0).toISOString());
    const text = answerFileToYaml(f, q);
    const parsed = parseSource(text, 'x.yaml');
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(shapeValidator().validate('answers', parsed.source)).toEqual([]);
    const r = resolveAnswers(q, parsed.source);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.answers?.resolved.get('defect_rate')?.value).toBe(0.025);
    expect(r.answers?.file.respondent.interviewees).toEqual(['设计部 李工', '生产部 赵经理']);
  });
});

describe('wording and display', () => {
  it('shows the industry variant when there is one', () => {
    const cnc = q.byId.get('key_processes_cnc')!;
    expect(questionWording(cnc, 'process').text.en).toBe('Key processes under automatic control');
    expect(questionWording(cnc, 'discrete').text.en).toBe('CNC-controlled key processes');
    expect(questionWording(cnc, 'mixed').help.en).toBe('Key processes run on CNC equipment');
  });

  it('formats answers for the consultant (level numbers only with --show-levels)', () => {
    expect(formatAnswer(q.byId.get('design_level')!, 'pdm', 'en')).toBe('PDM');
    expect(formatAnswer(q.byId.get('design_level')!, 'pdm', 'en', true)).toBe('2 · PDM');
    expect(formatAnswer(q.byId.get('bom_control')!, 'full', 'zh')).toBe('全部满足');
    expect(formatAnswer(q.byId.get('design_tools')!, ['cad2d', 'cad3d'], 'zh')).toBe('二维CAD、三维CAD');
    expect(formatAnswer(q.byId.get('defect_rate')!, 0.025, 'en')).toBe('2.5%');
    expect(formatAnswer(q.byId.get('has_mes')!, false, 'zh')).toBe('否');
    expect(formatAnswer(q.byId.get('has_mes')!, 'unknown', 'en')).toBe('unknown');
    expect(formatAnswer(q.byId.get('design_level')!, 'n/a', 'zh')).toBe('不适用');
    expect(formatAnswer(q.byId.get('design_level')!, undefined, 'zh')).toBeUndefined();
    // a number in the unit it was given in (the file's kpis.units), else in the question's own
    const total = { ...q.byId.get('designers_total')!, unit: { zh: '人', en: 'people' } };
    expect(formatAnswer(total, 12, 'zh')).toBe('12 人');
    expect(formatAnswer(total, 12, 'en', false, 'staff')).toBe('12 staff');
    expect(formatAnswer(q.byId.get('designers_total')!, 12, 'en')).toBe('12');
  });

  it('dates and interviewees', () => {
    expect(isoDate(new Date(2026, 10, 9))).toBe('2026-11-09');
    expect(parseInterviewees(' a ;b；；c ')).toEqual(['a', 'b', 'c']);
  });
});

describe('safe file names', () => {
  it('keeps Chinese and strips path separators and control characters', () => {
    expect(safeFileStem('郑州示例机械有限公司')).toBe('郑州示例机械有限公司');
    expect(safeFileStem('../../etc/passwd')).toBe('etc-passwd');
    expect(safeFileStem('C:\\Windows\\system32')).toBe('C-Windows-system32');
    expect(safeFileStem('ACME\u0000\u0007 Ltd\r\n')).toBe('ACME-Ltd');
    expect(safeFileStem('a<b>c:d"e|f?g*h')).toBe('a-b-c-d-e-f-g-h');
    expect(safeFileStem('$(rm -rf ~)`x`;y')).toBe('(rm-rf-)-x-y');
    expect(safeFileStem('  ACME Co., Ltd.  ')).toBe('ACME-Co.-Ltd');
    expect(safeFileStem('...hidden')).toBe('hidden');
    expect(safeFileStem('trailing. . .')).toBe('trailing');
    expect(safeFileStem('郑州（经开区）分公司')).toBe('郑州（经开区）分公司');
  });

  it('never produces a reserved Windows device name', () => {
    for (const name of ['CON', 'con', 'NUL', 'Aux', 'PRN', 'COM1', 'lpt9', 'nul.txt', 'CON .x', 'com¹']) {
      const stem = safeFileStem(name);
      expect(stem.split('.')[0]!.replace(/[\s.]+$/, '')).not.toMatch(/^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i);
    }
    expect(safeFileStem('CON')).toBe('_CON');
    expect(safeFileStem('CONSOLIDATED')).toBe('CONSOLIDATED');
  });

  it('limits the length without splitting characters', () => {
    const long = safeFileStem('郑'.repeat(300));
    expect([...long].length).toBeLessThanOrEqual(60);
    expect(Buffer.byteLength(long)).toBeLessThanOrEqual(120);
    const ext = safeFileStem('𠀀'.repeat(100)); // 4-byte characters outside the BMP
    expect(Buffer.byteLength(ext)).toBeLessThanOrEqual(120);
    expect(ext).toBe('𠀀'.repeat(30));
    expect(safeFileStem('a'.repeat(500)).length).toBe(60);
    expect(safeFileStem('a'.repeat(59) + '.b')).toBe('a'.repeat(59)); // no trailing dot after the cut
  });

  it('builds <company>-<date>.zhizao.yaml, anonymous names and -2, -3 for taken names', () => {
    expect(answerFileName('郑州示例机械有限公司', '2026-11-29')).toBe('郑州示例机械有限公司-2026-11-29.zhizao.yaml');
    expect(answerFileName('ACME', '2026-11-29', 2)).toBe('ACME-2026-11-29-2.zhizao.yaml');
    expect(answerFileName('ACME', '2026-11-29', 1, true)).toBe('assessment-2026-11-29.zhizao.yaml');
    expect(answerFileName('ACME', '2026-11-29', 3, true)).toBe('assessment-2026-11-29-3.zhizao.yaml');
    expect(answerFileName('///', '2026-11-29')).toBe('assessment-2026-11-29.zhizao.yaml');
    expect(answerFileName('x', '../../evil')).toBe('x.zhizao.yaml');
  });
});
