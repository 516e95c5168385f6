/**
 * A company's own report in a batch (`batch --reports`): through `zhizao report`'s machinery (src/report/), in the
 * batch's language and format; anonymised, for the office audience under pseudonyms. Built in a worker.
 */
import path from 'node:path';
import type { Answers } from '../../core/answers.js';
import { pseudonym } from '../../core/batch/anonymize.js';
import type { Profile } from '../../core/profile.js';
import type { Questionnaire } from '../../core/questionnaire.js';
import type { Recommendation } from '../../core/recommend.js';
import { resultJson, type ScoreResult } from '../../core/result.js';
import type { TargetsDef } from '../../core/targets.js';
import type { Respondent } from '../../core/types.js';
import { VERSION } from '../../io/paths.js';
import { stringifyJson } from '../../messages/safe-text.js';
import { renderReport, type reportContext } from '../report.js';
import type { ProcessOptions, Scored } from './parts.js';

type ReportOptions = Pick<ProcessOptions, 'lang' | 'anonymize' | 'anonKey' | 'reports'>;
type Where = { file: string; row?: number };
type CompanyReport = NonNullable<Scored['report']>;

const UTF8 = new TextEncoder();

/** The respondent under pseudonyms, without the assessor and the people interviewed. */
export function anonRespondent(rp: Respondent, opts: ReportOptions): Respondent {
  const { lang, anonKey } = opts;
  const { assessor: _a, interviewees: _i, ...rest } = rp;
  return {
    ...rest,
    company: pseudonym('company', rp.company, lang, anonKey),
    ...(rp.site ? { site: pseudonym('site', rp.site, lang, anonKey) } : {}),
    ...(rp.credit_code ? { credit_code: pseudonym('code', rp.credit_code, lang, anonKey) } : {}),
  };
}

/** The report's file name before its extension: company and site, else the input's name (and row). */
function reportBase(rp: Respondent, where: Where): string {
  return [rp.company, rp.site].filter(Boolean).join('-') || path.basename(where.file) + (where.row ? `-${where.row}` : '');
}

/** The report of one scored plant, with the recommendations it lists. */
export async function companyReport(
  plant: { q: Questionnaire; answers: Answers; result: ScoreResult; where: Where },
  context: Omit<Awaited<ReturnType<typeof reportContext>>, 'note'>,
  scoring: { profile: Profile; targets: TargetsDef },
  opts: ReportOptions,
): Promise<{ report: CompanyReport; recommendations: Recommendation[] }> {
  const { lang, anonymize, reports } = opts;
  let a = plant.answers;
  let r = plant.result;
  if (anonymize) {
    const respondent = anonRespondent(r.respondent, opts);
    r = { ...r, respondent };
    a = { ...a, file: { ...a.file, respondent, notes: null } };
  }
  const { buildReportData } = await import('../../report/report-data.js');
  const data = buildReportData({ questionnaire: plant.q, answers: a, result: r, ...context, scoring, audience: anonymize ? 'office' : 'client', tool: `zhizao ${VERSION}` });
  const rendered = await renderReport(data, reports ?? 'md', { lang });
  // As the bytes the file will hold, in a buffer of their own: the worker hands it to the main thread without a copy
  // (worker-loop.ts transfers it), and the main thread writes it without encoding it again.
  const content = typeof rendered === 'string' ? UTF8.encode(rendered) : rendered;
  return { report: { content, ext: reports ?? 'md', base: reportBase(r.respondent, plant.where) }, recommendations: data.recommendations };
}

/** Without recommendation rules for the questionnaire, a report is the JSON score result. */
export function jsonReport(result: ScoreResult, where: Where, opts: ReportOptions): CompanyReport {
  const rounded = resultJson(result);
  const r = opts.anonymize ? { ...rounded, respondent: anonRespondent(result.respondent, opts) } : rounded;
  return { content: stringifyJson(r) + '\n', ext: 'json', base: reportBase(r.respondent, where) };
}
