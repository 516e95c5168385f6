import path from 'node:path';
import { diag, sortDiagnostics, type Diagnostic } from '../../core/diagnostics.js';
import type { Answers } from '../../core/answers.js';
import { pseudonym, scrubText } from '../../core/batch/anonymize.js';
import { aggregateOf, isRespondentGroupField, type CompanyAggregate, type SummaryLayout } from '../../core/batch/aggregate.js';
import { dateKey, plantKey } from '../../core/batch/identity.js';
import { companyJson, recordFromResult } from '../../core/batch/record.js';
import type { Profile } from '../../core/profile.js';
import type { Questionnaire } from '../../core/questionnaire.js';
import { recommend, type Recommendation } from '../../core/recommend.js';
import { buildResult, resultJson, type ScoreResult } from '../../core/result.js';
import type { RuleSet } from '../../core/rules-def.js';
import { parseQuick, type Limits, type Source } from '../../core/source.js';
import type { TargetsDef } from '../../core/targets.js';
import type { Lang, Respondent } from '../../core/types.js';
import { resolveSource } from '../../io/answer-file.js';
import { Definitions } from '../../io/definitions.js';
import { VERSION } from '../../io/paths.js';
import { readTextSync } from '../../io/read-input.js';
import type { SurveyMap } from '../../io/tables/columns.js';
import type { TableLimits } from '../../io/tables/limits.js';
import { readTableInput } from '../../io/tables/table-input.js';
import { formatMessage, type MessageCode } from '../../messages/catalogue.js';
import { stringifyJson } from '../../messages/safe-text.js';
import { renderReport, reportContext, rulesFor } from '../report.js';

export type UnitKind = 'answer' | 'csv' | 'xlsx' | 'reject';
export interface Unit {
  index: number;
  path: string;
  shown: string;
  kind: UnitKind;
  /** For kind 'reject': why the input cannot be read at all (missing, .xls, no match…). */
  code?: MessageCode;
  args?: Record<string, string | number>;
}

export interface Problem {
  file: string;
  line: number;
  column: number;
  severity: 'error' | 'warning';
  code: MessageCode;
  message: string;
}
/** One rejected input (a file, or a table row): its first problem in line/column/message, all of them in problems. */
export interface Rejected {
  file: string;
  row?: number;
  sheet?: string;
  line: number;
  column: number;
  message: string;
  problems: Problem[];
}
export interface Scored {
  /** The per-company record, serialised in the worker (the spool line; JSON.stringify runs in parallel). */
  json: string;
  /** The small figures the summary needs. */
  agg: CompanyAggregate;
  key?: string;
  date: number;
  report?: { content: string | Uint8Array; ext: string; base: string };
}
export interface UnitPart {
  companies: Scored[];
  rejected: Rejected[];
  /** Messages about an input as a whole (unknown columns…), printed on stderr. */
  notes: string[];
}

/** Options every worker receives (plain data). */
export interface ProcessOptions {
  lang: Lang;
  limits: Limits;
  tableLimits: TableLimits;
  questionnaire?: string;
  targets?: string;
  profile?: string;
  map?: SurveyMap;
  groupBy?: string;
  reports?: 'md' | 'html' | 'docx';
  anonymize: boolean;
  anonKey: string;
  layout: SummaryLayout;
}

export function problemOf(d: Diagnostic, lang: Lang): Problem {
  return { file: d.file, line: d.line, column: d.column, severity: d.severity, code: d.code, message: formatMessage(d.code, d.args, lang) };
}

export function rejectedOf(ds: Diagnostic[], where: { file: string; row?: number; sheet?: string }, lang: Lang): Rejected {
  const errors = sortDiagnostics(ds.filter((d) => d.severity === 'error'));
  const list = errors.length ? errors : ds;
  const first = list[0];
  return {
    file: where.file,
    ...(where.row !== undefined ? { row: where.row } : {}),
    ...(where.sheet ? { sheet: where.sheet } : {}),
    line: first?.line ?? 1,
    column: first?.column ?? 1,
    message: first ? formatMessage(first.code, first.args, lang) : 'rejected',
    problems: list.map((d) => problemOf(d, lang)),
  };
}

interface Setup {
  q: Questionnaire;
  profile: Profile;
  targets: TargetsDef;
}
interface Extras {
  rules?: RuleSet;
  note?: string;
  /** For --reports: what a report needs besides the plant. */
  report?: Awaited<ReturnType<typeof reportContext>>;
}

/** Scores the inputs handed to one worker thread. Definitions are loaded once and cached. */
export class Processor {
  private readonly defs: Definitions;
  private setup?: Promise<Setup>;
  private readonly extras = new Map<Questionnaire, Promise<Extras>>();

  constructor(private readonly opts: ProcessOptions) {
    this.defs = new Definitions(opts.limits);
  }

  private init() {
    this.setup ??= (async () => {
      const q = await this.defs.questionnaire(this.opts.questionnaire);
      const profile = await this.defs.profile(this.opts.profile);
      const targets = await this.defs.targets(this.opts.targets);
      return { q, profile, targets };
    })();
    return this.setup;
  }

