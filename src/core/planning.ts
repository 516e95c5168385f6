/**
 * The facts a retrofit plan is sized by: the plant's size class and its investment envelope. Pure; the thresholds
 * and bands are data (the `planning` block of a rules file), with the defaults below for a rules file without one.
 */
import type { Answers } from './answers.js';
import type { PlantSize } from './sector.js';
import type { Text } from './types.js';

export interface PlanningDef {
  horizonMonths?: number;
  sizes?: {
    smallBelow: { employees?: number; equipment?: number };
    largeFrom: { employees?: number; equipment?: number };
    /** Staff each sector-pack investment multiplier stands for: a plant between two is estimated between them. */
    anchors?: { small: number; medium: number; large: number };
    note?: Text;
  };
  /**
   * The budget question and its options as an envelope over the horizon, 万元 (null: not decided); `amount`: the
   * question for the figure the plant gave (万元), which, when answered, is the ceiling in place of its band's.
   */
  budget?: { question: string; bands: Record<string, { min: number; max?: number } | null>; amount?: string };
  /** Projects a plant of each size can run in each phase (0–6, 6–18, 18–36 months). */
  capacity?: Record<PlantSize, [number, number, number]>;
  /** The share of the envelope spent by the end of each phase at most, cumulative (the last 1): spending spread over the phases. */
  budgetByPhase?: [number, number, number];
  /**
   * The efforts at which a project settling a legal duty the answers show not met always fits: it goes into the
   * earliest phase its prerequisites and the budget allow even when that phase's places are taken (it still takes
   * one); empty: such a project waits for a phase with room like any other.
   */
  dutyFixAlwaysFits?: ('low' | 'medium' | 'high')[];
  priority?: { servesBonus?: number; emphasiseBonus?: number; mustBonus?: number; nextLevelBonus?: number };
  /**
   * When the plant's goals include a recognition (智能车间, 智能工厂…), in the plant's own words as well as the chosen
   * `declaration` goal: an expression (rules-def.ts compiles it). The plan then says how it stands against the
   * declaration criteria.
   */
  declarationWhen?: string;
  /**
   * The questions that hold the plant's own words and choices: its goals for the retrofits (free text, where the
   * plan reads its deadlines and figures), its biggest bottleneck (free text) and the goals it chose (options).
   */
  ownWords?: { goals: string; bottleneck: string; priorities: string };
  /**
   * What a plant may ask for in its own words that no project of these rules answers (capacity expansion…): when
   * `when` (an expression, compiled by rules-def.ts) holds, the plant's own report says `text`, so that its plan is
   * not silent on it.
   */
  outOfScope?: { id: string; when: string; text: Text }[];
}

export type ResolvedPlanning = Required<Omit<PlanningDef, 'priority' | 'sizes' | 'budget' | 'declarationWhen' | 'outOfScope'>> & {
  sizes: NonNullable<PlanningDef['sizes']>;
  budget: NonNullable<PlanningDef['budget']>;
  priority: Required<NonNullable<PlanningDef['priority']>>;
};

/** Used when a rules file has no `planning` block (the bundled rules state theirs). */
export const DEFAULT_PLANNING: ResolvedPlanning = {
  horizonMonths: 36,
  sizes: { smallBelow: { employees: 300, equipment: 60 }, largeFrom: { employees: 1000, equipment: 500 }, anchors: { small: 50, medium: 300, large: 1000 } },
  budget: {
    question: 'retrofit_budget_band',
    bands: { not_decided: null, under_1m: { min: 0, max: 100 }, from_1m_to_5m: { min: 100, max: 500 }, from_5m_to_20m: { min: 500, max: 2000 }, over_20m: { min: 2000 } },
  },
  capacity: { small: [2, 2, 3], medium: [3, 4, 5], large: [4, 6, 8] },
  budgetByPhase: [0.35, 0.7, 1],
  dutyFixAlwaysFits: ['low'],
  priority: { servesBonus: 10, emphasiseBonus: 8, mustBonus: 12, nextLevelBonus: 10 },
  ownWords: { goals: 'digital_goals', bottleneck: 'main_bottleneck', priorities: 'priorities' },
};

export function resolvePlanning(def: PlanningDef | undefined): ResolvedPlanning {
  return {
    horizonMonths: def?.horizonMonths ?? DEFAULT_PLANNING.horizonMonths,
    sizes: def?.sizes ?? DEFAULT_PLANNING.sizes,
    budget: def?.budget ?? DEFAULT_PLANNING.budget,
    capacity: def?.capacity ?? DEFAULT_PLANNING.capacity,
    budgetByPhase: def?.budgetByPhase ?? DEFAULT_PLANNING.budgetByPhase,
    dutyFixAlwaysFits: def?.dutyFixAlwaysFits ?? DEFAULT_PLANNING.dutyFixAlwaysFits,
    priority: { ...DEFAULT_PLANNING.priority, ...def?.priority },
    ownWords: def?.ownWords ?? DEFAULT_PLANNING.ownWords,
  };
}

