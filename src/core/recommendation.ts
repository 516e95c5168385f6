/** A recommended project as the plan, the reports and the batch see it (types only; made by src/core/recommend.ts). */
import { byId } from './ids.js';
import type { Effort, Priority } from './rules-def.js';
import type { Phase, RetrofitLevel, Text } from './types.js';

export type PlanPhase = Phase | 'later';

/** Why a project waits beyond the horizon. */
export interface LaterReason {
  /**
   * budget: beyond the envelope; phase-budget: within it, but beyond every phase's share it could go in (spending
   * spread over the phases); included: part of a project of the plan period that contains it (not listed apart).
   */
  code: 'budget' | 'phase-budget' | 'capacity' | 'waits' | 'blocked' | 'included';
  /** The project (waits, included) or the duty (blocked) it waits for or is part of. */
  about?: string;
}

export interface EvidenceItem {
  question: string;
  /** The answer as given (option value, number, yes/no); null when the statement rests on an n/a or unknown. */
  answer: unknown;
  statement: Text;
  /** Rests on a confidential answer: the office audience does not see the statement. */
  confidential?: true;
}

/**
 * What the office audience is shown of a project that is not confidential itself but whose evidence or items partly
 * rest on confidential answers: the statements and items that do not (those that do are left out whether or not
 * they hold for the plant, so that the gaps tell nothing).
 */
export interface OfficeView {
  evidence: EvidenceItem[];
  measures: Text[];
  hardware: Text[];
  software: Text[];
  integration: Text[];
  benefits: Text | null;
}

export interface Recommendation {
  id: string;
  title: Text;
  /** The statements of `evidence`, joined: every sentence is true of the plant's answers. */
  rationale: Text;
  retrofitLevel: RetrofitLevel;
  programme: string;
  projectType: string;
  phase: PlanPhase;
  laterReason?: LaterReason;
  /**
   * Placed in a later phase than its prerequisites and duties allow, and why: the earlier phases' budget shares
   * (phase-budget) or the number of projects the plant can run at once (capacity).
   */
  phaseReason?: {
    code: 'phase-budget' | 'capacity';
    /** phase-budget: the phase whose share it would pass, what would then be spent by its end and the share (万元, midpoints). */
    share?: { phase: Phase; spent: number; limit: number };
    /**
     * A project of an earlier phase it could trade places with, every phase's share still kept: one not taken first
     * for a lead or a legal duty, nothing of the plan waiting for it, the lowest in rank and priority.
     */
    swap?: string;
  };
  priority: number;
  /** The parts of the priority, so that a reader can recompute it. */
  priorityParts: { gap: number; kpi: number; ease: number; serves: number; emphasis: number; duty: number; nextLevel: number };
  /** The plant's stated priorities this project serves. */
  servesPriorities: Priority[];
  /** The plant asked for it in its own words (its rule's askedWhen holds): placed with the projects answering its goals. */
  asked?: boolean;
  /** The variant chosen (the plant already has part of what the rule proposes). */
  variant?: string;
  /** The sector pack whose wording replaced the generic text. */
  sectorWording?: string;
  measures: Text[];
  hardware: Text[];
  software: Text[];
  integration: Text[];
  /** 万元, scaled to the plant's size (unless the rule is `light` or the project's scope is fixed). */
  investment: { min: number; max: number } | null;
  /** The project's scope is fixed (one welding cell): its investment is not scaled with the plant's size. */
  fixedScope?: true;
  benefits: Text | null;
  kpis: string[];
  effort: Effort | null;
  prerequisites: string[];
  addresses: string[];
  indicators: string[];
  support: string[];
  /** 'rules' for matched rules, 'consultant' for items added by overrides. */
  source: 'rules' | 'consultant';
  /**
   * The project itself rests on confidential information (its rule is marked confidential, or which variant it is
   * tells a confidential answer): kept out of the office audience's report.
   */
  confidential: boolean;
  /** The office audience's view, when some of its evidence or items rest on confidential answers (see OfficeView). */
  officeView?: OfficeView;
  /** The statements the rationale is made of, each tied to the answer that makes it true. */
  evidence: EvidenceItem[];
  overridden?: { phase?: { from: PlanPhase; to: PlanPhase } };
}

/** A project held back by the plant's budget (the envelope, or its shares by phase): the budget is confidential to the office. */
export const heldByBudget = (reason: LaterReason | undefined): boolean => reason?.code === 'budget' || reason?.code === 'phase-budget';

/** A project's investment as the plan counts it against the budget: the midpoint of its range (万元), 0 without one. */
export const investmentMidpoint = (r: Recommendation): number => (r.investment ? (r.investment.min + r.investment.max) / 2 : 0);

/**
 * Projects of the same rank, in the order the plan takes them: the higher priority, then — priorities stop at 100, so
 * ties are common — the cheaper, then the id. The phasing's order (roadmap.ts) and a goal's project (plan-anchors.ts).
 */
export const byPriorityThenCost = (a: Recommendation, b: Recommendation): number => b.priority - a.priority || investmentMidpoint(a) - investmentMidpoint(b) || byId(a.id, b.id);
