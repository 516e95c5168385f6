import { readFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, ROOT, tempDir, zhizao } from '../helpers/cli';

/** The bundled 2024-draft model and profile, read as a user would read them. */
const model = parse(readFileSync(path.join(ROOT, 'questionnaires', 'models', 'cmmm-2024-draft.yaml'), 'utf8')) as {
  factors: { domains: { id: string; subdomains: { id: string }[] }[] }[];
};
const profile = parse(readFileSync(path.join(ROOT, 'questionnaires', 'profiles', 'gbt39117-2024-draft.yaml'), 'utf8')) as {
  domainWeights: Record<'discrete' | 'process', Record<string, number>>;
  weights: Record<'discrete' | 'process', Record<string, number>>;
};
const domains = model.factors.flatMap((f) => f.domains);
const domainOf = new Map(domains.flatMap((d) => d.subdomains.map((s) => [s.id, d.id] as const)));

interface Sub {
  id: string;
  weight: number;
  levelScores: (number | null)[];
  contributions: (number | null)[];
}
interface Score {
  scoring: { profile: string; model: string; draft: boolean; aggregation: string; title: { zh: string; en: string } };
  maturity: { level: number | null; score: number; levelScores: number[] };
  subdomains: Sub[];
  excluded: { id: string; reason: string }[];
}

const DRAFT = ['--profile', 'gbt39117-2024-draft'];
const example = (name: string) => path.join(EXAMPLES, `${name}.zhizao.yaml`);
function score(file: string): Score {
  const r = zhizao(['score', file, ...DRAFT, '--json']);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Score;
}

/** L_n recomputed by hand from the JSON: sub-domains → the draft's five domains (draft weights) → overall. */
function levelByHand(s: Score, industry: 'discrete' | 'process', n: number): number | null {
  let num = 0;
  let den = 0;
  for (const d of domains) {
    const subs = s.subdomains.filter((x) => domainOf.get(x.id) === d.id && x.levelScores[n] !== null);
    if (!subs.length) continue;
    const w = subs.reduce((a, x) => a + x.weight, 0);
    const value = subs.reduce((a, x) => a + x.weight * x.levelScores[n]!, 0) / w;
    num += profile.domainWeights[industry][d.id]! * value;
    den += profile.domainWeights[industry][d.id]!;
  }
  return den ? num / den : null;
}

