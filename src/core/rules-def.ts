import type { MessageCode } from '../messages/catalogue.js';
import { diag, type Diagnostic } from './diagnostics.js';
import { checkExpression, type ExpressionContext } from './expression/check.js';
import { freeTextQuestions, officeUnseenQuestions, parkRuleContext, plantRuleContext, type RuleContextIds } from './rule-context.js';
import { collectRefs, type Node } from './expression/parse.js';
import { compileTexts, ITEM_LISTS, readsAny, type CompiledTexts, type ItemDef, type ItemList } from './items.js';
import type { Source } from './source.js';
import type { RetrofitLevel, Text } from './types.js';
import type { KpiId } from './targets.js';
import type { PlanningDef } from './planning.js';

export type Effort = 'low' | 'medium' | 'high';
/** The plant's stated priorities (the `priorities` question) a rule can serve. */
export const PRIORITIES = ['delivery', 'quality', 'cost', 'labour', 'energy', 'traceability', 'safety', 'declaration'] as const;
export type Priority = (typeof PRIORITIES)[number];

/** A statement a rule may make about the plant, and the condition under which it is true of the answers. */
export interface EvidenceDef {
  /** The condition (over answers, facts, levels, indicators) that makes the statement true. */
  if: string;
  /** The answer the statement rests on (shown with it; its confidentiality carries over to the statement). */
  question: string;
  statement: Text;
  /** Shown with the other statements that hold, but not enough on its own to propose the project (what is not known). */
  supporting?: boolean;
}

/** A version of a rule for a plant that already has part of what it proposes ("extend", "deepen"). */
export interface VariantDef {
  id: string;
  when: string;
  /**
   * One title, or alternatives: the first shown to the plant (its `if` holds; `ifProposed`, `unlessProposed` as an
   * item's, counting the projects both the plant's and the office's reports show) is the title. The last has no
   * condition, and none reads a confidential answer: both reports read the one title.
   */
  title?: Text | ItemDef[];
  measures?: ItemDef[];
  hardware?: ItemDef[];
  software?: ItemDef[];
  integration?: ItemDef[];
  investment?: { min: number; max: number };
  /** The version's scope is fixed (one welding cell): its investment is not scaled with the plant's size (the rule's `fixedScope`, for this version). */
  fixedScope?: boolean;
  /** One text, or sentences each shown when its `if` holds (joined in order). */
  benefits?: Text | ItemDef[];
  effort?: Effort;
  evidence?: EvidenceDef[];
  /**
   * The projects this version waits for, when fewer than the rule's (a plant that already has part of the project:
   * extending an MES in use does not wait for the machines to be networked); each one of the rule's prerequisites.
   */
  prerequisites?: string[];
  /**
   * What completing this version changes in the answers, instead of the rule's `raises` (a version that does less:
   * a pilot on one line, codes without the robots); `{}` raises nothing.
   */
  raises?: Record<string, string | number | boolean>;
}

