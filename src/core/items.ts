/**
 * The items a project proposes — measures, hardware, software, integration links, benefit sentences — as the rules
 * (src/core/rules-def.ts) and the sector packs' wording of a rule (src/core/sector.ts) both write them: a text, or a
 * text with an `if` that decides for each plant whether it is shown. One definition for both (the schema's
 * zhizao:rules#/definitions/item, which the sector-pack schema refers to).
 */
import { evaluate, truthy, type Scope } from './expression/evaluate.js';
import { collectRefs, type Node } from './expression/parse.js';
import type { Text } from './types.js';

/**
 * A measure, piece of hardware or software, integration link or benefit sentence. With `if`, it is shown only when
 * that condition holds for the plant (the project proposes only what the plant has not got, in the words that fit it).
 */
export interface ItemDef extends Text {
  if?: string;
  /**
   * Left out when the plant's plan also proposes one of these projects (rule ids), whose own steps take this one:
   * a feeder check that the SMT MES project makes is not repeated by the line's data project.
   */
  unlessProposed?: string[];
  /**
   * Shown only when the plant's plan also proposes one of these projects (rule ids): the step in the words that
   * leave that project's part to it (the smart factory connects the MES the MES project builds, not a second one).
   */
  ifProposed?: string[];
  /**
   * unlessProposed and ifProposed count a project only when the plan places it in an earlier phase than this one's,
   * or the same one (the firewall the security project fits before the machines are connected).
   */
  earlierOnly?: boolean;
  /**
   * As earlierOnly, but only a phase before this one's counts, not the same one: the other side of a pair of items
   * worded with earlierOnly, so that when both projects fall in one phase exactly one of them buys the equipment.
   */
  beforeOnly?: boolean;
}

/**
 * What other projects the plan proposes: all of them; and, once phased, those in this project's phase or before
 * (`earlier`), and those in a phase before it (`before`).
 */
export interface Proposals {
  all: ReadonlySet<string>;
  earlier?: ReadonlySet<string>;
  before?: ReadonlySet<string>;
}

/**
 * A list of items with their conditions parsed; `plain` is the list itself when no item has a condition (nor an
 * `unlessProposed`).
 */
export interface CompiledItems {
  /**
   * `confidential`: the item's condition reads an answer the office never reads (whether it is shown tells that
   * answer). `officeBlank`: the free-text answers it reads, and none other of those: the office reads the item as if
   * they were unanswered (a list the plant wrote chooses the plant's items; the office gets the generic ones).
   */
  items: { text: Text; when?: Node; confidential?: boolean; officeBlank?: readonly string[]; unlessProposed?: readonly string[]; ifProposed?: readonly string[]; earlierOnly?: boolean; beforeOnly?: boolean }[];
  plain?: Text[];
  /** Some condition reads a confidential answer: what the list shows (or leaves out) tells that answer. */
  confidential: boolean;
  /** Some item depends on which other projects are proposed (`unlessProposed`, `ifProposed`). */
  defers?: boolean;
  /** Some item is shown to every plant whatever else is proposed (no `if`, no `unlessProposed`, no `ifProposed`). */
  keeps?: boolean;
}
/** The lists a rule, a variant or a sector pack's wording of a rule proposes (absent: not given there). */
export interface CompiledTexts {
  measures?: CompiledItems;
  hardware?: CompiledItems;
  software?: CompiledItems;
  integration?: CompiledItems;
  benefits?: CompiledItems;
  /** A variant's title given as alternatives (the first shown is the title: project-lists.ts titleOf). */
  title?: CompiledItems;
}
export const ITEM_LISTS = ['measures', 'hardware', 'software', 'integration', 'benefits'] as const;
export type ItemList = (typeof ITEM_LISTS)[number];

/**
 * The items of a list whose condition holds for the plant (the list itself when no item has a condition), without
 * those another project of `proposed` takes (`unlessProposed`) and those for a project `proposed` lacks
 * (`ifProposed`); all kept while what is proposed is not yet known. `upTo`: no more than that many (the first ones),
 * for a caller that asks only whether any is shown.
 */
export const shownItems = (list: CompiledItems, scope: Scope, proposed?: Proposals, upTo = Infinity): Text[] => {
  if (list.plain) return list.plain;
  // pushed, not filtered and map()ped: a project's lists keep one elements kind (see result.ts, `packed`)
  const out: Text[] = [];
  for (const x of list.items) {
    if (out.length >= upTo) break;
    if (!takenBy(x, proposed) && (!x.when || truthy(evaluate(x.when, scope)))) out.push(x.text);
  }
  return out;
};

/**
 * Whether another project's part leaves the item out: one of its unlessProposed projects is proposed, or none of
 * its ifProposed ones. With earlierOnly, only projects of this phase or before count (with beforeOnly, of a phase
 * before it); before the plan is phased, none does (the item in its own words is kept, its counterpart for an
 * earlier project not).
 */
