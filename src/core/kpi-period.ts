/** The periods two assessments' KPI figures cover, and whether the follow-up's comes after the baseline's. Pure. */

/** Whether the follow-up KPI period comes after the baseline's: both given and read, and no overlap. */
export type PeriodStatus = 'later' | 'not-later' | 'unparseable' | 'missing';

/** Months since year 0 as a half-open interval [start, end). */
export interface PeriodRange {
  start: number;
  end: number;
}

/**
 * Parse a KPI period: `2025`, `2025年`, `2025-06` (also `2025/6`, `2025.06`, `2025年6月`), `2025-Q3` (`2025Q3`),
 * `2025-H1` (`2025H1`, `2025年上半年`, `2025年下半年`). Anything else is null.
 */
export function parsePeriod(s: string): PeriodRange | null {
  const t = s.normalize('NFKC').trim().toUpperCase().replace(/\s+/g, '');
  let m = /^(\d{4})年?$/.exec(t);
  if (m) return span(Number(m[1]) * 12, 12);
  m = /^(\d{4})[-/.年](\d{1,2})月?$/.exec(t);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) return span(Number(m[1]) * 12 + Number(m[2]) - 1, 1);
  m = /^(\d{4})[-年]?(?:Q|第)([1-4])(?:季度)?$/.exec(t);
  if (m) return span(Number(m[1]) * 12 + (Number(m[2]) - 1) * 3, 3);
  m = /^(\d{4})[-年]?H([12])$/.exec(t);
  if (m) return span(Number(m[1]) * 12 + (Number(m[2]) - 1) * 6, 6);
  m = /^(\d{4})年?(上|下)半年$/.exec(t);
  if (m) return span(Number(m[1]) * 12 + (m[2] === '上' ? 0 : 6), 6);
  return null;
}
const span = (start: number, months: number): PeriodRange => ({ start, end: start + months });

/** The follow-up period is later when it starts at or after the end of the baseline period (no overlap). */
export function periodStatus(baseline: string | undefined, followup: string | undefined): PeriodStatus {
  if (!baseline || !followup) return 'missing';
  const b = parsePeriod(baseline);
  const f = parsePeriod(followup);
  if (!b || !f) return 'unparseable';
  return f.start >= b.end ? 'later' : 'not-later';
}
