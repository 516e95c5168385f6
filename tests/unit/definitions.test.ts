import { describe, expect, it } from 'vitest';
import { stringify, parse } from 'yaml';
import { detectLang } from '../../src/cli/env';
import { MESSAGES, formatMessage } from '../../src/messages/catalogue';
import { parseSource } from '../../src/core/source';
import { questionnaire, questionnaireFrom, read } from '../helpers/defs';

const mini = () => parse(read('tests/fixtures/definitions/mini.yaml'));
const codesOf = (data: unknown) => questionnaireFrom(stringify(data)).diagnostics.map((d) => d.code);

describe('questionnaire semantic checks', () => {
  it('the mini fixture loads cleanly', () => {
    const r = questionnaireFrom(read('tests/fixtures/definitions/mini.yaml'));
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.q!.questions.length).toBe(15);
  });

  it('duplicate question ids', () => {
    const d = mini();
    d.sections[1].questions[0].id = 'designers_total';
    expect(codesOf(d)).toContain('def.duplicate-id');
  });

  it('references to unknown ids in conditions and formulas, and formulas that do not parse', () => {
    const d = mini();
    d.sections[1].questions[3].when = 'has_erp == true';
    d.indicators[0].formula = 'key_processes_cnc / ';
    d.checks[0].expr = 'nope <= key_processes_total';
    const codes = codesOf(d);
    expect(codes).toContain('expr.unknown-id');
    expect(codes).toContain('expr.syntax');
    expect(codes.filter((c) => c === 'expr.unknown-id').length).toBe(2);
  });

  it('level options not covering 0–5', () => {
    const d = mini();
    d.sections[0].questions[0].options.pop();
    const r = questionnaireFrom(stringify(d));
    const p = r.diagnostics.find((x) => x.code === 'def.level-coverage')!;
    expect(p.args.missing).toBe('5');
  });

  it('missing zh/en text or help is a schema error at its line', () => {
    const d = mini();
    delete d.sections[0].questions[1].text.en;
    delete d.sections[0].questions[1].help;
    const text = stringify(d);
    const r = questionnaireFrom(text);
    const codes = r.diagnostics.map((x) => `${x.code}:${x.args.name}`);
    expect(codes).toContain('schema.required:en');
    expect(codes).toContain('schema.required:help');
    const line = text.split('\n').findIndex((l) => l.includes('id: bom_control')) + 1;
    expect(r.diagnostics.every((x) => x.line >= line)).toBe(true);
  });

  it('since and version well-formed; allowNA is a boolean', () => {
    const d = mini();
    d.sections[0].questions[1].since = 'v2';
    d.sections[0].questions[2].since = '9';
    expect(codesOf(d)).toEqual(expect.arrayContaining(['def.version-format', 'def.since-future']));
    const e = mini();
    e.sections[0].questions[0].allowNA = 'yes';
    expect(codesOf(e)).toContain('schema.type');
  });

  it('sub-domains must exist in the model; scored questions need one', () => {
    const d = mini();
    d.sections[0].questions[0].subdomain = 'product-desing';
    delete d.sections[0].questions[1].subdomain;
    expect(codesOf(d)).toEqual(expect.arrayContaining(['def.unknown-subdomain', 'def.subdomain-required']));
  });

  it('an unknown key names the allowed keys', () => {
    const d = mini();
    d.sections[0].questions[0].textt = 'typo';
    const r = questionnaireFrom(stringify(d));
    expect(r.diagnostics[0]).toMatchObject({ code: 'schema.unknown-key', args: { name: 'textt' } });
    expect(String(r.diagnostics[0]!.args.allowed)).toContain('text');
  });
});

describe('the shipped questionnaire promises only what the interview records', () => {
  it('the operating cost: its other units are offered by the interview (per tonne, % of revenue), and its help says to choose one, not to answer :unknown', () => {
    const q = questionnaire('questionnaires/smart-manufacturing.yaml');
    const cost = q.byId.get('kpi_operating_cost')!;
    expect(cost.unit).toEqual({ zh: '元/件', en: 'CNY per unit' });
    expect(cost.unitChoices?.map((c) => c.unit)).toEqual([
      { zh: '元/吨', en: 'CNY per tonne' },
      { zh: '%（占营业收入）', en: '% of revenue' },
    ]);
    for (const c of cost.unitChoices!) expect(c.description?.zh && c.description.en).toBeTruthy();
    expect(cost.help.zh).not.toContain(':unknown');
    expect(cost.help.en).not.toContain(':unknown');
    expect(cost.help.zh).not.toContain('只按 元/件 记录');
    expect(cost.help.zh).toContain('再在随后的单位选项中选“元/吨”或“%（占营业收入）”');
    expect(cost.help.en).toContain('choose its unit, “CNY per tonne” or “% of revenue”');
  });
});

