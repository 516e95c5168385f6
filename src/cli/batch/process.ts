import path from 'node:path';
import { isMainThread } from 'node:worker_threads';
import { sortDiagnostics, type Diagnostic } from '../../core/diagnostics.js';
import type { Answers } from '../../core/answers.js';
import { pseudonym } from '../../core/batch/anonymize.js';
import { isRespondentGroupField } from '../../core/batch/aggregate.js';
import { dateKey, plantKey } from '../../core/batch/identity.js';
import { recordFromResult, type CompanyRecord } from '../../core/batch/record.js';
import type { Profile } from '../../core/profile.js';
import type { Questionnaire } from '../../core/questionnaire.js';
import { buildResult, type ScoreResult } from '../../core/result.js';
import type { Limits, Source } from '../../core/source.js';
import type { TargetsDef } from '../../core/targets.js';
import type { Lang } from '../../core/types.js';
import { formatMessage } from '../../messages/catalogue.js';
import '../../messages/batch-messages.js';
import { resolveSource } from '../../io/answer-file.js';
import { Definitions, DEFAULTS } from '../../io/definitions.js';
import { readText } from '../../io/read-input.js';
import type { SurveyMap } from '../../io/tables/columns.js';
import type { TableLimits } from '../../io/tables/limits.js';
import { readTableInput } from '../../io/tables/table-input.js';
import { parseFast } from './fast-source.js';

export type UnitKind = 'answer' | 'csv' | 'xlsx';
export interface Unit {
  index: number;
  path: string;
  shown: string;
  kind: UnitKind;
}

export interface Problem {
  file: string;
  line: number;
  column: number;
  severity: 'error' | 'warning';
  code: string;
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
  record: CompanyRecord;
  key?: string;
  date: number;
  report?: { content: string; ext: string; base: string };
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

type Recommend = (result: ScoreResult, answers: Answers, q: Questionnaire) => Promise<{ title: string | { zh: string; en: string } }[]> | { title: string | { zh: string; en: string } }[];

/** Scores the inputs handed to one worker thread. Definitions are loaded once and cached. */
export class Processor {
  private readonly defs: Definitions;
  private setup?: Promise<{ q: Questionnaire; profile: Profile; targets: TargetsDef; recommend?: Recommend }>;

  constructor(private readonly opts: ProcessOptions) {
    this.defs = new Definitions(opts.limits);
  }

  private init() {
    this.setup ??= (async () => {
      const q = await this.defs.questionnaire(this.opts.questionnaire ?? undefined);
      const profile = await this.defs.profile(this.opts.profile ?? undefined);
      const targets = await this.defs.targets(this.opts.targets ?? undefined, q);
      return { q, profile, targets, ...(await loadRecommend()) };
    })();
    return this.setup;
  }

  /** Process one input; parts are handed to `emit` as they are ready (tables stream in chunks). */
  async run(unit: Unit, emit: (part: UnitPart) => void): Promise<void> {
    if (unit.kind === 'answer') {
      emit(await this.answerFile(unit));
      return;
    }
    await this.table(unit, emit);
  }

  private async answerFile(unit: Unit): Promise<UnitPart> {
    const part: UnitPart = { companies: [], rejected: [], notes: [] };
    const { lang, limits } = this.opts;
    const read = await readText(unit.path, unit.shown, limits);
    if (!read.ok) {
      part.rejected.push(rejectedOf(read.diagnostics, { file: unit.shown }, lang));
      return part;
    }
    const parsed = parseFast(read.text, unit.path, unit.shown, limits);
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
    const { q: defaultQ, profile, targets, recommend } = await this.init();
    const { lang } = this.opts;
    const loaded = await resolveSource(source, this.defs, this.opts.questionnaire);
    let ds = loaded.diagnostics;
    if (sheetOf) ds = ds.map((d) => ({ ...d, file: `${d.file}[${sheetOf(d.path)}]` }));
    if (!('answers' in loaded) || !loaded.answers) {
      const firstErr = sortDiagnostics(loaded.diagnostics.filter((d) => d.severity === 'error'))[0];
      part.rejected.push(rejectedOf(ds, { ...where, ...(sheetOf && firstErr ? { sheet: sheetOf(firstErr.path) } : {}) }, lang));
      return;
    }
    const q = loaded.questionnaire;
    const tgt = q === defaultQ ? targets : await this.defs.targets(this.opts.targets ?? undefined, q);
    const result = buildResult(q, loaded.answers, profile, tgt);
    let recommendations: string[] = [];
    if (recommend) {
      try {
        recommendations = (await recommend(result, loaded.answers, q)).slice(0, 3).map((r) => (typeof r.title === 'string' ? r.title : r.title[lang]));
      } catch {
        recommendations = [];
      }
    }
    const groupBy = this.opts.groupBy;
    let group: string | undefined;
    if (groupBy && !isRespondentGroupField(groupBy)) {
      const r = loaded.answers.resolved.get(groupBy);
      const v = r?.status === 'answered' ? r.value : r?.status === 'unknown' ? 'unknown' : r?.status === 'na' ? 'n/a' : undefined;
      if (v !== undefined && v !== null) group = Array.isArray(v) ? v.join(';') : String(v);
    }
    const record = recordFromResult(result, where, { ...(group !== undefined ? { group } : {}), recommendations, warnings: ds.filter((d) => d.severity === 'warning').length });
    const resp = loaded.answers.file.respondent;
    const scored: Scored = { record, date: dateKey(resp.date), ...(plantKey(resp) !== undefined ? { key: plantKey(resp)! } : {}) };
    if (this.opts.reports) scored.report = this.report(result, where);
    part.companies.push(scored);
  }

  /** Without the report renderer (src/report/), a report is the JSON score result. */
  private report(result: ScoreResult, where: { file: string; row?: number }): { content: string; ext: string; base: string } {
    const { lang, anonymize, anonKey } = this.opts;
    let r = result;
    const rp = result.respondent;
    if (anonymize) {
      const { assessor: _a, interviewees: _i, ...rest } = rp;
      r = {
        ...result,
        respondent: {
          ...rest,
          company: pseudonym('company', rp.company, lang, anonKey),
          ...(rp.site ? { site: pseudonym('site', rp.site, lang, anonKey) } : {}),
          ...(rp.credit_code ? { credit_code: pseudonym('code', rp.credit_code, lang, anonKey) } : {}),
        },
      };
    }
    const base = [r.respondent.company, r.respondent.site].filter(Boolean).join('-') || path.basename(where.file) + (where.row ? `-${where.row}` : '');
    return { content: JSON.stringify(r, null, 2) + '\n', ext: 'json', base };
  }
}

/** The optional recommendation engine (src/core/recommend.ts): used when it exists and exports `recommend`. */
async function loadRecommend(): Promise<{ recommend?: Recommend }> {
  const spec = '../../core/recommend.js';
  try {
    const m = (await import(spec)) as { recommend?: unknown };
    if (typeof m.recommend === 'function' && process.env.ZHIZAO_BATCH_RECOMMEND === '1') return { recommend: m.recommend as Recommend };
  } catch {
    /* not built */
  }
  return {};
}

export const inWorker = !isMainThread;