export interface RuleDef {
  id: string;
  title: Text;
  /** When the rule is a candidate at all (answers, facts, sector, industry, levels, indicators). */
  when: string;
  /** The rule's target is already in place: it never fires. */
  inPlace?: string;
  /** The statements the rationale is made of; the rule fires only when at least one holds. */
  evidence?: EvidenceDef[];
  variants?: VariantDef[];
  /** What completing the project changes in the answers (for the projected level after each phase). */
  raises?: Record<string, string | number | boolean>;
  /** GB/T 4754 code prefixes the rule is limited to, or never offered in. */
  sectors?: { only?: string[]; never?: string[] };
  /** The plant priorities the project serves. */
  serves?: Priority[];
  addresses: string[];
  indicators?: string[];
  retrofitLevel: RetrofitLevel;
  programme: string;
  projectType: 'industry-leading' | 'integration' | 'single-application';
  measures: ItemDef[];
  hardware?: ItemDef[];
  software?: ItemDef[];
  integration?: ItemDef[];
  investment: { min: number; max: number };
  /** One text, or sentences each shown when its `if` holds (joined in order). */
  benefits: Text | ItemDef[];
  kpis?: KpiId[];
  effort: Effort;
  prerequisites?: string[];
  /**
   * Projects whose scope this one contains (a smart-factory project contains the APS, logistics and data projects it
   * describes): while it is in the plan period they are not offered beside it, so that nothing is counted twice.
   */
  includes?: string[];
  /**
   * Written rules and registers the plant's own staff draw up (data rules, a system list): the project takes no place
   * in a phase's capacity, which counts the projects a plant can run at once; its cost still counts against the budget.
   */
  light?: boolean;
  /**
   * The project's scope is fixed whatever the plant's size (one welding robot cell, one pilot line): its investment is
   * what that scope costs anywhere, not scaled with the plant's size by the sector pack's `investmentScale`. A
   * variant's own `fixedScope` decides for that version.
   */
  fixedScope?: boolean;
  /**
   * Placed before the projects taken by priority, in the first phase with room (the plant's own plan, which the
   * other projects follow): whatever its priority, it is not left for the last phase or beyond the budget.
   */
  placeFirst?: boolean;
  /**
   * A condition: when it holds for the plant, the project is placed as a `placeFirst` one (after those): an exposure
   * the answers show, which the other projects would widen (an unsegmented control network with machines on it).
   */
  firstWhen?: string;
  /**
   * A condition: when it holds, the plant asked for this project in its own words (its goals or bottleneck name it,
   * `text_has(digital_goals, '码垛')`): the project is placed with those answering the plant's goals (roadmap.ts).
   */
  askedWhen?: string;
  support?: string[];
  /** Rests on confidential information (e.g. security weaknesses): never in the office audience's report. */
  confidential?: boolean;
  /** Park rules only (evaluated over a group of companies): why, in words. */
  rationale?: Text;
}
export interface RulesDef {
  kind: 'rules';
  id: string;
  version?: string;
  title: Text;
  /** How the plan is phased (size classes, budget envelope, capacity, priority bonuses); defaults when absent. */
  planning?: PlanningDef;
  /** Named plant conditions, used in a plant rule's conditions as holds('id') (expression/check.ts). */
  conditions?: { id: string; when: string; note?: string }[];
  rules: RuleDef[];
}
export interface CompiledEvidence {
  def: EvidenceDef;
  when: Node;
  /** The question ids of the statement's {question_id} slots (found once, at load; filled per plant). */
  slots: string[];
  /** Rests on a confidential question, or its condition reads one: the office audience never sees the statement. */
  confidential: boolean;
}
export interface CompiledVariant {
  def: VariantDef;
  when: Node;
  /** Its condition reads a confidential answer: which variant a plant gets tells that answer. */
  confidential: boolean;
  evidence: CompiledEvidence[];
  texts: CompiledTexts;
  /** Its own `raises`, when it has them (the rule's otherwise: raisingOf). */
  raises?: CompiledRaise[];
}
/** One answer a completed project changes; a value given as an expression (a string starting with "="), parsed. */
export interface CompiledRaise {
  question: string;
  value: string | number | boolean | Node;
}
/** What a completed project changes in the answers: its rule's, or its version's own. */
export interface Raising {
  raises: readonly CompiledRaise[];
}
/** The raises of a project made by `rule` in the version `variantId` (the version's own when it has them). */
export function raisingOf(rule: CompiledRule, variantId: string | undefined): Raising {
  if (variantId === undefined) return rule;
  const v = rule.variants.find((x) => x.def.id === variantId);
  return v?.raises ? { raises: v.raises } : rule;
}
export interface CompiledRule {
  def: RuleDef;
  when: Node;
  inPlace?: Node;
  firstWhen?: Node;
  askedWhen?: Node;
  evidence: CompiledEvidence[];
  variants: CompiledVariant[];
  texts: CompiledTexts;
  /**
   * The project is confidential for every plant: its rule is marked `confidential: true`, or its condition, in-place
   * test, firstWhen or askedWhen reads a confidential answer (whether a plant gets the project, or when, tells that answer).
   * The office audience never sees it.
   */
  confidential: boolean;
  /**
   * Its condition, in-place test, firstWhen or askedWhen that read a confidential answer (a rule not marked
   * confidential itself): for one plant they tell nothing when its other answers decide them (recommend.ts).
   */
  secretConditions: Node[];
  /** Raises whose value is an expression (a string starting with "="), parsed. */
  raises: CompiledRaise[];
}
/** A rule placed before the others where it applies (placeFirst, firstWhen), as the report's phasing rule names it. */
export interface LeadRule {
  title: Text;
  confidential: boolean;
}
export interface RuleSet {
  def: RulesDef;
  rules: CompiledRule[];
  byId: ReadonlyMap<string, CompiledRule>;
  /** The rules placed first, placeFirst ones before firstWhen ones, in file order. */
  leads: LeadRule[];
  /** planning.declarationWhen, parsed: the plant's goals include a recognition. */
  declarationWhen?: Node;
  /** planning.outOfScope, each `when` parsed: what the plant may ask for that no project answers. */
  outOfScope: OutOfScopeNote[];
  /**
   * What a condition can be decided on without telling a confidential answer: a part that reads none (the
   * questionnaire's confidential questions; every part, when it has none). A condition judged in three values with it
   * (kleene.ts) and found true or false is decided by answers the office may read.
   */
  open: { known(node: Node): boolean };
}

