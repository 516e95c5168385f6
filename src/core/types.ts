/** Plain data types shared by the core. Everything here is serialisable. */
import type { Lang, Text } from '../messages/catalogue.js';
export type { Lang, Text };

/** A bilingual text object (as opposed to a plain string from an answer file). */
export const isText = (v: unknown): v is Text => typeof v === 'object' && v !== null && typeof (v as Text).zh === 'string' && typeof (v as Text).en === 'string';
import type { Industry, RetrofitStatus } from './vocabulary.js';
export { INDUSTRIES, type Industry, type RetrofitStatus } from './vocabulary.js';

export type InterviewMode = 'express' | 'full';
export const INTERVIEW_MODES: readonly InterviewMode[] = ['express', 'full'];

export type QuestionType = 'level' | 'requirement' | 'single' | 'multi' | 'number' | 'percent' | 'boolean' | 'text';

export interface Option {
  value: string;
  label: Text;
  description?: Text;
  level?: number;
}

export interface Question {
  id: string;
  type: QuestionType;
  text: Text;
  help: Text;
  subdomain?: string;
  level?: number;
  allowNA?: boolean;
  since?: string;
  industries?: Industry[];
  when?: string;
  /** When this holds, the question does not apply (n/a, left out of the denominator) — e.g. no continuous process. */
  naWhen?: string;
  options?: Option[];
  exclusive?: string[];
  min?: number;
  max?: number;
  integer?: boolean;
  unit?: Text;
  /**
   * Other units a plant may give the figure in (a number question with a `unit`): the interview offers them after the
   * figure, the question's own unit first; a unit other than the question's own is stored in the answer file's
   * `kpis.units` (its Chinese form, as a file written by hand names it).
   */
  unitChoices?: UnitChoice[];
  maxLength?: number;
  /** Interview modes that ask this question (express: self-ratings and key facts; full: the diagnosis day). */
  modes?: InterviewMode[];
  /** What evidence to look for (documents, system demonstration, site observation, interview). */
  evidence?: Text;
  /** Values outside are a warning ("please check"); min/max stay the hard bounds. */
  plausible?: { min?: number; max?: number };
  /** The office audience never sees this answer, nor any text derived from it. */
  confidential?: boolean;
  /**
   * Answered only when the plant has something to say (a budget figure it gave): left unanswered, it counts in no
   * completeness and is not listed as unanswered.
   */
  optional?: boolean;
  variants?: Partial<Record<Industry, { text?: Text; help?: Text }>>;
  /**
   * How a report states the plant's answer where it gives it as a fact (a declaration criterion not met), instead of
   * quoting the question: a yes/no question's two statements ("未使用制造执行系统（MES）"), with what a criterion asking
   * for one of them says it needs (`needs`: "在用"); any other question's label, said before its answer
   * ("已联网并采集数据的数字化设备：0 台（套）").
   */
  statement?: Text | BooleanStatement;
}

/** A yes/no question's answer as a statement (`Question.statement`). */
export interface BooleanStatement {
  yes: Text;
  no: Text;
  /** What a criterion asking for that answer needs, said after the other ("（条件要求在用）"); else the statement itself. */
  needs?: { yes?: Text; no?: Text };
}

/** A unit a number question's figure may be given in besides its own (`unitChoices`), with what it is for. */
export interface UnitChoice {
  unit: Text;
  description?: Text;
}

export interface Section {
  id: string;
  title: Text;
  description?: Text;
  questions: Question[];
}

export interface Check {
  id: string;
  expr: string;
  message: Text;
}

/**
 * `ratio`: a per-company figure (a fraction; the regional value is the mean over companies); `share`: one company's
 * contribution (1 or 0) to a regional share of companies, which one company cannot meet on its own; `flag`: a
 * yes/no fact; `number`: any other figure.
 */
export type IndicatorKind = 'ratio' | 'share' | 'flag' | 'number';
export interface IndicatorDef {
  id: string;
  kind: IndicatorKind;
  /** Answers shown with the value (e.g. the list of key processes a CNC rate was computed from). */
  context?: string[];
  formula: string;
  title: Text;
  /** The title a plant of this industry type reads in its own report (regional figures keep `title`). */
  titleByIndustry?: Partial<Record<Industry, Text>>;
  /** Other names a plant may write for it in its own goals, besides its titles. */
  aliases?: string[];
  basis?: Text;
  definition?: Text;
  source?: string;
  flags?: Record<string, string>;
  /** The companies a regional figure is taken over (the official definition): 规上 or all; default all. */
  regionalPopulation?: 'above-designated-size' | 'all';
}

