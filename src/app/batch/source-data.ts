/** What batch reads off an input's data before and after resolving it: the company, a cell to blank, the answers as given. */
import type { CompanyRecord } from '../../core/batch/record.js';
import type { Diagnostic } from '../../core/diagnostics.js';
import type { AnswerValue } from '../../core/types.js';

/** Respondent fields a row can be scored without: a bad cell there can be left empty. */
const OPTIONAL_FIELDS = new Set(['credit_code', 'site', 'sector', 'district', 'park', 'region', 'above_designated_size', 'enterprise_class', 'retrofit_status', 'assessor', 'interviewees', 'date']);

/** The path to blank for an error, or undefined when the row cannot be scored without the cell. */
export function blankPath(d: Diagnostic): [string, string] | undefined {
  const p = d.path;
  if (!p || typeof p[1] !== 'string') return undefined;
  if (p[0] === 'answers') return ['answers', p[1]];
  if (p[0] === 'respondent' && OPTIONAL_FIELDS.has(p[1])) return ['respondent', p[1]];
  return undefined;
}

/** The company an input names, trimmed; undefined when it names none. */
export const companyOf = (data: unknown): string | undefined => {
  const c = (data as { respondent?: { company?: unknown } } | null)?.respondent?.company;
  return typeof c === 'string' && c.trim() ? c.trim() : undefined;
};

/** The answers as given: option values, numbers, yes/no; 'unknown' and 'n/a' for those tokens. */
export function rawAnswers(resolved: ReadonlyMap<string, { status: string; value: AnswerValue }>): NonNullable<CompanyRecord['answers']> {
  const out: NonNullable<CompanyRecord['answers']> = {};
  for (const [id, r] of resolved) {
    if (r.status === 'unknown') out[id] = 'unknown';
    else if (r.status === 'na') out[id] = 'n/a';
    else if (r.status === 'answered' && r.value !== null && typeof r.value !== 'object') out[id] = r.value;
    else if (r.status === 'answered' && Array.isArray(r.value)) out[id] = r.value.map(String);
  }
  return out;
}
