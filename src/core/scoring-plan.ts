/**
 * A scoring plan: everything about scoring that depends only on the questionnaire, the scoring profile and the
 * industry type, compiled once and reused for every plant (batch scores thousands with one plan). Scoring a plant is
 * then a few linear passes over typed arrays (src/core/scoring.ts).
 */
import { isScoredQuestion, questionIds } from './answers.js';
import type { Profile } from './profile.js';
import type { Questionnaire } from './questionnaire.js';
import type { Industry, Question, Text } from './types.js';

export const LEVELS = 5;

/** How one scored question evidences maturity. */
export interface PlanItem {
  question: Question;
  /** The question's index in the questionnaire (its slot in a plant's answer and visibility maps). */
  index: number;
  /** The questions its `when` reads (whenRefs), as [id, index] pairs: a question they hide is known when they are given. */
  whenRefs: readonly (readonly [string, number])[];
  /** Index into plan.subdomains; -1 when the question is left out for the whole industry type. */
  sub: number;
  section: number;
  kind: 'level' | 'requirement' | 'boolean';
  /** The requirement's level (1–5); 0 for level questions. */
  level: number;
  /** Level questions: option value → level 0–5. */
  optionLevel?: ReadonlyMap<string, number>;
  /** Why the question never counts for this industry type, when it does not. */
  staticExclusion?: 'not-in-model' | 'not-applicable';
  /** The model sub-domain it evidences (also for excluded ones). */
  subdomain: string;
}

/**
 * The aggregation tree in post-order: each node's children come before it. Leaves are sub-domains; `flat` is a
 * root whose children are all the leaves.
 */
export interface PlanTree {
  /** For each node: its children's node indices. */
  children: Int32Array[];
  /** For each node: its weight within its parent. */
  weight: Float64Array;
  /** For each node: the sub-domain index for a leaf, -1 for an inner node. */
  leafOf: Int32Array;
  /** For each sub-domain: its leaf node. */
  nodeOfSub: Int32Array;
  /** For each node: its parent (-1 for the root). */
  parent: Int32Array;
  root: number;
}

export interface ScoringPlan {
  /** The questionnaire it is compiled for. */
  questionnaire: Questionnaire;
  industry: Industry;
  profile: Profile;
  /** The model's applicable sub-domains with a positive weight, in model order. */
  subdomains: { id: string; name: Text; weight: number }[];
  subIndex: ReadonlyMap<string, number>;
  sections: { id: string; title: Text }[];
  items: PlanItem[];
  /** The questionnaire's id table (answers.ts questionIds): a plant's maps over it are read by index. */
  ids: readonly string[];
  tree: PlanTree;
  /** Satisfaction scores: requirement answer → score. */
  satisfaction: Readonly<Record<string, number>>;
  full: number;
  none: number;
}

const cache = new WeakMap<Questionnaire, WeakMap<Profile, Map<Industry, ScoringPlan>>>();

/** The plan for a questionnaire × profile × industry type, compiled on first use and cached. */
export function scoringPlan(q: Questionnaire, profile: Profile, industry: Industry): ScoringPlan {
  let byProfile = cache.get(q);
  if (!byProfile) cache.set(q, (byProfile = new WeakMap()));
  let byIndustry = byProfile.get(profile);
  if (!byIndustry) byProfile.set(profile, (byIndustry = new Map()));
  let plan = byIndustry.get(industry);
  if (!plan) byIndustry.set(industry, (plan = compilePlan(q, profile, industry)));
  return plan;
}

function compilePlan(q: Questionnaire, profile: Profile, industry: Industry): ScoringPlan {
  const model = profile.model;
  const subdomains: ScoringPlan['subdomains'] = [];
  const subIndex = new Map<string, number>();
  for (const s of model.subdomains) {
    const w = profile.weight(industry, s.id);
    if (!profile.applicable(industry, s.id) || w <= 0) continue;
    subIndex.set(s.id, subdomains.length);
    subdomains.push({ id: s.id, name: s.name, weight: w });
  }
  const sectionIndex = new Map(q.def.sections.map((s, i) => [s.id, i]));
  const items: PlanItem[] = [];
  const idIndex = new Map(q.questions.map((question, i) => [question.id, i]));
  for (const [index, question] of q.questions.entries()) {
    if (!isScoredQuestion(question)) continue;
    const subdomain = profile.subdomainOf(question.id, question.subdomain!);
    const sub = subIndex.get(subdomain) ?? -1;
    const item: PlanItem = {
      question,
      index,
      whenRefs: (q.whenRefs.get(question.id) ?? []).map((ref) => [ref, idIndex.get(ref) ?? -1] as const),
      sub,
      section: sectionIndex.get(q.sectionOf.get(question.id)!)!,
      kind: question.type === 'level' ? 'level' : question.type === 'requirement' ? 'requirement' : 'boolean',
      level: question.type === 'level' ? 0 : (question.level ?? 1),
      subdomain,
    };
    if (question.type === 'level') item.optionLevel = new Map((question.options ?? []).map((o) => [o.value, o.level ?? 0]));
    if (sub < 0) item.staticExclusion = model.subdomainIds.has(subdomain) ? 'not-applicable' : 'not-in-model';
    items.push(item);
  }
  const sat = profile.def.satisfaction;
  return {
    questionnaire: q,
    industry,
    profile,
    subdomains,
    subIndex,
    sections: q.def.sections.map((s) => ({ id: s.id, title: s.title })),
    items,
    ids: questionIds(q),
    tree: compileTree(profile, industry, subIndex),
    satisfaction: { full: sat.full, mostly: sat.mostly, partial: sat.partial, none: sat.none },
    full: sat.full,
    none: sat.none,
  };
}

/** The aggregation tree over the applicable sub-domains: the model's tree (pruned), or a flat one. */
function compileTree(profile: Profile, industry: Industry, subIndex: ReadonlyMap<string, number>): PlanTree {
  const children: Int32Array[] = [];
  const weight: number[] = [];
  const leafOf: number[] = [];
  const parent: number[] = [];
  const nodeOfSub = new Int32Array(subIndex.size).fill(-1);
  const add = (w: number, leaf: number, kids: number[]) => {
    const i = children.length;
    children.push(Int32Array.from(kids));
    weight.push(w);
    leafOf.push(leaf);
    parent.push(-1);
    for (const k of kids) parent[k] = i;
    if (leaf >= 0) nodeOfSub[leaf] = i;
    return i;
  };
  const leafNode = (id: string) => {
    const s = subIndex.get(id)!;
    return add(profile.weight(industry, id), s, []);
  };
  let root: number;
  if (profile.aggregation === 'flat') {
    root = add(1, -1, [...subIndex.keys()].map(leafNode));
  } else {
    type N = (typeof profile.model.tree)[number];
    const build = (n: N): number | undefined => {
      if (n.tier === 'subdomain') return subIndex.has(n.id) ? leafNode(n.id) : undefined;
      const kids = n.children.map(build).filter((k): k is number => k !== undefined);
      const w = profile.nodeWeight(industry, n.tier, n.id);
      return kids.length && w > 0 ? add(w, -1, kids) : undefined;
    };
    const tops = profile.model.tree.map(build).filter((k): k is number => k !== undefined);
    root = add(1, -1, tops);
  }
  return { children, weight: Float64Array.from(weight), leafOf: Int32Array.from(leafOf), nodeOfSub, parent: Int32Array.from(parent), root };
}
