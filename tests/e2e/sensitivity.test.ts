import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, ROOT, tempDir, zhizao } from '../helpers/cli';

/**
 * Every one-step change the sensitivity section of `score --json` lists, written into the answer file and scored again
 * through the CLI, gives the level and S it states. Cases: changes down and up, from an unanswered requirement, level
 * questions in an express interview (some of them gate other questions), and the 2024-draft profile, whose mapping puts
 * the questions into other sub-domains.
 */
interface Change {
  question: string;
  from: string | number | boolean | null;
  to: string | number | boolean;
  level: number;
  score: number;
}
interface Scored {
  maturity: { level: number | null; score: number };
  sensitivity?: Change[];
}
interface AnswerDoc {
  respondent: Record<string, unknown>;
  answers: Record<string, unknown>;
  progress?: { mode?: string };
}

const example = (name: string) => parse(readFileSync(path.join(EXAMPLES, `${name}.zhizao.yaml`), 'utf8')) as AnswerDoc;
function withAnswer(doc: AnswerDoc, question: string, value: unknown): AnswerDoc {
  const copy = structuredClone(doc);
  copy.answers[question] = value;
  return copy;
}
function score(file: string, profile: string[]): Scored {
  const r = zhizao(['score', file, ...profile, '--json']);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Scored;
}

/**
 * Score many variants of one plant in one CLI run (`batch`, one record per file). Each variant gets its own site so
 * that batch does not take them for re-assessments of one plant.
 */
function scoreAll(docs: AnswerDoc[], profile: string[]): { level: number | null; score: number }[] {
  const dir = tempDir('zhizao-sensitivity-');
  const files = docs.map((d, i) => {
    const file = path.join(dir, `variant-${String(i).padStart(3, '0')}.zhizao.yaml`);
    writeFileSync(file, stringify({ ...d, respondent: { ...d.respondent, site: `variant ${i}` } }));
    return file;
  });
  const r = zhizao(['batch', dir, ...profile, '--json', '--jobs', '2']);
  expect(r.code, r.stderr).toBe(0);
  const byFile = new Map((JSON.parse(r.stdout) as { companies: { file: string; level: number | null; score: number }[] }).companies.map((c) => [path.resolve(c.file), c]));
  return files.map((f) => {
    const c = byFile.get(f);
    expect(c, f).toBeDefined();
    return c!;
  });
}
function write(doc: AnswerDoc): string {
  const file = path.join(tempDir('zhizao-sensitivity-'), 'plant.zhizao.yaml');
  writeFileSync(file, stringify(doc));
  return file;
}

const cases: { name: string; doc: () => AnswerDoc; profile: string[]; expect: (changes: Change[], level: number) => void }[] = [
  {
    name: 'the discrete example: requirement answers one step lower lose level 1',
    doc: () => example('discrete-machinery'),
    profile: [],
    expect: (changes, level) => {
      expect(level).toBe(1);
      expect(changes.map((c) => [c.question, c.from, c.to, c.level])).toEqual(expect.arrayContaining([['req_data_rules', 'partial', 'none', 0]]));
    },
  },
  {
    name: 'an unanswered requirement: answering it "partial" is one step up',
    doc: () => {
      const d = example('discrete-machinery');
      delete d.answers.req_data_rules;
      return d;
    },
    profile: [],
    expect: (changes, level) => {
      expect(level).toBe(0);
      expect(changes).toContainEqual(expect.objectContaining({ question: 'req_data_rules', from: null, to: 'partial', level: 1 }));
      expect(changes.every((c) => c.level === 1)).toBe(true);
    },
  },
  {
    name: 'an express interview (self-ratings decide): level questions one step up reach level 2',
    doc: () => ({ ...example('discrete-machinery'), progress: { mode: 'express' } }),
    profile: [],
    expect: (changes, level) => {
      expect(level).toBe(1);
      expect(changes.length).toBeGreaterThan(0);
      expect(changes.every((c) => c.question.endsWith('_level') && c.level === 2)).toBe(true);
    },
  },
  {
    name: 'an express interview of the process example: level questions one step down',
    doc: () => ({ ...withAnswer(example('process-food'), 'equipment_level', 'some_automation'), progress: { mode: 'express' } }),
    profile: [],
    expect: (changes, level) => {
      expect(level).toBe(2);
      expect(changes.length).toBeGreaterThanOrEqual(5);
      expect(changes.every((c) => c.level === 1)).toBe(true);
    },
  },
  {
    name: 'the 2024-draft profile: mapped questions, and level questions that gate other questions',
    doc: () => ({ ...example('discrete-machinery'), progress: { mode: 'express' } }),
    profile: ['--profile', 'gbt39117-2024-draft'],
    expect: (changes, level) => {
      expect(level).toBe(2);
      const ids = changes.map((c) => c.question);
      expect(ids).toEqual(expect.arrayContaining(['quality_level', 'product_design_level', 'logistics_level']));
    },
  },
];

