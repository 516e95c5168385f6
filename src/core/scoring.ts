import type { Answers, Visibility } from './answers.js';
import type { Profile } from './profile.js';
import type { Questionnaire } from './questionnaire.js';
import { isScoredQuestion } from './answers.js';
import type { Industry, Question, Text } from './types.js';

export type ExclusionReason = 'n/a' | 'industry' | 'since' | 'not-applicable' | 'not-in-model';
export interface Exclusion {
  id: string;
  reason: ExclusionReason;
  subdomain?: string;
}

/** One requirement (real or synthetic from a level answer) with its satisfaction score. */
interface Requirement {
  question: string;
  subdomain: string;
  level: number;
  score: number;
}

export interface LevelRun {
  levelScores: number[];
  score: number;
  level: number;
  /** The first level whose score fell below the pass threshold (null when all passed). */
  heldAt: number | null;
}

export interface SubdomainResult extends LevelRun {
  id: string;
  name: Text;
  weight: number;
  /** Its share of each L_n: weight × sub-domain score at n ÷ total weight at n. */
  contributions: (number | null)[];
}
export interface SectionResult extends LevelRun {
  id: string;
  title: Text;
}
export interface MaturityResult {
  maturity: LevelRun & { name: Text; meaning: Text };
  subdomains: SubdomainResult[];
  sections: SectionResult[];
  excluded: Exclusion[];
  tier: { id: string; name: Text; indicative: true } | null;
}

const round9 = (x: number) => Math.round(x * 1e9) / 1e9;

/** Requirements evidenced by one question's answer (level answers become one requirement per level 1–5). */
function requirementsOf(q: Question, subdomain: string, answers: Answers, visibility: Visibility, profile: Profile): Requirement[] {
  const r = answers.resolved.get(q.id);
  const answered = visibility === 'visible' && r?.status === 'answered';
  const sat = profile.def.satisfaction;
  if (q.type === 'level') {
    const k = answered ? ((q.options ?? []).find((o) => o.value === r!.value)?.level ?? 0) : 0;
    return [1, 2, 3, 4, 5].map((n) => ({ question: q.id, subdomain, level: n, score: answered && k >= n ? sat.full : sat.none }));
  }
  let score = sat.none;
  if (answered && q.type === 'requirement') score = sat[r!.value as keyof typeof sat] ?? sat.none;
  if (answered && q.type === 'boolean') score = r!.value === true ? sat.full : sat.none;
  return [{ question: q.id, subdomain, level: q.level ?? 1, score }];
}

/** Accumulate level scores into S with the pass-threshold rule, and map S to a level by the bands. */
export function accumulate(levelScores: number[], profile: Profile): LevelRun {
  const { passThreshold, accumulation, bands } = profile.def;
  let score = 0;
  let heldAt: number | null = null;
  for (let i = 0; i < levelScores.length; i++) {
    const l = round9(levelScores[i]!);
    const passed = l >= passThreshold;
    if (passed || accumulation === 'stop-after-first-below') score += l;
    if (!passed) {
      heldAt = i + 1;
      break;
    }
  }
  score = round9(score);
  return { levelScores, score, level: levelFor(score, bands), heldAt };
}

export function levelFor(score: number, bands: { level: number; min: number }[]): number {
  let level = 0;
  for (const b of bands) if (score >= b.min) level = b.level;
  return level;
}

/**
 * A level without any requirement (some sub-domains start at level 2) cannot be failed: it counts as passed (1)
 * when a higher level has requirements, and as 0 above the highest evidenced level.
 */
export function fillUnevidenced(scores: (number | null)[]): number[] {
  return scores.map((x, i) => (x !== null ? x : scores.slice(i + 1).some((y) => y !== null) ? 1 : 0));
}