export interface QuestionnaireDef {
  kind: 'questionnaire';
  id: string;
  version: string;
  title: Text;
  description?: Text;
  sections: Section[];
  checks?: Check[];
  indicators?: IndicatorDef[];
  /** Words that suggest a note is not for the client: a client-visible note containing one gets a warning. */
  internalNoteMarkers?: string[];
}

export interface Respondent {
  company: string;
  credit_code?: string;
  site?: string;
  industry: Industry;
  sector?: string;
  district?: string;
  park?: string;
  region?: string;
  above_designated_size?: boolean;
  enterprise_class?: 'A' | 'B' | 'C' | 'D';
  retrofit_status?: { status: RetrofitStatus; year?: number };
  assessor?: string;
  interviewees?: string[];
  date?: string;
}

export type AnswerValue = string | number | boolean | (string | number)[] | null;
/**
 * A note: text, or {text, internal} (internal: never in a report); `internal_text` is an internal part kept beside
 * a client-visible text (a merge of a client-visible and an internal note keeps each where it belongs).
 */
export type Note = string | { text: string; internal?: boolean; internal_text?: string };

/**
 * A note's text and whether it is internal; undefined for an empty note, and for a value that is not a note (notes
 * are also read from files whose shape failed elsewhere). The internal part is not included.
 */
export function noteText(n: Note | null | undefined): { text: string; internal: boolean } | undefined {
  if (typeof n === 'string') return n.trim() ? { text: n, internal: false } : undefined;
  if (typeof n !== 'object' || n === null || typeof n.text !== 'string') return undefined;
  return n.text.trim() ? { text: n.text, internal: Boolean(n.internal) } : undefined;
}

/** Whether a note keeps anything from the client: marked internal, or with an internal part beside its text. */
export function hasInternalPart(n: Note | null | undefined): boolean {
  return typeof n === 'object' && n !== null && (n.internal === true || (typeof n.internal_text === 'string' && n.internal_text.trim() !== ''));
}

/** How an answer was verified: a document, a system demonstration, a site observation or an interview. */
export type EvidenceType = 'document' | 'demo' | 'observation' | 'interview';
export const EVIDENCE_TYPES: readonly EvidenceType[] = ['document', 'demo', 'observation', 'interview'];
/** An evidence record: its type and an optional reference (a file, photo or document name or number — never contents). */
export interface EvidenceRecord {
  type: EvidenceType;
  ref?: string;
}
export type Evidence = EvidenceRecord;

export interface Overrides {
  summary?: string;
  expert_opinion?: string;
  recommendations?: {
    drop?: string[];
    phase?: Record<string, Phase>;
    add?: { title: string; rationale?: string; retrofitLevel?: RetrofitLevel; phase?: Phase; priority?: number; measures?: string[] }[];
  };
}

export interface AnswerFile {
  questionnaire: string;
  version?: string;
  respondent: Respondent;
  answers?: Record<string, AnswerValue> | null;
  notes?: Record<string, Note | null> | null;
  /** Evidence per question id, beside the notes. */
  evidence?: Record<string, EvidenceRecord | null> | null;
  kpis?: { period?: string; units?: Record<string, string> } | null;
  /**
   * Consistency findings the assessor checked and found true of the plant: check id (a figure outside its plausible
   * range: its question id) → what was checked. Not listed as contradictions; the report says they were checked.
   */
  confirmed?: Record<string, string> | null;
  overrides?: Overrides | null;
  /** Where an interview stands; `mode`: express asks only the questions tagged express (absent: a full diagnosis). */
  progress?: { cursor?: string; sections?: string[]; updated?: string; mode?: InterviewMode } | null;
}

export type Phase = '0-6m' | '6-18m' | '18-36m';
export const PHASES: readonly Phase[] = ['0-6m', '6-18m', '18-36m'];
export type RetrofitLevel = 'station' | 'line' | 'workshop' | 'factory' | 'park';

export const RESPONDENT_FIELDS = [
  'company',
  'credit_code',
  'site',
  'industry',
  'sector',
  'district',
  'park',
  'region',
  'above_designated_size',
  'enterprise_class',
  'retrofit_status',
  'assessor',
  'interviewees',
  'date',
] as const;

/** Respondent fields that expressions may read. */
export const EXPRESSION_RESPONDENT_FIELDS = ['industry', 'above_designated_size', 'enterprise_class', 'sector', 'district', 'park', 'region'];