describe('the 2024 revision draft as a bundled alternative model and profile', () => {
  const discrete = score(example('discrete-machinery'));
  const processPlant = score(example('process-food'));

  it('loads by id with --profile and says it is a draft', () => {
    for (const s of [discrete, processPlant]) {
      expect(s.scoring).toMatchObject({ profile: 'gbt39117-2024-draft', model: 'cmmm-2024-draft', draft: true, aggregation: 'tree' });
      expect(s.scoring.title.zh).toContain('草案');
      expect(s.scoring.title.en).toMatch(/draft/i);
      expect(s.maturity.level).not.toBeNull();
    }
    // every sub-domain scored is one of the draft's 25
    expect(domainOf.size).toBe(25);
    for (const x of [...discrete.subdomains, ...processPlant.subdomains]) expect(domainOf.has(x.id), x.id).toBe(true);
  }, 120_000);

  it('maps the current sub-domains onto the draft: quality becomes its own sub-domain, two service sub-domains become one', () => {
    const ids = discrete.subdomains.map((x) => x.id);
    expect(ids).toEqual(expect.arrayContaining(['equipment-and-lines', 'quality-management', 'operations-execution', 'energy-carbon', 'marketing', 'service', 'scheduling']));
    expect(ids).not.toContain('equipment'); // 2020 ids are gone
    // product design is a discrete-only sub-domain in the draft: the process plant leaves its questions out
    expect(processPlant.subdomains.map((x) => x.id)).not.toContain('product-design');
    expect(processPlant.excluded.filter((e) => e.id === 'product_design_level').map((e) => e.reason)).toEqual(['not-applicable']);
    // the draft's process-industry sub-domain weights, and equal weights for the discrete plant
    expect(processPlant.subdomains.find((x) => x.id === 'equipment-and-lines')!.weight).toBe(35);
    expect(processPlant.subdomains.find((x) => x.id === 'data')!.weight).toBe(17);
    expect(discrete.subdomains.find((x) => x.id === 'equipment-and-lines')!.weight).toBe(16.67);
  }, 120_000);

  it('aggregates along the draft domains with the draft domain weights (checked by hand from the JSON)', () => {
    for (const [s, industry] of [[discrete, 'discrete'], [processPlant, 'process']] as const) {
      for (let n = 0; n < 5; n++) {
        const hand = levelByHand(s, industry, n);
        if (hand === null) continue;
        expect(s.maturity.levelScores[n], `${industry} L${n + 1}`).toBeCloseTo(hand, 3);
        const contributions = s.subdomains.reduce((a, x) => a + (x.contributions[n] ?? 0), 0);
        expect(contributions, `${industry} contributions at L${n + 1}`).toBeCloseTo(s.maturity.levelScores[n]!, 3);
      }
    }
    // the draft weighs the domains differently from the 2020 tree: the same answers give other level scores
    const current = JSON.parse(zhizao(['score', example('process-food'), '--json']).stdout) as Score;
    expect(current.scoring.profile).toBe('gbt39117-2020-practice');
    expect(processPlant.maturity.levelScores).not.toEqual(current.maturity.levelScores);
  }, 120_000);

  it('every report that uses it says it is a draft: terminal, Markdown, HTML, DOCX and JSON', async () => {
    const dir = tempDir('zhizao-draft-');
    const terminal = zhizao(['score', example('discrete-machinery'), ...DRAFT, '--lang', 'zh']);
    expect(terminal.code, terminal.stderr).toBe(0);
    expect(terminal.stdout).toContain('修订草案');
    for (const lang of ['zh', 'en'] as const) {
      const md = zhizao(['report', example('discrete-machinery'), ...DRAFT, '--report-lang', lang]);
      expect(md.code, md.stderr).toBe(0);
      expect(md.stdout).toContain(lang === 'zh' ? '修订草案' : 'revision draft');
    }
    const html = path.join(dir, 'r.html');
    expect(zhizao(['report', example('discrete-machinery'), ...DRAFT, '--report-lang', 'zh', '-o', html]).code).toBe(0);
    expect(readFileSync(html, 'utf8')).toContain('修订草案');
    const docx = path.join(dir, 'r.docx');
    expect(zhizao(['report', example('discrete-machinery'), ...DRAFT, '--report-lang', 'en', '-o', docx]).code).toBe(0);
    const xml = await (await JSZip.loadAsync(readFileSync(docx))).file('word/document.xml')!.async('string');
    expect(xml).toContain('revision draft');
    const json = JSON.parse(zhizao(['report', example('process-food'), ...DRAFT, '--format', 'json']).stdout) as Score;
    expect(json.scoring).toMatchObject({ profile: 'gbt39117-2024-draft', draft: true });
  }, 120_000);

  it('rules and readiness criteria written for the 2020 sub-domains still apply under the draft (through its mapping)', () => {
    const ids = (profileId: string) => {
      const r = zhizao(['report', path.join(EXAMPLES, 'discrete-machinery.zhizao.yaml'), '--format', 'json', '--profile', profileId]);
      expect(r.code, r.stderr).toBe(0);
      const d = JSON.parse(r.stdout) as { recommendations: { id: string }[]; readiness: { criteria: { status: string }[] }[] };
      return { recs: d.recommendations.map((x) => x.id).sort(), assessable: d.readiness.flatMap((x) => x.criteria).filter((c) => c.status !== 'not-assessable').length };
    };
    const now = ids('gbt39117-2020-practice');
    const draft = ids('gbt39117-2024-draft');
    expect(draft.recs.length).toBeGreaterThan(0.8 * now.recs.length);
    expect(draft.assessable).toBe(now.assessable);
  });

  it('loads by path as well as by id', () => {
    const r = zhizao(['score', example('process-food'), '--profile', 'questionnaires/profiles/gbt39117-2024-draft.yaml', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as Score).maturity.score).toBe(processPlant.maturity.score);
  }, 120_000);
});