describe('unitChoices (other units of a number question)', () => {
  const withChoices = (mutate: (question: Record<string, unknown>) => void) => {
    const d = mini();
    mutate(d.sections[0].questions[3]); // designers_total, a number
    return questionnaireFrom(stringify(d));
  };
  const perTonne = { unit: { zh: '元/吨', en: 'CNY per tonne' }, description: { zh: '按吨', en: 'per tonne' } };

  it('are read with the question, for a number question with a unit of its own', () => {
    const r = withChoices((x) => Object.assign(x, { unit: { zh: '元/件', en: 'CNY per unit' }, unitChoices: [perTonne] }));
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.q!.byId.get('designers_total')!.unitChoices).toEqual([perTonne]);
  });

  it('are refused on a question without a unit, on another type, when one repeats the question’s unit or another choice', () => {
    const codes = (mutate: (question: Record<string, unknown>) => void) => withChoices(mutate).diagnostics.map((d) => d.code);
    expect(codes((x) => Object.assign(x, { unitChoices: [perTonne] }))).toContain('def.unit-choices-unexpected');
    expect(codes((x) => Object.assign(x, { type: 'text', min: undefined, integer: undefined, unit: { zh: '元/件', en: 'CNY per unit' }, unitChoices: [perTonne] }))).toContain('def.unit-choices-unexpected');
    expect(codes((x) => Object.assign(x, { unit: { zh: '元/件', en: 'CNY per unit' }, unitChoices: [{ unit: { zh: '元／件', en: 'per piece' } }] }))).toContain('def.unit-choice-duplicate');
    expect(codes((x) => Object.assign(x, { unit: { zh: '元/件', en: 'CNY per unit' }, unitChoices: [perTonne, { unit: { zh: '元/公吨', en: 'CNY per tonne' } }] }))).toContain('def.unit-choice-duplicate');
  });

  it('are checked by the schema: both languages, a unit short enough for kpis.units, nothing else', () => {
    const codes = (choice: unknown) => withChoices((x) => Object.assign(x, { unit: { zh: '元/件', en: 'CNY per unit' }, unitChoices: [choice] })).diagnostics.filter((d) => d.severity === 'error').length;
    expect(codes(perTonne)).toBe(0);
    expect(codes({ unit: { zh: '元/吨' } })).toBeGreaterThan(0);
    expect(codes({ unit: { zh: '元'.repeat(51), en: 'x' } })).toBeGreaterThan(0);
    expect(codes({ unit: { zh: '元/吨', en: 'CNY per tonne' }, value: 't' })).toBeGreaterThan(0);
  });
});

describe('statement (a question\'s answer as a report states it)', () => {
  // mini.yaml: sections[1].questions[2] is has_mes (boolean), sections[0].questions[3] designers_total (number)
  const yesNo = { yes: { zh: '在用 MES', en: 'an MES in use' }, no: { zh: '未使用 MES', en: 'no MES in use' }, needs: { yes: { zh: '在用', en: 'one in use' } } };
  const label = { zh: '设计人员', en: 'designers' };
  const load = (mutate: (d: ReturnType<typeof mini>) => void) => {
    const d = mini();
    mutate(d);
    return questionnaireFrom(stringify(d));
  };
  const errors = (r: ReturnType<typeof load>) => r.diagnostics.filter((x) => x.severity === 'error');

  it('is read with the question: two statements for a yes/no question, a label for any other', () => {
    const r = load((d) => {
      d.sections[1].questions[2].statement = yesNo;
      d.sections[0].questions[3].statement = label;
    });
    expect(errors(r)).toEqual([]);
    expect(r.q!.byId.get('has_mes')!.statement).toEqual(yesNo);
    expect(r.q!.byId.get('designers_total')!.statement).toEqual(label);
  });

  it('a yes/no question\'s is its two statements, another\'s a label; named where it is', () => {
    const wrong = (mutate: (d: ReturnType<typeof mini>) => void) => errors(load(mutate)).map((x) => x.code);
    expect(wrong((d) => (d.sections[1].questions[2].statement = label))).toEqual(['def.statement-yes-no']);
    expect(wrong((d) => (d.sections[0].questions[3].statement = yesNo))).toEqual(['def.statement-label']);
    const r = load((d) => (d.sections[1].questions[2].statement = label));
    expect(formatMessage('def.statement-yes-no', r.diagnostics[0]!.args, 'en')).toBe('question has_mes is a yes/no question: its "statement" gives the two statements, "yes" and "no"');
  });

  it('is checked by the schema: both languages, both answers, nothing else', () => {
    const count = (statement: unknown, at: 'boolean' | 'number' = 'boolean') => errors(load((d) => ((at === 'boolean' ? d.sections[1].questions[2] : d.sections[0].questions[3]).statement = statement))).length;
    expect(count({ yes: yesNo.yes })).toBeGreaterThan(0);
    expect(count({ ...yesNo, no: { zh: '未使用 MES' } })).toBeGreaterThan(0);
    expect(count({ ...yesNo, needs: { maybe: { zh: 'x', en: 'x' } } })).toBeGreaterThan(0);
    expect(count({ ...yesNo, also: 1 })).toBeGreaterThan(0);
    expect(count({ zh: '设计人员' }, 'number')).toBeGreaterThan(0);
    expect(count('设计人员', 'number')).toBeGreaterThan(0);
  });
});

