import type { ScoreResult } from '../result.js';
import type { Text } from '../types.js';
import { formatMessage } from '../../messages/catalogue.js';

/** One scored company as it appears in the per-company output (`companies[]`, docs/batch.md). Plain, serialisable. */
export interface CompanyRecord {
  file: string;
  /** Row in a table (1-based sheet row / CSV record + 1 for the header); absent for answer files and forms. */
  row?: number;
  company: string;
  creditCode?: string;
  site?: string;
  district?: string;
  park?: string;
  region?: string;
  sector?: string;
  industry: string;
  aboveDesignatedSize?: boolean;
  enterpriseClass?: string;
  retrofitStatus?: string;
  retrofitYear?: number;
  date?: string;
  /** Time of day of the assessment (a survey's submission time), when the input had one. */
  time?: string;
  questionnaire: string;
  level: number | null;
  provisional: boolean;
  levelName: Text;
  /** Score S; null when no level is stated (too few answers: S would only say how little was answered). */
  score: number | null;
  /** The 智能工厂梯度培育 tiers whose CMMM-level condition (necessary, not sufficient) the plant meets. */
  tierConditions: string[];
  completeness: number;
  /** Each section's score; null when none of its scored questions is answered or no level is stated (not determined, not 0). */
  sections: Record<string, number | null>;
  /** Score of each capability sub-domain (GB/T 39116); null when none of its scored questions is answered. */
  subdomains?: Record<string, number | null>;
  /**
   * Each indicator: its value, whether it meets the target (indicators defined per company), the numerator and
   * denominator of a ratio, `unknown` when it has no value because an input was answered 不清楚, and `excluded`
   * when an input is outside the question's plausible range: the value is kept here and left out of the regional figures.
   */
  indicators: Record<string, { value: number | boolean | null; met?: boolean | null; numerator?: number | null; denominator?: number | null; unknown?: boolean; excluded?: 'implausible' }>;
  /** The official regional design-tool indicator (the share of companies using digital design tools) counts this flag. */
  usesDigitalDesignTools: boolean | null;
  /** Value of the --group-by field when it is a question rather than a respondent field. */
  group?: string;
  /** Top three recommendation titles, when the recommendation engine is available. */
  recommendations: string[];
  warnings: number;
  /** Cells blanked with --on-bad-cell blank. */
  blanked?: number;
  /** The raw answers (--include-answers): question id → value as answered ('unknown', 'n/a'). */
  answers?: Record<string, string | number | boolean | string[]>;
  /** Set by the batch: an older assessment of a plant seen again later. */
  superseded?: boolean;
  /**
   * Set by the batch for a superseded row: `resubmission` when the plant submitted again less than the conflict
   * window later (the same assessment twice, not a baseline), `newer` when a later assessment replaced it, `part`
   * when it is one of several files that each cover some sections of one assessment (not counted until merged),
   * `self-report` when it is the company's own answers sent within the window after an assessor's diagnosis.
   */
  supersededAs?: 'resubmission' | 'newer' | 'part' | 'self-report';
  /** File name of the per-company report written with --reports. */
  report?: string;
}

export const DESIGN_TOOL_INDICATOR = 'design-tool-penetration';
export const DESIGN_TOOL_FLAG = 'usesDigitalDesignTools';

export interface RecordExtra {
  group?: string;
  recommendations?: string[];
  warnings?: number;
  time?: string;
  /** Indicator id → the question ids of its ratio (numerator, denominator). */
  ratios?: ReadonlyMap<string, readonly [string, string]>;
  /** Indicators without a value because an input was answered 不清楚. */
  unknown?: ReadonlySet<string>;
  /** Indicators with an input outside its plausible range (left out of the regional figures). */
  excluded?: ReadonlySet<string>;
  /** Sections and sub-domains with a scored question answered (the result's `answered`); the others are null. */
  coverage?: { sections: ReadonlySet<string>; subdomains: ReadonlySet<string> };
}

/** Whether a plant uses digital design tools: a `share` indicator's own 1/0, or an older ratio's flag. */
export function usesDesignTools(i: { kind?: string; value: number | boolean | null; flags?: Record<string, boolean | null> }): boolean | null {
  if (i.kind === 'share') return i.value === null ? null : i.value === 1;
  return i.flags?.[DESIGN_TOOL_FLAG] ?? null;
}