/** Weighted mean per level over sub-domains that have requirements at that level. */
function levelScoresOf(reqs: Requirement[], weight: (s: string) => number): { scores: number[]; perSubdomain: Map<string, (number | null)[]> } {
  const perSubdomain = new Map<string, (number | null)[]>();
  const bySub = new Map<string, Requirement[]>();
  for (const r of reqs) bySub.set(r.subdomain, [...(bySub.get(r.subdomain) ?? []), r]);
  for (const [s, rs] of bySub) {
    perSubdomain.set(
      s,
      [1, 2, 3, 4, 5].map((n) => {
        const at = rs.filter((r) => r.level === n);
        return at.length ? at.reduce((a, r) => a + r.score, 0) / at.length : null;
      }),
    );
  }
  const scores = [0, 1, 2, 3, 4].map((i) => {
    let num = 0;
    let den = 0;
    for (const [s, v] of perSubdomain) {
      const x = v[i];
      if (x === null || x === undefined) continue;
      num += weight(s) * x;
      den += weight(s);
    }
    return den > 0 ? num / den : null;
  });
  return { scores: fillUnevidenced(scores), perSubdomain };
}

/** The maturity method of product.md §5 over one plant's answers. Pure. */
export function scoreMaturity(q: Questionnaire, answers: Answers, profile: Profile): MaturityResult {
  const industry: Industry = answers.file.respondent.industry;
  const excluded: Exclusion[] = [];
  const reqs: Requirement[] = [];
  const sectionReqs = new Map<string, Requirement[]>();
  const excludedSubdomains = new Set<string>();
  for (const question of q.questions) {
    if (!isScoredQuestion(question)) continue;
    const subdomain = profile.def.mapping?.[question.id] ?? question.subdomain!;
    const visibility = answers.visibility.get(question.id) ?? 'visible';
    if (visibility === 'not-asked') excluded.push({ id: question.id, reason: 'since', subdomain });
    else if (visibility === 'tailored') excluded.push({ id: question.id, reason: 'industry', subdomain });
    else if (visibility === 'na') excluded.push({ id: question.id, reason: 'n/a', subdomain });
    else if (answers.resolved.get(question.id)?.status === 'na') excluded.push({ id: question.id, reason: 'n/a', subdomain });
    else if (!profile.model.subdomainIds.has(subdomain)) excluded.push({ id: question.id, reason: 'not-in-model', subdomain });
    else if (!profile.applicable(industry, subdomain) || profile.weight(industry, subdomain) <= 0) {
      excludedSubdomains.add(subdomain);
      excluded.push({ id: question.id, reason: 'not-applicable', subdomain });
    } else {
      const rs = requirementsOf(question, subdomain, answers, visibility, profile);
      reqs.push(...rs);
      const sec = q.sectionOf.get(question.id)!;
      sectionReqs.set(sec, [...(sectionReqs.get(sec) ?? []), ...rs]);
    }
  }
  const weight = (s: string) => profile.weight(industry, s);
  const overall = levelScoresOf(reqs, weight);
  const run = accumulate(overall.scores, profile);
  const model = profile.model;

  const subdomains: SubdomainResult[] = [];
  for (const info of model.subdomains) {
    const perLevel = overall.perSubdomain.get(info.id);
    if (!perLevel) continue;
    const w = weight(info.id);
    const contributions = perLevel.map((x, i) => {
      if (x === null) return null;
      let den = 0;
      for (const v of overall.perSubdomain.entries()) if (v[1][i] !== null) den += weight(v[0]);
      return den > 0 ? (w * x) / den : 0;
    });
    const own = accumulate(fillUnevidenced(perLevel), profile);
    subdomains.push({ id: info.id, name: info.name, weight: w, contributions, ...own });
  }

  const sections: SectionResult[] = q.def.sections.map((s) => {
    const rs = sectionReqs.get(s.id) ?? [];
    return { id: s.id, title: s.title, ...accumulate(levelScoresOf(rs, weight).scores, profile) };
  });

  const tiers = [...profile.def.tiers].sort((a, b) => a.minLevel - b.minLevel);
  const reached = tiers.filter((t) => run.level >= t.minLevel && run.level > 0).pop();
  return {
    maturity: { ...run, name: model.levelName(run.level), meaning: model.levelMeaning(run.level) },
    subdomains,
    sections,
    excluded,
    tier: reached ? { id: reached.id, name: reached.name, indicative: true } : null,
  };
}
