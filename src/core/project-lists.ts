/**
 * What a project proposes to one plant — its measures, hardware, software, integration links and benefits — from
 * its variant, the sector pack's wording or its rule, with the office audience's view where an item reads a
 * confidential answer (recommend.ts). Pure.
 */
import type { Scope } from './expression/evaluate.js';
import { officeItems, shownItems, type CompiledItems, type CompiledTexts, type Proposals } from './items.js';
import type { OfficeView, Recommendation } from './recommendation.js';
import type { CompiledRule } from './rules-def.js';
import type { Text } from './types.js';

const joinBenefits = (sentences: Text[]): Text | null =>
  sentences.length === 1 ? sentences[0]! : sentences.length ? { zh: sentences.map((t) => t.zh).join(''), en: sentences.map((t) => t.en).join(' ') } : null;

/** What a project proposes; `title`, when its variant gives the title as alternatives (the one both reports read). */
export type Offer = Omit<OfficeView, 'evidence'> & { title?: Text };

/** No project proposed: what a title presumes before the plan's projects are known (an ifProposed one is not chosen). */
const NONE: Proposals = { all: new Set() };

/**
 * The title a variant's alternatives give the plant: the first whose condition holds and that the projects proposed
 * leave in (ifProposed, unlessProposed). Counted are the projects the office is shown too, so that the plant's and
 * the office's reports read one title (a withheld project would otherwise be told by it); before the projects are
 * known, none. The last alternative has no condition (rules-def.ts), so there is always one.
 */
const titleOf = (list: CompiledItems, scope: Scope, shown: Proposals | undefined): Text => shownItems(list, scope, shown ?? NONE, 1)[0]!;

/** A project's lists made again for the plant (its keys already in their order). */
export function setLists(rec: Recommendation, offer: Offer): void {
  if (offer.title) rec.title = offer.title;
  rec.measures = offer.measures;
  rec.hardware = offer.hardware;
  rec.software = offer.software;
  rec.integration = offer.integration;
  rec.benefits = offer.benefits;
}

/**
 * What a project proposes to this plant: each list from the variant, else the sector wording, else the rule, with
 * only the items whose condition holds (the sector wording's as the rule's), less those a project of `taken` takes
 * (`unlessProposed`); and, when an item's condition reads a confidential answer (what the list shows or leaves out
 * tells that answer), what the office audience is shown instead: the lists without such items. `defers`: some list
 * has items another project may take, so the lists are made again once the plan's projects are known. `planOnly`
 * (the batch's plan): the first measure shown only. `officeTaken`: the projects the office audience is shown (not withheld).
 */
export function proposed(
  rule: CompiledRule,
  variant: CompiledTexts | undefined,
  sector: CompiledTexts | undefined,
  scope: Scope,
  planOnly: boolean,
  taken?: Proposals,
  officeTaken?: Proposals,
): Offer & { office?: Offer; defers?: boolean } {
  const used = (key: 'measures' | 'hardware' | 'software' | 'integration' | 'benefits'): CompiledItems | undefined =>
    key === 'benefits' ? (variant?.benefits ?? sector?.benefits ?? rule.texts.benefits) : (variant?.[key] ?? sector?.[key] ?? rule.texts[key]);
  const lists = { measures: used('measures'), hardware: used('hardware'), software: used('software'), integration: used('integration'), benefits: used('benefits') };
  const deferring = Object.values(lists).some((list) => list?.defers);
  const titles = variant?.title;
  const title = titles ? { title: titleOf(titles, scope, officeTaken ?? taken) } : {};
  const defers = deferring || titles?.defers ? { defers: true } : {};
  // The batch's plan reads no list but whether the project has a measure left to take (so its first one is enough),
  // and has no office view: it is made again only when every measure could be another project's.
  if (planOnly) return { ...title, measures: lists.measures ? shownItems(lists.measures, scope, taken, 1) : [], hardware: [], software: [], integration: [], benefits: null, ...(lists.measures?.defers && !lists.measures.keeps ? { defers: true } : {}) };
  const offer = (items: typeof shownItems, t: Proposals | undefined): Offer => {
    const pick = (list: CompiledItems | undefined): Text[] => (list ? items(list, scope, t) : []);
    return { measures: pick(lists.measures), hardware: pick(lists.hardware), software: pick(lists.software), integration: pick(lists.integration), benefits: joinBenefits(pick(lists.benefits)) };
  };
  const plant = { ...title, ...offer(shownItems, taken) };
  // The office reads the lists as if no project it is not shown were proposed: a step left to a withheld project would
  // tell that project (and the confidential answers it rests on).
  const officeDiffers = Object.values(lists).some((list) => list?.confidential) || (deferring && officeTaken !== undefined);
  return officeDiffers ? { ...plant, office: offer(officeItems, officeTaken ?? taken), ...defers } : { ...plant, ...defers };
}