export function recordFromResult(result: ScoreResult, where: { file: string; row?: number }, extra: RecordExtra = {}): CompanyRecord {
  const r = result.respondent;
  const cov = extra.coverage;
  const sections: Record<string, number | null> = {};
  // With too few answers to state a level, section and sub-domain scores are as undetermined as S: the questions
  // never asked would count as unmet (a short survey form would show 0 where the plant rated itself 3).
  const stated = result.maturity.level !== null;
  for (const s of result.sections) sections[s.id] = stated && (!cov || cov.sections.has(s.id)) ? s.score : null;
  const subdomains: Record<string, number | null> = {};
  for (const s of result.subdomains ?? []) subdomains[s.id] = stated && (!cov || cov.subdomains.has(s.id)) ? s.score : null;
  const indicators: CompanyRecord['indicators'] = {};
  let uses: boolean | null = null;
  for (const i of result.indicators) {
    const ratio = extra.ratios?.get(i.id);
    const input = (id: string) => (typeof i.inputs[id] === 'number' ? (i.inputs[id] as number) : null);
    indicators[i.id] = {
      value: i.value,
      ...(i.met !== undefined ? { met: i.met } : {}),
      ...(ratio ? { numerator: input(ratio[0]), denominator: input(ratio[1]) } : {}),
      ...(extra.unknown?.has(i.id) ? { unknown: true } : {}),
      ...(extra.excluded?.has(i.id) ? { excluded: 'implausible' as const } : {}),
    };
    if (i.id === DESIGN_TOOL_INDICATOR) uses = usesDesignTools(i);
  }
  return {
    file: where.file,
    ...(where.row !== undefined ? { row: where.row } : {}),
    company: r.company,
    ...(r.credit_code ? { creditCode: r.credit_code } : {}),
    ...(r.site ? { site: r.site } : {}),
    ...(r.district ? { district: r.district } : {}),
    ...(r.park ? { park: r.park } : {}),
    ...(r.region ? { region: r.region } : {}),
    ...(r.sector ? { sector: r.sector } : {}),
    industry: r.industry,
    ...(r.above_designated_size !== undefined ? { aboveDesignatedSize: r.above_designated_size } : {}),
    ...(r.enterprise_class ? { enterpriseClass: r.enterprise_class } : {}),
    ...(r.retrofit_status ? { retrofitStatus: r.retrofit_status.status, ...(r.retrofit_status.year !== undefined ? { retrofitYear: r.retrofit_status.year } : {}) } : {}),
    ...(r.date ? { date: r.date } : {}),
    ...(r.date && extra.time ? { time: extra.time } : {}),
    questionnaire: `${result.questionnaire.id}@${result.questionnaire.version}`,
    level: result.maturity.level,
    provisional: result.maturity.provisional,
    // A result with too few answers states no level: its name says so (not "not yet level 1").
    levelName: result.maturity.level === null ? { zh: formatMessage('batch.no-level-name', {}, 'zh'), en: formatMessage('batch.no-level-name', {}, 'en') } : result.maturity.name,
    score: result.maturity.level === null ? null : result.maturity.score,
    tierConditions: result.tiers.filter((t) => t.levelConditionMet === true).map((t) => t.id),
    completeness: result.completeness,
    sections,
    subdomains,
    indicators,
    usesDigitalDesignTools: uses,
    ...(extra.group !== undefined ? { group: extra.group } : {}),
    recommendations: extra.recommendations ?? [],
    warnings: extra.warnings ?? 0,
  };
}

/** The JSON form of a company (`companies[]`, docs/batch.md): region and sector always present, `superseded` last but `report`. */
export function companyJson(r: CompanyRecord): Record<string, unknown> {
  const { superseded, supersededAs, report, ...rest } = r;
  return { ...rest, region: r.region ?? null, sector: r.sector ?? null, superseded: Boolean(superseded), ...(supersededAs !== undefined ? { supersededAs } : {}), ...(report !== undefined ? { report } : {}) };
}