export interface OutOfScopeNote {
  id: string;
  when: Node;
  text: Text;
  /** Its condition reads a confidential answer: never said where that answer may not be told. */
  confidential: boolean;
}

/**
 * Semantic checks after the schema has passed: ids, every condition (when, inPlace, evidence, variants, raises)
 * parsing and naming only known ids, evidence resting on a question its condition reads, prerequisites that exist
 * and form no cycle, programmes and support schemes of the policy, sensible investment ranges.
 */
export function compileRules(source: Source, ids: RuleContextIds): { rules?: RuleSet; diagnostics: Diagnostic[] } {
  const def = source.data as RulesDef;
  const ds: Diagnostic[] = [];
  const at = (path: (string | number)[], code: MessageCode, args: Record<string, string | number> = {}, severity: 'error' | 'warning' = 'error') =>
    ds.push(diag(code, source.file, source.locate(path), args, severity, path));
  // questionIds may be a one-shot iterator (a Map's keys): read it once.
  const questions = new Set(ids.questionIds);
  const park = parkRuleContext(ids);
  // what the office never reads: a statement resting on it, or an item chosen by it, is the plant's own
  const unseen = officeUnseenQuestions(ids);
  const freeText = freeTextQuestions(ids);
  const rules: CompiledRule[] = [];
  const byId = new Map<string, CompiledRule>();
  const ruleIds = new Set(def.rules.map((r) => r.id));
  const parse = (src: string, path: (string | number)[], ctx: ExpressionContext): Node | undefined => {
    const checked = checkExpression(src, ctx);
    if (checked.ok) return checked.ast;
    checked.problems.forEach((p) => at(path, p.code, { ...p.args, offset: p.offset + 1 }));
    return undefined;
  };
  // the named conditions first, in order: each may use those before it
  const conditions = new Map<string, Node>();
  const plant: ExpressionContext = { ...plantRuleContext({ ...ids, questionIds: questions }), conditions };
  (def.conditions ?? []).forEach((c, i) => {
    if (conditions.has(c.id)) return at(['conditions', i, 'id'], 'def.duplicate-id', { id: c.id, what: 'condition' });
    const node = parse(c.when, ['conditions', i, 'when'], plant);
    if (node) conditions.set(c.id, node);
  });
  const evidenceOf = (list: EvidenceDef[] | undefined, path: (string | number)[]): CompiledEvidence[] | undefined => {
    const out: CompiledEvidence[] = [];
    let ok = true;
    (list ?? []).forEach((e, j) => {
      const node = parse(e.if, [...path, j, 'if'], plant);
      if (!questions.has(e.question)) {
        at([...path, j, 'question'], 'def.unknown-ref', { what: 'question', id: e.question });
        ok = false;
      } else if (node && !readsQuestion(node, e.question)) {
        at([...path, j, 'question'], 'rules.evidence-question', { id: e.question, expr: e.if });
        ok = false;
      }
      // {question_id} in a statement shows that answer (checked here, filled per plant). The office report leaves out
      // a statement resting on a confidential question; a statement that shows a confidential answer must rest on a
      // confidential question too, or the office would read that answer.
      const slots = new Set<string>();
      const confidential = ids.confidentialQuestions;
      for (const lang of ['zh', 'en'] as const)
        for (const m of (e.statement[lang] ?? '').matchAll(/\{(\w+)\}/g))
          if (!questions.has(m[1]!)) {
            at([...path, j, 'statement', lang], 'def.unknown-ref', { what: 'question', id: m[1]! });
            ok = false;
          } else if (confidential?.has(m[1]!) && !confidential.has(e.question)) {
            at([...path, j, 'statement', lang], 'rules.slot-confidential', { id: m[1]!, question: e.question });
            ok = false;
          } else slots.add(m[1]!);
      // A statement resting on an answer the office never reads (confidential, or free text: the plant's goals in its
      // own words) is the plant's own; so is one whose condition reads a confidential answer (it tells that answer).
      if (node) out.push({ def: e, when: node, slots: [...slots], confidential: unseen.has(e.question) || Boolean(confidential && readsAny(node, confidential)) });
      else ok = false;
    });
    return ok ? out : undefined;
  };
  // Measures, hardware, software, integration and benefits: each item's `if` parsed in the rule's context. A park
  // rule's items are shown to a group of companies, so their conditions read the group (its own context).
  // An item chosen by a confidential answer, or by the plant's free text (its key processes, goals, bottleneck), is
  // left out of what the office reads: which items a list shows tells that answer.
  const textsOf = (owner: Partial<Record<ItemList | 'title', Text | ItemDef[]>>, path: (string | number)[], ctx: ExpressionContext): CompiledTexts | undefined =>
    compileTexts(owner, path, (src, at) => parse(src, at, ctx), unseen, freeText);
  // A variant's title given as alternatives: the last is every other plant's, so it has no condition; and the title
  // is the office's too, so none is chosen by a confidential answer (free text may choose one, as it may the variant).
  const titlesChecked = (v: VariantDef, texts: CompiledTexts | undefined, path: (string | number)[]): boolean => {
    if (!Array.isArray(v.title) || !texts?.title) return true;
    let ok = true;
    const last = v.title.length - 1;
    const item = v.title[last]!;
    if (item.if !== undefined || item.ifProposed?.length || item.unlessProposed?.length) {
      at([...path, 'title', last], 'rules.title-fallback', { id: v.id });
      ok = false;
    }
    const secret = ids.confidentialQuestions;
    texts.title.items.forEach((x, k) => {
      if (secret && x.when && readsAny(x.when, secret)) {
        at([...path, 'title', k, 'if'], 'rules.title-confidential', { id: v.id });
        ok = false;
      }
    });
    return ok;
  };
  // What a completed project changes: each question known, a value starting with "=" an expression of the plant.
  const raisesOf = (given: Record<string, string | number | boolean>, path: (string | number)[]): CompiledRaise[] => {
    const out: CompiledRaise[] = [];
    for (const [question, value] of Object.entries(given)) {
      if (!questions.has(question)) at([...path, question], 'def.unknown-ref', { what: 'question', id: question });
      else if (typeof value === 'string' && value.startsWith('=')) {
        const node = parse(value.slice(1), [...path, question], plant);
        if (node) out.push({ question, value: node });
      } else out.push({ question, value });
    }
    return out;
  };
  def.rules.forEach((r, i) => {
    const path = ['rules', i];
    if (byId.has(r.id)) at([...path, 'id'], 'def.duplicate-id', { id: r.id, what: 'rule' });
    const isPark = r.retrofitLevel === 'park';
    const when = parse(r.when, [...path, 'when'], isPark ? park : plant);
    const inPlace = r.inPlace === undefined ? undefined : parse(r.inPlace, [...path, 'inPlace'], plant);
    const firstWhen = r.firstWhen === undefined ? undefined : parse(r.firstWhen, [...path, 'firstWhen'], plant);
    const askedWhen = r.askedWhen === undefined ? undefined : parse(r.askedWhen, [...path, 'askedWhen'], plant);
    // A rule of an older file with a written rationale and no evidence still loads (warned): its rationale is shown as written.
    if (!isPark && !(r.evidence ?? []).length) at([...path, 'evidence'], 'rules.evidence-required', { id: r.id }, r.rationale ? 'warning' : 'error');
    const evidence = evidenceOf(r.evidence, [...path, 'evidence']);
    const texts = textsOf(r, path, isPark ? park : plant);
    const variants: CompiledVariant[] = [];
    (r.variants ?? []).forEach((v, j) => {
      const vw = parse(v.when, [...path, 'variants', j, 'when'], plant);
      const ve = evidenceOf(v.evidence, [...path, 'variants', j, 'evidence']);
      const vt = textsOf(v, [...path, 'variants', j], plant);
      const titled = titlesChecked(v, vt, [...path, 'variants', j]);
      if (v.investment && v.investment.min > v.investment.max) at([...path, 'variants', j, 'investment'], 'def.investment-range', v.investment);
      (v.prerequisites ?? []).forEach((s, k) => !(r.prerequisites ?? []).includes(s) && at([...path, 'variants', j, 'prerequisites', k], 'rules.variant-prerequisite', { id: s, rule: r.id }));
      const vr = v.raises === undefined ? undefined : raisesOf(v.raises, [...path, 'variants', j, 'raises']);
      if (vw && ve && vt && titled) variants.push({ def: v, when: vw, confidential: Boolean(ids.confidentialQuestions && readsAny(vw, ids.confidentialQuestions)), evidence: ve, texts: vt, ...(vr ? { raises: vr } : {}) });
    });
    const raises = raisesOf(r.raises ?? {}, [...path, 'raises']);
    r.addresses.forEach((s, j) => !ids.subdomains.has(s) && at([...path, 'addresses', j], 'def.unknown-ref', { what: 'sub-domain', id: s }));
    (r.indicators ?? []).forEach((s, j) => !ids.indicators.has(s) && at([...path, 'indicators', j], 'def.unknown-ref', { what: 'indicator', id: s }));
    (r.prerequisites ?? []).forEach((s, j) => !ruleIds.has(s) && at([...path, 'prerequisites', j], 'def.unknown-ref', { what: 'rule', id: s }));
    // an item another project takes, or one worded for another project, names a project of these rules, not its own
    for (const [owner, at0] of [[r, path], ...(r.variants ?? []).map((v, j) => [v, [...path, 'variants', j]] as const)] as const) {
      for (const key of [...ITEM_LISTS, 'title' as const]) {
        const list = (owner as Partial<Record<ItemList | 'title', Text | ItemDef[]>>)[key];
        if (!Array.isArray(list)) continue;
        list.forEach((item, k) => {
          for (const field of ['unlessProposed', 'ifProposed'] as const)
            (item[field] ?? []).forEach((s, m) => (!ruleIds.has(s) || s === r.id) && at([...at0, key, k, field, m], s === r.id ? 'rules.proposed-self' : 'def.unknown-ref', { what: 'rule', id: s, rule: r.id }));
        });
      }
    }
    (r.includes ?? []).forEach((s, j) => {
      if (!ruleIds.has(s)) at([...path, 'includes', j], 'def.unknown-ref', { what: 'rule', id: s });
      // what a project waits for is done before it, not inside it
      else if (s === r.id || (r.prerequisites ?? []).includes(s)) at([...path, 'includes', j], 'rules.includes-prerequisite', { id: s, rule: r.id });
    });
    if (ids.programmes && !ids.programmes.has(r.programme)) at([...path, 'programme'], 'def.unknown-ref', { what: 'programme', id: r.programme });
    else if (!isPark && ids.userProgrammes?.get(r.programme) === false)
      at([...path, 'programme'], 'rules.not-user-programme', { id: r.id, programme: r.programme, known: [...ids.userProgrammes].filter(([, u]) => u).map(([k]) => k).join(', ') });
    (r.support ?? []).forEach((s, j) => ids.support && !ids.support.has(s) && at([...path, 'support', j], 'def.unknown-ref', { what: 'support scheme', id: s }));
    if (r.investment.min > r.investment.max) at([...path, 'investment'], 'def.investment-range', r.investment);
    const ok = when && (r.inPlace === undefined || inPlace) && (r.firstWhen === undefined || firstWhen) && (r.askedWhen === undefined || askedWhen) && evidence && texts && variants.length === (r.variants ?? []).length;
    if (ok && !byId.has(r.id)) {
      const secret = ids.confidentialQuestions;
      // (firstWhen and askedWhen too: which phase a project lands in would tell the answer)
      const secretConditions: Node[] = [];
      if (secret && !r.confidential) for (const node of [when, inPlace, firstWhen, askedWhen]) if (node && readsAny(node, secret)) secretConditions.push(node);
      const confidential = (r.confidential ?? false) || secretConditions.length > 0;
      const c: CompiledRule = { def: r, when, ...(inPlace ? { inPlace } : {}), ...(firstWhen ? { firstWhen } : {}), ...(askedWhen ? { askedWhen } : {}), evidence, variants, texts, confidential, secretConditions, raises };
      rules.push(c);
      byId.set(r.id, c);
    }
  });
  const declarationWhen = def.planning?.declarationWhen === undefined ? undefined : parse(def.planning.declarationWhen, ['planning', 'declarationWhen'], plant);
  const outOfScope: OutOfScopeNote[] = [];
  const secret = ids.confidentialQuestions;
  (def.planning?.outOfScope ?? []).forEach((n, i) => {
    const when = parse(n.when, ['planning', 'outOfScope', i, 'when'], plant);
    if (when) outOfScope.push({ id: n.id, when, text: n.text, confidential: Boolean(secret && readsAny(when, secret)) });
  });
  const own = def.planning?.ownWords;
  // goals and bottleneck are free text (deadlines and figures are read in them), priorities the goals chosen from options
  if (own)
    for (const [key, type] of [['goals', 'text'], ['bottleneck', 'text'], ['priorities', 'multi']] as const) {
      const found = ids.questionTypes?.get(own[key]);
      if (!questions.has(own[key])) at(['planning', 'ownWords', key], 'def.unknown-ref', { what: 'question', id: own[key] });
      else if (found !== undefined && found !== type) at(['planning', 'ownWords', key], 'rules.own-words-type', { id: own[key], type: found, expected: type });
    }
  // the budget figure is a number question the questionnaire has
  const amount = def.planning?.budget?.amount;
  if (amount !== undefined) {
    const found = ids.questionTypes?.get(amount);
    if (!questions.has(amount)) at(['planning', 'budget', 'amount'], 'def.unknown-ref', { what: 'question', id: amount });
    else if (found !== undefined && found !== 'number') at(['planning', 'budget', 'amount'], 'rules.budget-amount-type', { id: amount, type: found });
  }
  const shares = def.planning?.budgetByPhase;
  if (shares && (shares[0] > shares[1] || shares[1] > shares[2] || shares[2] !== 1)) at(['planning', 'budgetByPhase'], 'rules.budget-by-phase', { shares: `[${shares.join(', ')}]` });
  const cycle = findCycle(def.rules);
  if (cycle) {
    const i = def.rules.findIndex((r) => r.id === cycle[0]);
    at(['rules', i, 'prerequisites'], 'def.cycle', { cycle: cycle.join(' → ') });
  }
  return ds.some((d) => d.severity === 'error') ? { diagnostics: ds } : { rules: { def, rules, byId, leads: leadRules(rules), ...(declarationWhen ? { declarationWhen } : {}), outOfScope, open: openParts(ids.confidentialQuestions) }, diagnostics: ds };
}