describe('sensitivity: each listed one-step change, applied to the file and re-scored through the CLI', () => {
  for (const c of cases) {
    it(c.name, () => {
      const doc = c.doc();
      const base = score(write(doc), c.profile);
      const changes = base.sensitivity ?? [];
      c.expect(changes, base.maturity.level!);
      // every change in one batch run, and the first one also through `score` itself
      const after = scoreAll(changes.map((ch) => withAnswer(doc, ch.question, ch.to)), c.profile);
      changes.forEach((change, i) => {
        const what = `${change.question}: ${String(change.from)} → ${String(change.to)}`;
        expect(after[i]!.level, what).toBe(change.level);
        expect(after[i]!.level, what).not.toBe(base.maturity.level);
        expect(after[i]!.score, what).toBeCloseTo(change.score, 3);
      });
      const first = score(write(withAnswer(doc, changes[0]!.question, changes[0]!.to)), c.profile);
      expect(first.maturity).toMatchObject({ level: changes[0]!.level });
      expect(first.maturity.score).toBeCloseTo(changes[0]!.score, 3);
    }, 120_000);
  }

  it('the list is complete: no level question one step up or down that it leaves out changes the level', () => {
    const q = parse(readFileSync(path.join(ROOT, 'questionnaires', 'smart-manufacturing.yaml'), 'utf8')) as {
      sections: { questions?: { id: string; type: string; options?: { value: string; level?: number }[] }[] }[];
    };
    const doc: AnswerDoc = { ...example('discrete-machinery'), progress: { mode: 'express' } };
    const base = score(write(doc), []);
    const listed = new Set((base.sensitivity ?? []).map((s) => `${s.question}=${String(s.to)}`));
    const variants: { key: string; doc: AnswerDoc }[] = [];
    for (const question of q.sections.flatMap((s) => s.questions ?? []).filter((x) => x.type === 'level')) {
      const from = question.options!.find((o) => o.value === doc.answers[question.id]);
      if (!from) continue; // n/a or unanswered
      for (const step of [-1, 1]) {
        const to = question.options!.find((o) => o.level === from.level! + step);
        if (!to || to.level === 5) continue; // level 5 asks for a note
        variants.push({ key: `${question.id}=${to.value}`, doc: withAnswer(doc, question.id, to.value) });
      }
    }
    const after = scoreAll(variants.map((v) => v.doc), []);
    variants.forEach((v, i) => expect(after[i]!.level !== base.maturity.level, `${v.key} changes the level to ${after[i]!.level}`).toBe(listed.has(v.key)));
    const tried = variants.length;
    expect(tried).toBeGreaterThan(30);
  }, 120_000);
});

describe('the worked example of docs/scoring.md, through the CLI', () => {
  it('along the tree: L2 0.9, S 1.9, level 2, four answers one step lower give 1.775; flat: S 1.55, level 1', () => {
    const doc = readFileSync(path.join(ROOT, 'docs', 'scoring.md'), 'utf8');
    const yaml = /## 7\.[\s\S]*?```yaml\n([\s\S]*?)```/.exec(doc)?.[1];
    expect(yaml, 'the answer file in section 7').toBeDefined();
    const dir = tempDir('zhizao-worked-');
    const file = path.join(dir, 'plant.zhizao.yaml');
    writeFileSync(file, yaml!);
    const tree = zhizao(['score', file, '--json']);
    expect(tree.code, tree.stderr).toBe(0);
    const t = JSON.parse(tree.stdout) as Scored & { maturity: { levelScores: number[]; provisional: boolean; margin: { below: number; above: number } } };
    expect(t.maturity).toMatchObject({ level: 2, score: 1.9, levelScores: [1, 0.9, 0, 0, 0], provisional: false, margin: { below: 0.1, above: 0.9 } });
    expect(t.sensitivity!.map((s) => [s.question, s.to, s.level, s.score]).sort()).toEqual(
      [
        ['equipment_level', 'some_automation', 1, 1.775],
        ['network_level', 'basic', 1, 1.775],
        ['organization_strategy_level', 'planning', 1, 1.775],
        ['personnel_skills_level', 'ad_hoc', 1, 1.775],
      ].sort(),
    );
    // the flat alternative: the bundled profile with another id and `aggregation: flat`, as the document says
    const profile = readFileSync(path.join(ROOT, 'questionnaires', 'profiles', 'gbt39117-2020-practice.yaml'), 'utf8')
      .replace(/^id: .*$/m, 'id: flat-example')
      .replace(/^aggregation: tree$/m, 'aggregation: flat');
    expect(profile).toContain('aggregation: flat');
    writeFileSync(path.join(dir, 'flat.yaml'), profile);
    const flat = zhizao(['score', file, '--profile', path.join(dir, 'flat.yaml'), '--json']);
    expect(flat.code, flat.stderr).toBe(0);
    expect((JSON.parse(flat.stdout) as { maturity: unknown }).maturity).toMatchObject({ level: 1, score: 1.55, levelScores: [1, 0.55, 0, 0, 0] });
  }, 120_000);
});
