// A project the plant asks for in its own words and needs, but whose groundwork is missing, through the built CLI:
// the hydraulics plant of examples/discrete-machinery.zhizao.yaml without its MES (production on paper), whose goal in
// its own words is "三年内做到质量追溯到原料批次" and whose traceability is partly in place. The traceability project's
// askedWhen holds on those words and its evidence holds (traceable only in part), but its condition (an MES or
// production operations at level 2) fails: the report says the project is not yet one of its own in this plan
// (wording.yaml `planAskedNotReady`, and its selfAssessment override), never that nothing at the plant calls for it
// (`planAskedNotNeeded`); with traceability fully in place it is said to be in place already (`planAskedInPlace`).
// Unit-tested in tests/unit/plan-statements.test.ts (src/core/recommend.ts, `askedNotProposed`, reason 'not-ready').
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { ROOT, tempDir, zhizao } from '../helpers/cli';
import { reportMarkdown } from '../helpers/report-cli';

const EXAMPLE = 'examples/discrete-machinery.zhizao.yaml';
const dir = tempDir('zhizao-not-ready-');

const TITLE = { zh: '原辅料—生产—仓储全流程质量追溯', en: 'End-to-end traceability from raw materials through production to warehousing' };

type Phrase = { zh: string; en: string };
/** The phrases of report-templates/wording.yaml, and their self-assessment overrides, for this project's title. */
const wording = parse(readFileSync(path.join(ROOT, 'report-templates/wording.yaml'), 'utf8')) as { phrases: Record<string, Phrase>; selfAssessment: { phrases: Record<string, Phrase> } };
const titled = (phrase: Phrase | undefined): Phrase => {
  expect(phrase).toBeDefined();
  return { zh: phrase!.zh.replace('{title}', TITLE.zh), en: phrase!.en.replace('{title}', TITLE.en) };
};
/** The plant's report sentences on this project, for a diagnosis and (in the company's own voice) for a self-assessment. */
const NOT_READY = titled(wording.phrases.planAskedNotReady);
const NOT_READY_SELF = titled(wording.selfAssessment.phrases.planAskedNotReady);
/** What is said of a project nothing calls for (never of this one while the answers show the need). */
const NOT_NEEDED = { zh: '本厂目前没有需要它的情形', en: 'nothing at the plant calls for it now' };

describe('the phrases this test reads (report-templates/wording.yaml)', () => {
  it('not ready: "not yet a project of its own", worded apart for a self-assessment; not needed: "nothing calls for it"', () => {
    for (const phrase of [NOT_READY, NOT_READY_SELF]) {
      expect(phrase.zh).toContain('暂未单独列入');
      expect(phrase.en).toContain('not yet a project of its own');
    }
    expect(NOT_READY_SELF.zh).not.toBe(NOT_READY.zh);
    expect(NOT_READY_SELF.en).not.toBe(NOT_READY.en);
    const notNeeded = titled(wording.phrases.planAskedNotNeeded);
    expect(notNeeded.zh).toContain(NOT_NEEDED.zh);
    expect(notNeeded.en).toContain(NOT_NEEDED.en);
  });
});

interface Variant {
  /** The traceability requirement answered: partly in place (the need shows) or fully (no need). */
  traceability: 'partial' | 'full';
  /** No assessor named: the company assessed itself, and its report reads in its own voice. */
  self?: boolean;
}

/** The example plant without its MES, asking for traceability in its own words; written once per variant. */
function plant({ traceability, self = false }: Variant): string {
  const file = parse(readFileSync(EXAMPLE, 'utf8'));
  expect(file.answers.has_mes).toBe(true);
  expect(file.respondent.assessor).toBeTruthy();
  Object.assign(file.answers, { has_mes: false, production_operations_level: 'paper', digital_goals: '三年内做到质量追溯到原料批次', req_quality_traceability: traceability });
  // the MES's own questions no longer apply (and its notes no longer hold): left out, as an interviewer would
  for (const id of ['mes_modules', 'mes_coverage', 'mes_vendor', 'mes_interfaces']) delete file.answers[id];
  expect(file.answers.erp_interfaces).toEqual(['mes']);
  Object.assign(file.answers, { erp_interfaces: ['none'], req_erp_mes_integration: 'none' });
  for (const id of ['has_mes', 'req_quality_traceability', 'req_erp_mes_integration']) delete file.notes[id];
  if (self) delete file.respondent.assessor;
  const out = path.join(dir, `no-mes-traceability-${traceability}${self ? '-self' : ''}.yaml`);
  writeFileSync(out, stringify(file));
  return out;
}