const numberAnswer = (answers: Answers, id: string): number | null => {
  const r = answers.resolved.get(id);
  return r?.status === 'answered' && typeof r.value === 'number' ? r.value : null;
};

export interface PlantSizeFact {
  size: PlantSize;
  /** What decided it: staff, equipment count, 规上 status, or nothing known (medium assumed). */
  basis: 'employees' | 'equipment' | 'above-designated-size' | 'assumed';
  employees: number | null;
  equipment: number | null;
}

/**
 * The plant's size class: by staff (employees_total) when known, else by equipment count (equipment_total); a
 * plant below designated size (规下) with neither is small; otherwise medium is assumed (and the report says so).
 */
export function plantSizeOf(answers: Answers, planning: ResolvedPlanning): PlantSizeFact {
  const employees = numberAnswer(answers, 'employees_total');
  const equipment = numberAnswer(answers, 'equipment_total');
  const { smallBelow, largeFrom } = planning.sizes;
  const classify = (v: number, small: number | undefined, large: number | undefined): PlantSize =>
    small !== undefined && v < small ? 'small' : large !== undefined && v >= large ? 'large' : 'medium';
  if (employees !== null) return { size: classify(employees, smallBelow.employees, largeFrom.employees), basis: 'employees', employees, equipment };
  if (equipment !== null) return { size: classify(equipment, smallBelow.equipment, largeFrom.equipment), basis: 'equipment', employees, equipment };
  if (answers.file.respondent.above_designated_size === false) return { size: 'small', basis: 'above-designated-size', employees, equipment };
  return { size: 'medium', basis: 'assumed', employees, equipment };
}

export interface BudgetFact {
  /** The option chosen (e.g. under_1m), or null when the question is unanswered or answered "don't know". */
  band: string | null;
  /** The envelope over the horizon in 万元; null when not decided, unknown or unanswered. */
  envelope: { min: number; max?: number } | null;
  /** How the budget question was answered: with an option (not_decided among them), "don't know", or not at all. */
  answer: 'given' | 'unknown' | 'unanswered';
  /** The figure the plant gave (万元), when it gave one with a band: the envelope's ceiling. */
  amount?: number;
  /**
   * The figure lies outside the band chosen (3,000 万元 with "under 1 million"): one of the two answers is wrong, and
   * until it is checked the plan takes the lower of the figure and the band's top as its ceiling.
   */
  amountOutsideBand?: true;
}

export function budgetOf(answers: Answers, planning: ResolvedPlanning): BudgetFact {
  const r = answers.resolved.get(planning.budget.question);
  const band = r?.status === 'answered' && typeof r.value === 'string' ? r.value : null;
  const envelope = band === null ? null : (planning.budget.bands[band] ?? null);
  const answer = band !== null ? 'given' : r?.status === 'unknown' ? 'unknown' : 'unanswered';
  // the plant's own figure ("约 60 万元") is its ceiling, when it chose a band with an envelope
  const a = planning.budget.amount !== undefined && envelope ? answers.resolved.get(planning.budget.amount) : undefined;
  const amount = a?.status === 'answered' && typeof a.value === 'number' && a.value > 0 ? a.value : undefined;
  if (amount === undefined) return { band, envelope, answer };
  const outside = amount < envelope!.min || (envelope!.max !== undefined && amount > envelope!.max);
  if (!outside) return { band, envelope: { min: 0, max: amount }, answer, amount };
  return { band, envelope: { min: 0, max: Math.min(amount, envelope!.max ?? amount) }, answer, amount, amountOutsideBand: true };
}

/**
 * The multiplier of a sector pack's investment figures (given for a medium plant) for this plant. Below the medium
 * plant's staff, by staff between the small plant's and the medium's, on a power law (straight on logarithms of
 * staff and multiplier: 150 staff, between the small plant's 50 at 0.3 and the medium's 300 at 1, is 0.63), so that
 * one more employee never changes the estimate by a step; at or below the small plant's, the small multiplier. From
 * the medium plant's staff on, the size class's own (the large figure stands for "over 1,000", not a point to
 * interpolate to). Without a staff count (or without anchors) the size class's own. Rounded to two decimals: the
 * estimate is a range, not a quote.
 */
export function investmentScaleOf(table: Readonly<Record<PlantSize, number>>, size: PlantSizeFact, anchors: ResolvedPlanning['sizes']['anchors']): { scale: number; between?: readonly [PlantSize, PlantSize] } {
  const n = size.employees;
  const own = { scale: table[size.size] };
  if (!anchors || size.basis !== 'employees' || n === null || n >= anchors.medium || !(table.small > 0) || !(table.medium > 0)) return own;
  if (n <= anchors.small) return { scale: table.small };
  const t = Math.log(n / anchors.small) / Math.log(anchors.medium / anchors.small);
  return { scale: Math.round(Math.exp(Math.log(table.small) + t * Math.log(table.medium / table.small)) * 100) / 100, between: ['small', 'medium'] };
}
