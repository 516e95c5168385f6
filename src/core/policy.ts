import type { Text } from './types.js';

/**
 * An action plan as data (questionnaires/policy/): its programmes as the plan defines them, the project types, the
 * support schemes with their validity, and the plan's count targets.
 */
export interface PolicyDef {
  kind: 'policy';
  id: string;
  title: Text;
  document: string;
  period: { from: string; to: string };
  programmes: { id: string; section: string; name: Text; summary?: Text; userProgramme: boolean }[];
  projectTypes: { id: string; section?: string; name: Text }[];
  support: { id: string; name: Text; document?: string; section?: string; validFrom?: string; validTo?: string; offeredTo: string[]; currentNote?: Text }[];
  countTargets: CountTargetDef[];
}

/** One count target of a regional action plan, as the policy data states it (schemas/policy.schema.json). */
export interface CountTargetDef {
  id: string;
  /** Its short name, as the office's tables show it. */
  title: Text;
  section: string;
  programme?: string;
  quote: string;
  comparison: '>=' | '>' | '=' | 'range';
  value: number | { min: number; max: number };
  per: 'year' | 'total';
  year?: number;
  years?: number[];
  by?: number;
  unit: Text;
  population: Text;
  sizeClass?: 'above-designated-size' | 'sme' | 'any';
  /** The enterprise class (企业分类 A–D) whose share of companies retrofitting this target sets (programme enterprise-classification). */
  enterpriseClass?: 'A' | 'B' | 'C' | 'D';
  basis: 'answers' | 'new-question' | 'not-from-diagnosis';
  measure: Text;
  note?: Text;
}

/** Whether a support scheme's validity period has ended on a date (YYYY-MM-DD). */
export const schemeExpired = (s: PolicyDef['support'][number], date: string): boolean => s.validTo !== undefined && s.validTo < date;