describe('source limits', () => {
  it('refuses oversized, too deep and alias-bomb input without throwing', () => {
    const limits = { maxBytes: 100, maxAliases: 10, maxDepth: 5 };
    expect(parseSource('a: ' + 'x'.repeat(200), 'f', limits)).toMatchObject({ ok: false, diagnostics: [{ code: 'input.too-large' }] });
    expect(parseSource('[[[[[[[1]]]]]]]', 'f', limits)).toMatchObject({ ok: false, diagnostics: [{ code: 'input.too-deep' }] });
    expect(parseSource('a:\n b:\n  c:\n   d:\n    e:\n     f:\n      g: 1\n', 'f', limits)).toMatchObject({ ok: false, diagnostics: [{ code: 'input.too-deep' }] });
    expect(parseSource('a: &a [1,2]\nb: [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\n', 'f', limits)).toMatchObject({ ok: false, diagnostics: [{ code: 'input.alias-bomb' }] });
    expect(parseSource('[' .repeat(100000), 'f')).toMatchObject({ ok: false });
  });

  it('__proto__ keys stay plain data', () => {
    const r = parseSource('__proto__: {polluted: true}\nconstructor: {prototype: {x: 1}}\n', 'f');
    expect(r.ok).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('message catalogue and language', () => {
  it('every message has zh and en with the same placeholders', () => {
    for (const [code, entry] of Object.entries(MESSAGES)) {
      const ph = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(entry.zh.trim(), code).not.toBe('');
      expect(ph(entry.zh), code).toEqual(ph(entry.en));
    }
    expect(formatMessage('answer.range', { id: 'x', value: 7, min: 0, max: 5 }, 'zh')).toBe('x：7 超出允许范围 0–5');
  });

  it.each([
    [{ LC_ALL: 'zh_CN.UTF-8' }, 'zh'],
    [{ LC_ALL: '', LC_MESSAGES: 'en_GB.UTF-8', LANG: 'zh_CN.UTF-8' }, 'en'],
    [{ LANG: 'en_US.UTF-8' }, 'en'],
    [{ LANG: 'zh_TW.UTF-8' }, 'zh'],
    [{ LC_ALL: 'C', LANG: 'en_US.UTF-8' }, 'en'],
    [{ LANG: 'C.UTF-8' }, 'zh'],
    [{ LC_ALL: 'POSIX' }, 'zh'],
  ] as [NodeJS.ProcessEnv, string][])('language default %j → %s', (env, lang) => {
    expect(detectLang(env)).toBe(lang);
  });
});

describe('Definitions: one load per definition', () => {
  it('callers asking at once (Promise.all, as a report does) share one load: the same object, the file read once', async () => {
    const { Definitions } = await import('../../src/io/definitions');
    const defs = new Definitions();
    const reads: string[] = [];
    const source = defs.source.bind(defs);
    defs.source = (file: string) => (reads.push(file), source(file));
    const [a, b, c] = await Promise.all([defs.policy(), defs.policy(), defs.policy()]);
    expect(b).toBe(a);
    expect(c).toBe(a);
    expect(reads.filter((f) => f.includes('policy'))).toHaveLength(1);
  });
});

describe('the plan data as the programme office reads it (the plan sheet)', () => {
  it('says how each target is counted in plain words: no backlog wording, no question ids, no target ids', async () => {
    const { Definitions } = await import('../../src/io/definitions');
    const policy = await new Definitions().policy();
    const targets = policy!.countTargets;
    expect(targets.length).toBeGreaterThan(20);
    const bad = targets.flatMap((t) => [t.measure.zh, t.measure.en].filter((s) => /需要新增|尚未包含|问卷没有|not asked yet|is needed|[（(][a-z]+(_[a-z]+)+[）)]|\b[a-z]+(-[a-z0-9]+){2,}\b/.test(s)).map((s) => `${t.id}: ${s}`));
    expect(bad).toEqual([]);
  });
});