/** Whether a condition reads a question (as a variable, or by name in answered('…'), level_of('…'), …). */
function readsQuestion(node: Node, question: string): boolean {
  const refs = collectRefs(node);
  return refs.ids.some((i) => i.name === question) || refs.calls.some((c) => c.args[0]?.t === 'lit' && c.args[0].v === question);
}

/** The first prerequisite cycle found, as a list of rule ids ending where it started. */
export function findCycle(rules: readonly Pick<RuleDef, 'id' | 'prerequisites'>[]): string[] | undefined {
  const pre = new Map(rules.map((r) => [r.id, r.prerequisites ?? []]));
  const state = new Map<string, 1 | 2>();
  const stack: string[] = [];
  const visit = (id: string): string[] | undefined => {
    if (state.get(id) === 2) return undefined;
    if (state.get(id) === 1) return [...stack.slice(stack.indexOf(id)), id];
    state.set(id, 1);
    stack.push(id);
    for (const p of pre.get(id) ?? []) {
      const c = visit(p);
      if (c) return c;
    }
    stack.pop();
    state.set(id, 2);
    return undefined;
  };
  for (const r of rules) {
    const c = visit(r.id);
    if (c) return c;
  }
  return undefined;
}

function leadRules(rules: readonly CompiledRule[]): LeadRule[] {
  const lead = (r: CompiledRule): LeadRule => ({ title: r.def.title, confidential: r.confidential });
  return [...rules.filter((r) => r.def.placeFirst).map(lead), ...rules.filter((r) => !r.def.placeFirst && r.firstWhen).map(lead)];
}

/** The parts of a condition that read no confidential answer (RuleSet.open). */
function openParts(secret: ReadonlySet<string> | undefined): RuleSet['open'] {
  if (!secret?.size) return { known: () => true };
  return { known: (node) => !readsAny(node, secret) };
}