  /** Recommendation rules and readiness profiles for a questionnaire (the same policy as `zhizao report`). */
  private extrasFor(q: Questionnaire): Promise<Extras> {
    let e = this.extras.get(q);
    if (!e) {
      e = (async () => {
        if (this.opts.reports) {
          const report = await reportContext(this.defs, q);
          return { ...(report.rules ? { rules: report.rules } : {}), ...(report.note ? { note: report.note } : {}), report };
        }
        const { rules, note } = await rulesFor(this.defs, q);
        return { ...(rules ? { rules } : {}), ...(note ? { note } : {}) };
      })();
      this.extras.set(q, e);
    }
    return e;
  }

  /** A note for the person running the batch, once: recommendations unavailable for the default questionnaire. */
  async startNote(): Promise<string | undefined> {
    const { q } = await this.init();
    const e = await this.extrasFor(q);
    return e.rules ? undefined : `${e.note}: the recommendations column stays empty`;
  }

  /** Process one input; parts are handed to `emit` as they are ready (tables stream in chunks). */
  async run(unit: Unit, emit: (part: UnitPart) => void): Promise<void> {
    if (unit.kind === 'reject') {
      emit({ companies: [], rejected: [rejectedOf([diag(unit.code ?? 'input.unsupported', unit.shown, { line: 1, column: 1 }, unit.args ?? {})], { file: unit.shown }, this.opts.lang)], notes: [] });
      return;
    }
    if (unit.kind === 'answer') {
      emit(await this.answerFile(unit));
      return;
    }
    await this.table(unit, emit);
  }

  private async answerFile(unit: Unit): Promise<UnitPart> {
    const part: UnitPart = { companies: [], rejected: [], notes: [] };
    const { lang, limits } = this.opts;
    const read = readTextSync(unit.path, unit.shown, limits);
    if (!read.ok) {
      part.rejected.push(rejectedOf(read.diagnostics, { file: unit.shown }, lang));
      return part;
    }
    const parsed = parseQuick(read.text, unit.shown, { json: path.extname(unit.path).toLowerCase() === '.json', limits });
    if (!parsed.ok) {
      part.rejected.push(rejectedOf(parsed.diagnostics, { file: unit.shown }, lang));
      return part;
    }
    await this.scoreSource(parsed.source, { file: unit.shown }, part);
    return part;
  }

