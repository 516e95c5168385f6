import type { Lang } from '../core/types.js';

/** Options every command accepts (commander's global options). */
export interface GlobalOptions {
  /** `both` only for `report` (a report in both languages; messages then follow the locale). */
  lang?: Lang | 'both';
  questionnaire?: string;
  maxFileSize?: number;
  maxAliases?: number;
  color?: boolean;
}

export interface ScoringOptions {
  targets?: string;
  profile?: string;
}

export interface ValidateOptions extends GlobalOptions {
  definition?: boolean;
  json?: boolean;
  requireEvidence?: boolean;
  map?: string;
  maxRows?: number;
  strict?: boolean;
}

export interface TemplateOptions extends GlobalOptions {
  format: 'yaml' | 'csv' | 'xlsx' | 'xlsx-form';
  output?: string;
  force?: boolean;
  industry?: string;
  /** express: a short blank file with the express interview's questions only (YAML). */
  mode?: 'express' | 'full';
}

export interface ShowOptions extends GlobalOptions {
  json?: boolean;
}

export interface ScoreOptions extends GlobalOptions, ScoringOptions {
  json?: boolean;
  explain?: boolean;
  merge?: boolean;
}

export interface ReportOptions extends GlobalOptions, ScoringOptions {
  format?: string;
  output?: string;
  force?: boolean;
  template?: string;
  rules?: string;
  audience: 'client' | 'office';
  reportLang?: 'zh' | 'en' | 'both';
  merge?: boolean;
}

export interface AssessOptions extends GlobalOptions {
  sections?: string;
  mode?: 'express' | 'full';
  showLevels?: boolean;
  anonymousName?: boolean;
}

export interface CompareOptions extends GlobalOptions, ScoringOptions {
  json?: boolean;
  format?: string;
  output?: string;
  force?: boolean;
  /** The files may name different plants: compared side by side, no KPI gains. */
  differentPlants?: boolean;
}

export interface MergeOptions extends GlobalOptions {
  output: string;
  prefer?: string;
  force?: boolean;
  json?: boolean;
}

export interface BatchOptions extends GlobalOptions, ScoringOptions {
  output?: string;
  json?: boolean;
  map?: string;
  reports?: string;
  format: 'md' | 'html' | 'docx';
  groupBy?: string;
  anonymize?: boolean;
  minGroupSize?: number;
  jobs?: number;
  maxRows?: number;
  force?: boolean;
  dryRun?: boolean;
  onBadCell: 'reject' | 'blank';
  includeAnswers?: boolean;
  policy?: string;
}

export interface MapInitOptions extends GlobalOptions {
  output?: string;
  force?: boolean;
}
