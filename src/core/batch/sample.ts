/** What a batch summary is computed from, said plainly: a sample of companies that answered, not a census. */
import { bilingual, type MessageCode } from '../../messages/catalogue.js';
import type { Text } from '../types.js';

/** What the summary is computed from, said plainly: a sample of companies that answered, not a census. */
export interface SampleStatement {
  /** Plants in the summary. */
  companies: number;
  /** The input files their answers come from (pseudonyms with --anonymize), at most SAMPLE_FILES of them. */
  files: string[];
  fileCount: number;
  /** First and last submission date (YYYY-MM-DD) of the plants in the summary; null when none gives a date. */
  dates: { from: string; to: string } | null;
  /** Questions answered by at least one company of the input, of the questionnaire's questions; a short form covers less than half. */
  questions: { covered: number; total: number; shortForm: boolean };
  /** Plants whose answers name no assessor: the company's own answers. */
  selfReported: number;
  /** The scoring scheme the levels and scores follow, and whether it was checked against the standard's text. */
  scoring?: { profile: string; title: Text; verified: boolean };
  /**
   * Once every row is in (withSampleCounts, summary.ts): rows scored from the `fileCount` files (superseded ones
   * included), rows superseded by a newer assessment of their plant (companies = scored − superseded), and inputs
   * rejected (whole files, or rows of a table).
   */
  scored?: number;
  superseded?: number;
  /** Rows left out as parts of one assessment split over files, to be merged first (companies = scored − superseded − these). */
  unmergedParts?: number;
  rejected?: number;
  /**
   * Credit codes (or, without one, company names) given once without a site and once with one: counted as plants of
   * their own by the identity rule, maybe one plant twice (the summary's sameCodeOtherSite).
   */
  maybeSamePlant?: number;
  /** Sheets of the input workbooks not read (no header, or hidden): their companies, if any, are in no figure. */
  sheetsNotRead?: { count: number; sheets: string[] };
  /** The statement in words. */
  statement: Text;
}

export const SAMPLE_FILES = 10;
/** An input that covers less than this share of the questionnaire's questions is a short form. */
export const SHORT_FORM_SHARE = 0.5;

const isoDay = (key: number) => {
  const d = String(Math.floor(key / 1_000_000));
  return `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`;
};

/** The first and last submission date of a population's companies (identity.ts dateKey), or null when none gives one. */
export const dateRange = (acc: { dateMin: number; dateMax: number }): { from: string; to: string } | null => (acc.dateMin > 0 ? { from: isoDay(acc.dateMin), to: isoDay(acc.dateMax) } : null);

/** The sample statement from the figures of all plants (the summary's accumulator) and what the input covers. */
export function sampleStatement(
  all: { dateMin: number; dateMax: number; companies: number; assessed: number },
  input: { files: readonly string[]; fileCount?: number; questions: { covered: number; total: number }; scoring?: SampleStatement['scoring'] },
): SampleStatement {
  const dates = dateRange(all);
  const fileCount = input.fileCount ?? input.files.length;
  const files = input.files.slice(0, SAMPLE_FILES);
  const { covered, total } = input.questions;
  const shortForm = total > 0 && covered < total * SHORT_FORM_SHARE;
  const selfReported = all.companies - all.assessed;
  return withStatement({ companies: all.companies, files, fileCount, dates, questions: { covered, total, shortForm }, selfReported, ...(input.scoring ? { scoring: input.scoring } : {}) });
}

/**
 * The statement in words, from the facts of the sample. Every count says what it counts: the plants of the
 * summary; with the counts of the whole run, the rows scored from how many files, those superseded and the inputs
 * rejected — so that "101 plants" and "96 files" add up for the reader.
 */
export function withStatement(facts: Omit<SampleStatement, 'statement'>): SampleStatement {
  const { companies, files, fileCount, dates, questions, selfReported, scored, superseded, unmergedParts, rejected, scoring, maybeSamePlant, sheetsNotRead } = facts;
  const { covered, total, shortForm } = questions;
  const listed = files.join(', ') + (fileCount > files.length ? ', …' : '');
  // nothing scored: said plainly, with the inputs rejected; no companies, dates or questions covered to state
  if (fileCount === 0) return { ...facts, statement: joined([['sample.nothing-scored', {}], rejected !== undefined ? ['sample.files-none', { rejected }] : ['sample.files-none-uncounted', {}], ...(rejected ? [['sample.rejected-listed', { rejected }] as [MessageCode, Record<string, string | number>]] : [])]) };
  const parts: [MessageCode, Record<string, string | number>][] = [
    [selfReported === companies ? 'sample.self-report' : selfReported === 0 ? 'sample.assessed' : 'sample.partly-self-report', { companies, selfReported }],
    // nothing scored: no files to list ("文件：。"), the inputs rejected said instead
    fileCount === 0
      ? rejected !== undefined
        ? ['sample.files-none', { rejected }]
        : ['sample.files-none-uncounted', {}]
      : scored !== undefined && superseded !== undefined && rejected !== undefined
        ? ['sample.files-counted', { files: listed, count: fileCount, scored, superseded, companies, rejected }]
        : ['sample.files', { files: listed, count: fileCount }],
    // which inputs were rejected, and why: not in the statement, but where to find them
    ...(rejected ? [['sample.rejected-listed', { rejected }] as [MessageCode, Record<string, string | number>]] : []),
    ...(unmergedParts ? [['sample.unmerged-parts', { count: unmergedParts }] as [MessageCode, Record<string, string | number>]] : []),
    // a sheet not read may hold companies: said beside the inputs rejected
    ...(sheetsNotRead?.count ? [['sample.sheets-not-read', { count: sheetsNotRead.count, sheets: sheetsNotRead.sheets.join(', ') + (sheetsNotRead.count > sheetsNotRead.sheets.length ? ', …' : '') }] as [MessageCode, Record<string, string | number>]] : []),
    // a plant that may be counted twice (with and without its site) is said where the companies are counted
    ...(maybeSamePlant ? [['sample.maybe-same-plant', { count: maybeSamePlant }] as [MessageCode, Record<string, string | number>]] : []),
    // the dates of the answer sets counted: with some superseded, said so (their dates are not in the range)
    dates ? [superseded ? 'sample.dates-counted' : 'sample.dates', dates] : ['sample.no-dates', {}],
    [shortForm ? 'sample.short-form' : 'sample.coverage', { covered, total }],
    // the levels and scores are the scheme's simplified calculation (and an unchecked scheme says so), as each report says
    ...(scoring && companies ? [[scoring.verified ? 'sample.scoring' : 'sample.scoring-unverified', { title_zh: scoring.title.zh, title_en: scoring.title.en }] as [MessageCode, Record<string, string | number>]] : []),
    ['sample.figures', {}],
  ];
  return { ...facts, statement: joined(parts) };
}

/** Sentences in both languages, one after the other. */
function joined(parts: readonly [MessageCode, Record<string, string | number>][]): Text {
  const statement = { zh: '', en: '' };
  for (const [code, args] of parts) {
    const t = bilingual(code, args);
    statement.zh += t.zh;
    statement.en += (statement.en ? ' ' : '') + t.en;
  }
  return statement;
}

/** The year of the first submission of the sample: targets before it are historical. */
export const surveyYearFrom = (sample: Pick<SampleStatement, 'dates'>): number | undefined => (sample.dates ? Number(sample.dates.from.slice(0, 4)) : undefined);
