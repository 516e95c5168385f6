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
  countTargets?: { id: string; section: string; value: number; per?: string; unit?: Text; population?: Text; measure?: Text }[];
}

/** Whether a support scheme's validity period has ended on a date (YYYY-MM-DD). */
export const schemeExpired = (s: PolicyDef['support'][number], date: string): boolean => s.validTo !== undefined && s.validTo < date;