const NEEDED = plant({ traceability: 'partial' });
const NEEDED_SELF = plant({ traceability: 'partial', self: true });
const FULL = plant({ traceability: 'full' });

/** Each report made once (a run of the built CLI each), by its arguments. */
const made = new Map<string, string>();
const md = (file: string, lang: 'zh' | 'en', ...extra: string[]) => {
  const key = [file, lang, ...extra].join(' ');
  if (!made.has(key)) made.set(key, reportMarkdown(file, lang, ...extra));
  return made.get(key)!;
};

/** The plan section (§6) of a Markdown report, where the plant's own goals and what they ask for are answered. */
const planOf = (text: string) => {
  const from = text.indexOf('\n## 6.');
  expect(from).toBeGreaterThan(0);
  return text.slice(from, text.indexOf('\n## 7.'));
};
/** The lines of a report that name the project in quotes. */
const linesOn = (text: string, lang: 'zh' | 'en') => text.split('\n').filter((l) => l.includes(`“${TITLE[lang]}”`));

describe('a project asked for and needed whose groundwork is missing: not yet a project of its own', () => {
  it('the answer files are clean: validate finds nothing to warn of (the MES questions left out with the MES)', () => {
    for (const file of [NEEDED, NEEDED_SELF, FULL]) {
      const r = zhizao(['validate', file]);
      expect(r.code, r.stderr + r.stdout).toBe(0);
      expect(r.stderr + r.stdout, file).not.toMatch(/warning|警告/i);
    }
  });
  for (const lang of ['zh', 'en'] as const) {
    it(`report --format md --lang ${lang}: the not-ready sentence for the traceability project, in the plan section`, () => {
      const text = md(NEEDED, lang);
      expect(planOf(text)).toContain(NOT_READY[lang]);
      expect(text).toContain(lang === 'zh' ? '暂未单独列入' : 'not yet a project of its own');
    });
    it(`report --format md --lang ${lang}: never that nothing at the plant calls for it, and not proposed either`, () => {
      const text = md(NEEDED, lang);
      const said = linesOn(text, lang);
      expect(said).toEqual([NOT_READY[lang]]);
      expect(text).not.toContain(NOT_NEEDED[lang]);
      // not a project of the plan (no heading of its own) while it is said to wait for its groundwork
      expect(text).not.toContain(`#### ${TITLE[lang]}`);
    });
    it(`a self-assessment (no assessor), --lang ${lang}: the same, in the company's own voice`, () => {
      const text = md(NEEDED_SELF, lang);
      expect(planOf(text)).toContain(NOT_READY_SELF[lang]);
      expect(linesOn(text, lang)).toEqual([NOT_READY_SELF[lang]]);
      // the diagnosis's wording ("与企业商定", "agree with the plant") is not the self-assessment's
      expect(text).not.toContain(NOT_READY[lang]);
      expect(text).not.toContain(NOT_NEEDED[lang]);
    });
  }
  it('report -o 诊断报告.md / .html (a file in a folder, as a user writes it): the same sentence, the format by the extension', () => {
    const folder = tempDir('zhizao-not-ready-out-');
    for (const ext of ['md', 'html']) {
      const out = path.join(folder, `诊断报告.${ext}`);
      const r = zhizao(['report', NEEDED, '-o', out, '--lang', 'zh']);
      expect(r.code, r.stderr).toBe(0);
      const text = readFileSync(out, 'utf8');
      expect(text, ext).toContain(NOT_READY.zh);
      expect(text, ext).not.toContain(NOT_NEEDED.zh);
    }
  });
  it('the programme office report (--audience office) says nothing of what the plant asked for in its own words', () => {
    for (const lang of ['zh', 'en'] as const) {
      const text = md(NEEDED, lang, '--audience', 'office');
      expect(linesOn(text, lang)).toEqual([]);
      expect(text).not.toContain(lang === 'zh' ? '暂未单独列入' : 'not yet a project of its own');
    }
  });
});

describe('the same plant with traceability fully in place: in place already, said as such', () => {
  const IN_PLACE = titled(wording.phrases.planAskedInPlace);
  for (const lang of ['zh', 'en'] as const) {
    it(`report --format md --lang ${lang}: in place, never not ready nor "nothing calls for it"`, () => {
      const text = md(FULL, lang);
      const said = linesOn(text, lang);
      expect(said).toHaveLength(1);
      expect(said[0]).toBe(IN_PLACE[lang]);
      expect(said[0]).not.toContain(NOT_NEEDED[lang]);
      expect(text).not.toContain(lang === 'zh' ? '暂未单独列入' : 'not yet a project of its own');
    });
  }
});