function takenBy(x: CompiledItems['items'][number], proposed: Proposals | undefined): boolean {
  if (!proposed) return false;
  const ids = x.beforeOnly ? proposed.before : x.earlierOnly ? proposed.earlier : proposed.all;
  const has = (list: readonly string[]) => ids !== undefined && list.some((id) => ids.has(id));
  return Boolean((x.unlessProposed && has(x.unlessProposed)) || (x.ifProposed && !has(x.ifProposed)));
}

/**
 * The items the office audience is shown: those whose condition holds, without any whose condition reads a
 * confidential answer — left out whether or not it holds, so that what is missing tells nothing; one that reads only
 * free text is judged as if that text were not given (`officeBlank`), the same for every plant.
 */
export const officeItems = (list: CompiledItems, scope: Scope, proposed?: Proposals): Text[] =>
  list.plain ??
  list.items
    .filter((x) => (!x.confidential || x.officeBlank) && !takenBy(x, proposed) && (!x.when || truthy(evaluate(x.when, x.officeBlank ? blanked(scope, x.officeBlank) : scope))))
    .map((x) => x.text);

/** A scope in which the given answers read as not given. */
const blanked = (scope: Scope, ids: readonly string[]): Scope => ({ get: (name) => (ids.includes(name) ? null : scope.get(name)), functions: scope.functions });

/** Parses a condition found at a path of a definition, reporting its problems there; undefined when it does not parse. */
export type ConditionParser = (src: string, path: (string | number)[]) => Node | undefined;

/**
 * The item lists an owner gives (a rule, a variant, a sector pack's wording of a rule), each item's `if` parsed by
 * `parse` at its path under `path`: undefined when a condition does not parse. A list is `confidential` when a
 * condition reads one of `confidentialQuestions`.
 */
export function compileTexts(
  /** (a `title` is compiled only when given as a list of alternatives: a variant's) */
  owner: Partial<Record<ItemList | 'title', Text | readonly ItemDef[]>>,
  path: (string | number)[],
  parse: ConditionParser,
  confidentialQuestions?: ReadonlySet<string>,
  /** Of those, the free-text answers, read by the office as not given (an item reading them by name only). */
  freeTextQuestions?: ReadonlySet<string>,
): CompiledTexts | undefined {
  const out: CompiledTexts = {};
  let ok = true;
  for (const key of Array.isArray(owner.title) ? [...ITEM_LISTS, 'title' as const] : ITEM_LISTS) {
    const given = owner[key];
    if (given === undefined) continue;
    const list: readonly ItemDef[] = isItemList(given) ? given : [given];
    const items: CompiledItems['items'] = [];
    let confidential = false;
    list.forEach((item, j) => {
      const text: Text = { zh: item.zh, en: item.en };
      const unless = {
        ...(item.unlessProposed?.length ? { unlessProposed: item.unlessProposed } : {}),
        ...(item.ifProposed?.length ? { ifProposed: item.ifProposed } : {}),
        ...(item.earlierOnly ? { earlierOnly: true } : {}),
        ...(item.beforeOnly ? { beforeOnly: true } : {}),
      };
      if (item.if === undefined) {
        items.push({ text, ...unless });
        return;
      }
      const node = parse(item.if, isItemList(given) ? [...path, key, j, 'if'] : [...path, key, 'if']);
      if (!node) {
        ok = false;
        return;
      }
      const secret = Boolean(confidentialQuestions && readsAny(node, confidentialQuestions));
      if (secret) confidential = true;
      const blank = secret && freeTextQuestions ? freeTextOnly(node, confidentialQuestions!, freeTextQuestions) : undefined;
      items.push({ text, when: node, ...(secret ? { confidential: true } : {}), ...(blank ? { officeBlank: blank } : {}), ...unless });
    });
    const defers = items.some((x) => x.unlessProposed || x.ifProposed);
    const keeps = items.some((x) => !x.when && !x.unlessProposed && !x.ifProposed);
    out[key] = { items, ...(items.every((x) => !x.when && !x.unlessProposed && !x.ifProposed) ? { plain: items.map((x) => x.text) } : {}), confidential, ...(defers ? { defers } : {}), ...(keeps ? { keeps } : {}) };
  }
  return ok ? out : undefined;
}

const isItemList = (given: Text | readonly ItemDef[]): given is readonly ItemDef[] => Array.isArray(given);

/** The free-text answers a condition reads by name, when those are all it reads of the unseen ones (none through a call). */
function freeTextOnly(node: Node, unseen: ReadonlySet<string>, freeText: ReadonlySet<string>): string[] | undefined {
  const refs = collectRefs(node);
  if (refs.calls.some((c) => c.args[0]?.t === 'lit' && typeof c.args[0].v === 'string' && unseen.has(c.args[0].v))) return undefined;
  const read = [...new Set(refs.ids.map((i) => i.name).filter((n) => unseen.has(n)))];
  return read.length && read.every((n) => freeText.has(n)) ? read : undefined;
}

/** Whether a condition reads any of the given questions. */
export function readsAny(node: Node, questions: ReadonlySet<string>): boolean {
  const refs = collectRefs(node);
  return refs.ids.some((i) => questions.has(i.name)) || refs.calls.some((c) => c.args[0]?.t === 'lit' && typeof c.args[0].v === 'string' && questions.has(c.args[0].v));
}
