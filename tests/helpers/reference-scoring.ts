/**
 * A plain reference implementation of the maturity method, written from docs/scoring.md without the compiled plan's
 * typed arrays and incremental sums: the differential tests hold the product's scorer to it.
 */
import type { Answers } from '../../src/core/answers';
import type { Profile } from '../../src/core/profile';
import type { Questionnaire } from '../../src/core/questionnaire';
import type { TreeNode } from '../../src/core/model';

export interface ReferenceResult {
  levelScores: number[];
  score: number;
  level: number;
  subdomains: Record<string, (number | null)[]>;
}

export function referenceScore(q: Questionnaire, answers: Answers, profile: Profile): ReferenceResult {
  const industry = answers.file.respondent.industry;
  const sat = profile.def.satisfaction as Record<string, number>;
  const req: Record<string, number[][]> = {};
  const self: Record<string, number[][]> = {};
  const bucket = (m: Record<string, number[][]>, s: string) => (m[s] ??= [[], [], [], [], []]);
  for (const question of q.questions) {
    const scored = question.type === 'level' || question.type === 'requirement' || (question.type === 'boolean' && question.level !== undefined);
    if (!scored) continue;
    const sub = profile.subdomainOf(question.id, question.subdomain!);
    if (!profile.model.subdomainIds.has(sub) || !profile.applicable(industry, sub) || profile.weight(industry, sub) <= 0) continue;
    const vis = answers.visibility.get(question.id) ?? 'visible';
    const r = answers.resolved.get(question.id);
    if (vis === 'not-asked' || vis === 'not-in-mode' || vis === 'tailored' || vis === 'na' || r?.status === 'na') continue;
    const given = vis === 'visible' && r?.status === 'answered';
    if (question.type === 'level') {
      const k = given ? (question.options!.find((o) => o.value === r!.value)?.level ?? 0) : 0;
      for (let n = 1; n <= 5; n++) bucket(self, sub)[n - 1]!.push(k >= n ? sat.full! : sat.none!);
    } else {
      let v = sat.none!;
      if (given && question.type === 'requirement') v = sat[String(r!.value)] ?? sat.none!;
      if (given && question.type === 'boolean') v = r!.value === true ? sat.full! : sat.none!;
      bucket(req, sub)[question.level! - 1]!.push(v);
    }
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const subScore = (s: string, n: number): number | null => {
    const r = req[s]?.[n - 1] ?? [];
    const f = self[s]?.[n - 1] ?? [];
    if (profile.selfRating === 'average') return r.length + f.length ? mean([...r, ...f]) : null;
    if (r.length) return mean(r);
    return f.length ? mean(f) : null;
  };
  const subs = [...new Set([...Object.keys(req), ...Object.keys(self)])];
  const subdomains: Record<string, (number | null)[]> = {};
  for (const s of subs) subdomains[s] = [1, 2, 3, 4, 5].map((n) => subScore(s, n));

  const node = (t: TreeNode, n: number): number | null => {
    if (t.tier === 'subdomain') return subdomains[t.id]?.[n - 1] ?? null;
    let num = 0;
    let den = 0;
    for (const c of t.children) {
      const v = node(c, n);
      if (v === null) continue;
      const w = c.tier === 'subdomain' ? profile.weight(industry, c.id) : profile.nodeWeight(industry, c.tier, c.id);
      num += w * v;
      den += w;
    }
    return den > 0 ? num / den : null;
  };
  const raw = [1, 2, 3, 4, 5].map((n) => {
    if (profile.aggregation === 'flat') {
      let num = 0;
      let den = 0;
      for (const s of subs) {
        const v = subdomains[s]![n - 1];
        if (v === null || v === undefined) continue;
        num += profile.weight(industry, s) * v;
        den += profile.weight(industry, s);
      }
      return den > 0 ? num / den : null;
    }
    return node({ tier: 'factor', id: '(root)', name: { zh: '', en: '' }, children: profile.model.tree }, n);
  });
  // A level without requirements counts as passed below the highest evidenced level, 0 above it.
  const levelScores = raw.map((x, i) => (x !== null ? x : raw.slice(i + 1).some((y) => y !== null) ? 1 : 0));
  let score = 0;
  for (const l of levelScores) {
    const rounded = Math.round(l * 1e9) / 1e9;
    score += rounded;
    if (rounded < profile.def.passThreshold) break;
  }
  score = Math.round(score * 1e9) / 1e9;
  let level = 0;
  for (const b of profile.def.bands) if (score >= b.min) level = b.level;
  return { levelScores, score, level, subdomains };
}