  private async table(unit: Unit, emit: (part: UnitPart) => void): Promise<void> {
    const { q } = await this.init();
    const { lang } = this.opts;
    let part: UnitPart = { companies: [], rejected: [], notes: [] };
    const flush = () => {
      if (part.companies.length || part.rejected.length || part.notes.length) emit(part);
      part = { companies: [], rejected: [], notes: [] };
    };
    const events = readTableInput(unit.path, unit.shown, unit.kind as 'csv' | 'xlsx', {
      q,
      defaultQuestionnaire: q.def.id,
      ...(this.opts.map ? { map: this.opts.map } : {}),
      limits: this.opts.tableLimits,
    });
    for await (const ev of events) {
      if (ev.type === 'warning') part.notes.push(...ev.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${formatMessage(d.code, d.args, lang)}`));
      else if (ev.type === 'reject') part.rejected.push(rejectedOf(ev.diagnostics, { file: unit.shown, ...(ev.row !== undefined ? { row: ev.row } : {}) }, lang));
      else {
        try {
          await this.scoreSource(ev.source, { file: unit.shown, ...(ev.row !== undefined ? { row: ev.row } : {}) }, part, ev.sheetOf);
        } catch (e) {
          // A row that breaks the scorer must not stop the table.
          part.rejected.push({ file: unit.shown, ...(ev.row !== undefined ? { row: ev.row } : {}), line: ev.line, column: 1, message: formatMessage('table.row-failed', { detail: (e as Error).message }, lang), problems: [] });
        }
      }
      if (part.companies.length + part.rejected.length >= 200) flush();
    }
    flush();
  }

  private async scoreSource(source: Source, where: { file: string; row?: number }, part: UnitPart, sheetOf?: (p: readonly (string | number)[] | undefined) => string): Promise<void> {
    const { q: defaultQ, profile, targets } = await this.init();
    const { lang } = this.opts;
    const loaded = await resolveSource(source, this.defs, this.opts.questionnaire);
    let ds = loaded.diagnostics;
    if (sheetOf) ds = ds.map((d) => ({ ...d, file: `${d.file}[${sheetOf(d.path)}]` }));
    if (!('answers' in loaded) || !loaded.answers) {
      const firstErr = sortDiagnostics(loaded.diagnostics.filter((d) => d.severity === 'error'))[0];
      let rej = rejectedOf(ds, { ...where, ...(sheetOf && firstErr ? { sheet: sheetOf(firstErr.path) } : {}) }, lang);
      if (this.opts.anonymize) rej = this.scrubRejected(rej, source.data);
      part.rejected.push(rej);
      return;
    }
    const q = loaded.questionnaire;
    const tgt = q === defaultQ ? targets : await this.defs.targets(this.opts.targets);
    const result = buildResult(q, loaded.answers, profile, tgt);
    const extras = await this.extrasFor(q);
    let recommendations: string[] = [];
    let report: Scored['report'];
    if (extras.rules) {
      try {
        let recs: Recommendation[];
        if (this.opts.reports) {
          const r = await this.report(q, loaded.answers, result, extras, where);
          report = r.report;
          recs = r.recommendations;
        } else recs = recommend(result, loaded.answers, extras.rules, loaded.answers.file.overrides).recommendations;
        recommendations = [...recs].sort((a, b) => b.priority - a.priority || a.id.localeCompare(b.id)).slice(0, 3).map((r) => r.title[lang]);
      } catch (e) {
        // A rule that fails on one plant must not lose the plant: score it, say so in the notes.
        part.notes.push(`${where.file}${where.row !== undefined ? `:${where.row}` : ''}: recommendations failed: ${(e as Error).message}`);
      }
    }
    if (this.opts.reports && !report) report = this.jsonReport(result, where);
    const groupBy = this.opts.groupBy;
    let group: string | undefined;
    if (groupBy && !isRespondentGroupField(groupBy)) {
      const r = loaded.answers.resolved.get(groupBy);
      const v = r?.status === 'answered' ? r.value : r?.status === 'unknown' ? 'unknown' : r?.status === 'na' ? 'n/a' : undefined;
      if (v !== undefined && v !== null) group = Array.isArray(v) ? v.join(';') : String(v);
    }
    const record = recordFromResult(resultJson(result), where, { ...(group !== undefined ? { group } : {}), recommendations, warnings: ds.filter((d) => d.severity === 'warning').length });
    const resp = loaded.answers.file.respondent;
    const key = plantKey(resp);
    const scored: Scored = { json: JSON.stringify(companyJson(record)), agg: aggregateOf(record, this.opts.layout, this.opts.groupBy), date: dateKey(resp.date), ...(key !== undefined ? { key } : {}) };
    if (report) scored.report = report;
    part.companies.push(scored);
  }

  /** With --anonymize, a rejected row's messages must not carry the names and codes it was rejected with. */
  private scrubRejected(r: Rejected, data: unknown): Rejected {
    const rp = (data as { respondent?: Record<string, unknown> } | null)?.respondent;
    if (!rp || typeof rp !== 'object') return r;
    const { lang, anonKey } = this.opts;
    const map = new Map<string, string>();
    const add = (kind: 'company' | 'site' | 'code', v: unknown) => typeof v === 'string' && v.trim() && map.set(v, pseudonym(kind, v, lang, anonKey));
    add('company', rp.company);
    add('site', rp.site);
    add('code', rp.credit_code);
    if (map.size === 0) return r;
    return { ...r, message: scrubText(r.message, map), problems: r.problems.map((p) => ({ ...p, message: scrubText(p.message, map) })) };
  }

  private anonRespondent(rp: Respondent): Respondent {
    const { lang, anonKey } = this.opts;
    const { assessor: _a, interviewees: _i, ...rest } = rp;
    return {
      ...rest,
      company: pseudonym('company', rp.company, lang, anonKey),
      ...(rp.site ? { site: pseudonym('site', rp.site, lang, anonKey) } : {}),
      ...(rp.credit_code ? { credit_code: pseudonym('code', rp.credit_code, lang, anonKey) } : {}),
    };
  }

  private reportBase(rp: Respondent, where: { file: string; row?: number }): string {
    return [rp.company, rp.site].filter(Boolean).join('-') || path.basename(where.file) + (where.row ? `-${where.row}` : '');
  }

  /** The per-company report through `zhizao report`'s machinery (src/report/); anonymised: office audience, pseudonyms. */
  private async report(q: Questionnaire, answers: Answers, result: ScoreResult, extras: Extras, where: { file: string; row?: number }): Promise<{ report: NonNullable<Scored['report']>; recommendations: Recommendation[] }> {
    const { lang, anonymize, reports } = this.opts;
    let a = answers;
    let r = result;
    if (anonymize) {
      const respondent = this.anonRespondent(result.respondent);
      r = { ...result, respondent };
      a = { ...answers, file: { ...answers.file, respondent, notes: null } };
    }
    const { buildReportData } = await import('../../report/report-data.js');
    const { note: _note, ...context } = extras.report!;
    const data = buildReportData({ questionnaire: q, answers: a, result: r, ...context, audience: anonymize ? 'office' : 'client', tool: `zhizao ${VERSION} batch` });
    const content = await renderReport(data, reports ?? 'md', { lang });
    return { report: { content, ext: reports ?? 'md', base: this.reportBase(r.respondent, where) }, recommendations: data.recommendations };
  }

  /** Without recommendation rules for the questionnaire, a report is the JSON score result. */
  private jsonReport(result: ScoreResult, where: { file: string; row?: number }): NonNullable<Scored['report']> {
    const rounded = resultJson(result);
    const r = this.opts.anonymize ? { ...rounded, respondent: this.anonRespondent(result.respondent) } : rounded;
    return { content: stringifyJson(r) + '\n', ext: 'json', base: this.reportBase(r.respondent, where) };
  }
}

