import path from 'node:path';
import { diag, sortDiagnostics, type Diagnostic } from '../../core/diagnostics.js';
import { pseudonym, quasiIdentifier, scrubText } from '../../core/batch/anonymize.js';
import { aggregateOf, isRespondentGroupField, packAggregate } from '../../core/batch/aggregate.js';
import { dateKey, plantKeys } from '../../core/batch/identity.js';
import { companyNamedIn } from '../../core/plant-identity.js';
import { companyJson, recordFromResult, usesDesignTools } from '../../core/batch/record.js';
import { readinessVerdict } from '../../core/readiness.js';
import type { Profile } from '../../core/profile.js';
import type { Questionnaire } from '../../core/questionnaire.js';
import { officeTopProjects } from '../../core/plan-order.js';
import { recommend, type Recommendation } from '../../core/recommend.js';
import type { CompiledSectorPack } from '../../core/sector.js';
import type { ReadinessProfile } from '../../core/readiness-def.js';
import { implausibleAnswers, type CheckSet } from '../../core/checks.js';
import { buildResult, headlineJson, type ScoreResult } from '../../core/result.js';
import type { RuleSet } from '../../core/rules-def.js';
import { parseQuick, type Source } from '../../core/source.js';
import type { TargetsDef } from '../../core/targets.js';
import { resolveSource } from '../../io/answer-file.js';
import { Definitions } from '../../io/definitions.js';
import { readTextSync } from '../../io/read-input.js';
import { readTableInput, sheetLabel, SHEET_NOT_READ_CODES } from '../../io/tables/table-input.js';
import { diagnosticText, formatMessage } from '../../messages/catalogue.js';
import { readinessFor, reportContext, rulesFor } from '../report.js';
import { sectorsFor } from '../sectors.js';
import { jsonLineBytes, partOf, rejectedOf, type CellProblem, type PartDraft, type ProcessOptions, type Rejected, type Scored, type Unit, type UnitPart } from './parts.js';
import type { Question } from '../../core/types.js';
import { cellProblemOf, confidentialQuestions, contradictions, implausibleWarnings, isRowSource, resolveRow, shielded } from './row-check.js';

export type { ProcessOptions } from './parts.js';
import { companyOf, rawAnswers } from './source-data.js';
import { companyReport, jsonReport } from './company-report.js';
import { isSelfAssessment } from '../../core/self-assessment.js';

/** The position given to warnings nobody reads (answer files' warnings are only counted). */
const NOWHERE = Object.freeze({ line: 0, column: 0 });
/** zhizao's own JSON outputs: a batch result, or a score result (a --reports folder of JSON reports). */
const OWN_JSON = /^\s*\{\s*"companies"\s*:\s*\[/;
const isOwnScoreResult = (data: unknown) => typeof data === 'object' && data !== null && 'maturity' in data && 'scoring' in data && 'respondent' in data && !('answers' in data);

interface Setup {
  q: Questionnaire;
  profile: Profile;
  targets: TargetsDef;
}
interface Extras {
  /** The consistency checks of the questionnaire (validate's and the report's). */
  checks: CheckSet[];
  rules?: RuleSet;
  note?: string;
  sectors: CompiledSectorPack[];
  readiness: ReadinessProfile[];
  /** For --reports: what a report needs besides the plant. */
  report?: Awaited<ReturnType<typeof reportContext>>;
}

/** Scores the inputs handed to one worker thread (or a small batch's, on the main thread). Definitions are loaded once and cached. */
export class Processor {
  private readonly defs: Definitions;
  private setup?: Promise<Setup>;
  private readonly extras = new Map<Questionnaire, Promise<Extras>>();
  /** Per questionnaire, the questions this worker has seen answered (each is sent once, in UnitPart.covered). */
  private readonly covered = new WeakMap<Questionnaire, Set<string>>();
  /** Per indicator, the questions it reads (its inputs and flags), listed once. */
  private readonly indicatorInputs = new WeakMap<object, readonly string[]>();

  /** `defs`: definitions already loaded (a batch scored on the main thread); a worker loads its own. */
  constructor(
    private readonly opts: ProcessOptions,
    defs?: Definitions,
  ) {
    this.defs = defs ?? new Definitions(opts.limits);
  }

  /**
   * The questions whose answers the programme office never reads (`confidential` in the questionnaire), with their
   * texts: a problem with one names the question, never the value.
   */
  private confidentialIds = new Map<string, Question>();

  private init() {
    this.setup ??= (async () => {
      const q = await this.defs.questionnaire(this.opts.questionnaire);
      this.confidentialIds = confidentialQuestions(q.questions);
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
        const checks = await this.defs.checksFor(q);
        if (this.opts.reports) {
          const report = await reportContext(this.defs, q);
          return { checks, ...(report.rules ? { rules: report.rules } : {}), ...(report.note ? { note: report.note } : {}), sectors: report.sectors, readiness: report.readiness, report };
        }
        const { rules, note } = await rulesFor(this.defs, q);
        const [readiness, sectors] = await Promise.all([this.opts.layout.readiness?.length ? readinessFor(this.defs, q) : [], rules ? sectorsFor(this.defs, q) : []]);
        return { checks, ...(rules ? { rules } : {}), ...(note ? { note } : {}), sectors, readiness };
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
      emit({ companies: [], rejected: [rejectedOf([diag(unit.code ?? 'input.unsupported', unit.shown, { line: 1, column: 1 }, unit.args ?? {})], { file: unit.shown }, this.opts)], notes: [] });
      return;
    }
    if (unit.kind === 'answer') {
      emit(partOf(await this.answerFile(unit)));
      return;
    }
    await this.table(unit, emit);
  }

  private async answerFile(unit: Unit): Promise<PartDraft> {
    const part: PartDraft = { companies: [], rejected: [], notes: [] };
    const { limits } = this.opts;
    const read = readTextSync(unit.path, unit.shown, limits);
    if (!read.ok) {
      part.rejected.push(rejectedOf(read.diagnostics, { file: unit.shown }, this.opts));
      return part;
    }
    const json = path.extname(unit.path).toLowerCase() === '.json';
    if (json && OWN_JSON.test(read.text.slice(0, 200))) return { ...part, ownOutput: true };
    const parsed = parseQuick(read.text, unit.shown, { json, limits });
    if (!parsed.ok) {
      // whose file it is, when its text names the company (the office then knows whom to ask)
      const company = companyNamedIn(read.text);
      let rej = rejectedOf(parsed.diagnostics, { file: unit.shown, ...(company ? { company } : {}) }, this.opts);
      if (this.opts.anonymize && company) rej = this.scrubRejected(rej, { respondent: { company } });
      part.rejected.push(rej);
      return part;
    }
    if (json && isOwnScoreResult(parsed.source.data)) return { ...part, ownOutput: true };
    // Warnings of an answer file are only counted: resolve without locating them (finding a position re-parses
    // the whole text with the `yaml` package); a file with an error is read again and resolved with true positions.
    const again = () => {
      const p = parseQuick(read.text, unit.shown, { json, limits });
      return p.ok ? p.source : parsed.source;
    };
    await this.scoreSource(parsed.source, { file: unit.shown }, part, undefined, again);
    return part;
  }

  private async table(unit: Unit, emit: (part: UnitPart) => void): Promise<void> {
    const { q } = await this.init();
    const { lang } = this.opts;
    let part: PartDraft = { companies: [], rejected: [], notes: [] };
    const flush = () => {
      if (part.companies.length || part.rejected.length || part.notes.length || part.problems?.length || part.ownOutput) emit(partOf(part));
      part = { companies: [], rejected: [], notes: [] };
    };
    const events = readTableInput(unit.path, unit.shown, unit.kind as 'csv' | 'xlsx', {
      q,
      defaultQuestionnaire: q.def.id,
      ...(this.opts.map ? { map: this.opts.map } : {}),
      limits: this.opts.tableLimits,
      // a sheet's name may be a company's: pseudonymised with the rest (FILE[SHEET]'s file part is, in run.ts)
      ...(this.opts.anonymize ? { sheetName: (sheet: string) => pseudonym('sheet', sheet, lang, this.opts.anonKey) } : {}),
    });
    for await (const ev of events) {
      if (ev.type === 'own-output') part.ownOutput = true;
      else if (ev.type === 'warning') {
        part.notes.push(...ev.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${diagnosticText(this.opts.anonymize ? withoutFileText(d) : d, lang, this.opts.cmd)}`));
        for (const d of ev.diagnostics) if (SHEET_NOT_READ_CODES.has(d.code)) (part.sheetsNotRead ??= []).push(sheetLabel(d.file, String(d.args?.sheet ?? '')));
      }
      else if (ev.type === 'reject') {
        let rej = rejectedOf(ev.diagnostics, { file: ev.file ?? unit.shown, ...(ev.row !== undefined ? { row: ev.row } : {}), ...(ev.company !== undefined ? { company: ev.company } : {}) }, this.opts);
        if (this.opts.anonymize && ev.company) rej = this.scrubRejected(rej, { respondent: { company: ev.company } });
        part.rejected.push(rej);
      } else {
        try {
          await this.scoreSource(ev.source, { file: ev.file ?? unit.shown, ...(ev.row !== undefined ? { row: ev.row } : {}) }, part, ev.sheetOf);
        } catch (e) {
          // A row that breaks the scorer must not stop the table.
          const company = companyOf(ev.source.data);
          part.rejected.push({ file: ev.file ?? unit.shown, ...(ev.row !== undefined ? { row: ev.row } : {}), ...(company && !this.opts.anonymize ? { company } : {}), line: ev.line, column: 1, message: formatMessage('table.row-failed', { detail: (e as Error).message }, lang), problems: [] });
        }
      }
      if (part.companies.length + part.rejected.length + (part.problems?.length ?? 0) >= 200) flush();
    }
    flush();
  }

  /** A problem with one cell (or answer), located at its table cell when the source is a table row. */
  private cellProblem(problem: Diagnostic, source: Source, where: { file: string; row?: number }, company: string | undefined, action: CellProblem['action']): CellProblem {
    const { lang, anonymize } = this.opts;
    const d = shielded(problem, this.confidentialIds);
    let value = d === problem && isRowSource(source) ? source.cellAt(d.path)?.value : undefined;
    let shownCompany = company;
    // names, codes and sites never reach the problems list: their cells are left out, and messages scrubbed
    const names = anonymize ? this.identityNames(source.data) : undefined;
    if (names) {
      if (value !== undefined) value = d.path?.[0] === 'respondent' ? undefined : scrubText(value, names);
      shownCompany = company === undefined ? undefined : (names.get(company) ?? pseudonym('company', company, lang, this.opts.anonKey));
    }
    const p = cellProblemOf(d, source, where, shownCompany, action, this.opts, value);
    return names ? { ...p, message: scrubText(p.message, names) } : p;
  }

  /** The names, codes and sites of a row with their pseudonyms (for --anonymize). */
  private identityNames(data: unknown): Map<string, string> {
    const rp = (data as { respondent?: Record<string, unknown> } | null)?.respondent;
    const map = new Map<string, string>();
    if (!rp || typeof rp !== 'object') return map;
    const { lang, anonKey } = this.opts;
    const add = (kind: 'company' | 'site' | 'code', v: unknown) => typeof v === 'string' && v.trim() && map.set(v, pseudonym(kind, v, lang, anonKey));
    add('company', rp.company);
    add('site', rp.site);
    add('code', rp.credit_code);
    return map;
  }

  /**
   * Resolve a source whose warnings need no position (they are only counted): positions are not looked up. When
   * an error is found, `reread` gives a fresh source of the same text (resolving mutates the data), resolved again
   * with positions, so that every problem reported is located exactly as before.
   */
  private async resolveUnlocated(source: Source, reread: () => Source): Promise<{ source: Source; loaded: Awaited<ReturnType<typeof resolveSource>> }> {
    const unlocated: Source = { file: source.file, data: source.data, locate: () => NOWHERE };
    const loaded = await resolveSource(unlocated, this.defs, this.opts.questionnaire);
    if (!loaded.diagnostics.some((d) => d.severity === 'error')) return { source, loaded: 'source' in loaded ? { ...loaded, source } : loaded };
    const fresh = reread();
    return { source: fresh, loaded: await resolveSource(fresh, this.defs, this.opts.questionnaire) };
  }

  private async scoreSource(
    input: Source,
    where: { file: string; row?: number },
    part: PartDraft,
    sheetOf?: (p: readonly (string | number)[] | undefined) => string,
    reread?: () => Source,
  ): Promise<void> {
    const { q: defaultQ, profile, targets } = await this.init();
    const { lang, layout } = this.opts;
    let source = input;
    const company = companyOf(source.data);
    const problems: CellProblem[] = [];
    let loaded: Awaited<ReturnType<typeof resolveSource>>;
    // A row is resolved as --dry-run reads it (row-check.ts): a cell the table reader already explained (an ambiguous
    // date) is rejected or blanked with that explanation, not as "not a date", and not listed again as a warning
    // kept; with --on-bad-cell blank, every bad cell of the row is left unanswered (while the row can still be
    // scored) and listed.
    let rowWarnings: Diagnostic[] = [];
    let blanked = 0;
    if (isRowSource(source)) {
      const row = source;
      const checked = await resolveRow(row, this.defs, this.opts, (d) => problems.push(this.cellProblem(d, row, where, company, 'blanked')));
      loaded = checked.loaded;
      rowWarnings = checked.warnings;
      blanked = checked.blanked.length;
    } else if (reread) ({ source, loaded } = await this.resolveUnlocated(source, reread));
    else loaded = await resolveSource(source, this.defs, this.opts.questionnaire);
    // pushed, not map()ped: lists read further down keep one elements kind (see core/result.ts, `packed`)
    let ds: Diagnostic[] = [];
    for (const d of loaded.diagnostics) ds.push(shielded(d, this.confidentialIds));
    if (sheetOf) ds = ds.map((d) => ({ ...d, file: `${d.file}[${sheetOf(d.path)}]` }));
    if (!('answers' in loaded) || !loaded.answers) {
      const firstErr = sortDiagnostics(loaded.diagnostics.filter((d) => d.severity === 'error'))[0];
      const headerOf = isRowSource(source) ? (p: Diagnostic['path']) => source.cellAt(p)?.header : undefined;
      let rej = rejectedOf(ds, { ...where, ...(company !== undefined ? { company } : {}), ...(sheetOf && firstErr ? { sheet: sheetOf(firstErr.path) } : {}) }, this.opts, headerOf);
      if (this.opts.anonymize) rej = this.scrubRejected(rej, source.data);
      part.rejected.push(rej);
      if (isRowSource(source)) {
        part.problems ??= [];
        part.problems.push(...problems, ...loaded.diagnostics.filter((d) => d.severity === 'error').map((d) => this.cellProblem(d, source, where, company, 'rejected')));
      }
      return;
    }
    const answers = loaded.answers;
    const q = loaded.questionnaire;
    // Plausible ranges from the questionnaire (one rule, the checks' own): outside is a warning, never an error.
    const implausibleIds = new Set<string>();
    const implausibleAll = implausibleAnswers(q, answers);
    for (const { question } of implausibleAll) implausibleIds.add(question.id);
    const implausible = implausibleWarnings(implausibleAll, source);
    // the contradictions between answers: warnings, counted and listed (row-check.ts, contradictions)
    const extras = await this.extrasFor(q);
    const tgt = q === defaultQ ? targets : await this.defs.targets(this.opts.targets);
    const result = buildResult(q, answers, profile, tgt);
    const contradicted = contradictions(extras.checks, q, answers, source, result.indicators);
    // an implausible value stays in the company row but counts in no regional figure: said so, not just "kept"
    const outOfRange = new Set(implausible);
    for (const d of [...rowWarnings, ...implausible, ...contradicted]) problems.push(this.cellProblem(d, source, where, company, outOfRange.has(d) ? 'excluded' : 'kept'));
    if (problems.length) {
      part.problems ??= [];
      part.problems.push(...problems);
    }
    let recommendations: string[] = [];
    let report: Scored['report'];
    if (extras.rules) {
      try {
        let recs: Recommendation[];
        if (this.opts.reports) {
          const { note: _note, ...context } = extras.report!;
          const r = await companyReport({ q, answers, result, where }, context, { profile, targets: tgt }, this.opts);
          report = r.report;
          recs = r.recommendations;
        } else recs = recommend({ questionnaire: q, result, answers, rules: extras.rules, sectors: extras.sectors, overrides: answers.file.overrides, planOnly: true }).recommendations;
        // The first three projects of the plan (by phase, then priority) that the programme office may see.
        recommendations = officeTopProjects(recs, 3).map((r) => r.title[lang]);
      } catch (e) {
        // A rule that fails on one plant must not lose the plant: score it, say so in the notes.
        part.notes.push(`${where.file}${where.row !== undefined ? `:${where.row}` : ''}: recommendations failed: ${(e as Error).message}`);
      }
    }
    if (this.opts.reports && !report) report = jsonReport(result, where, this.opts);
    const groupBy = this.opts.groupBy;
    let group: string | undefined;
    if (groupBy && !isRespondentGroupField(groupBy)) {
      const r = answers.resolved.get(groupBy);
      const v = r?.status === 'answered' ? r.value : r?.status === 'unknown' ? 'unknown' : r?.status === 'na' ? 'n/a' : undefined;
      if (v !== undefined && v !== null) group = Array.isArray(v) ? v.join(';') : String(v);
    }
    // Indicators without a value because an input was answered 不清楚 (they count in the denominator of a share),
    // and indicators with an input outside its plausible range (left out of the regional figures).
    const unknown = new Set<string>();
    const excluded = new Set<string>();
    const isUnknown = (ids: readonly string[]) => ids.some((id) => answers.resolved.get(id)?.status === 'unknown');
    const inputsOf = (ind: (typeof q.indicators)[number]): readonly string[] => {
      let inputs = this.indicatorInputs.get(ind);
      if (!inputs) this.indicatorInputs.set(ind, (inputs = [...ind.refs, ...ind.flags.flatMap((f) => f[2])]));
      return inputs;
    };
    for (const ind of q.indicators) {
      const res = result.indicators.find((i) => i.id === ind.def.id);
      if (!res) continue;
      const missing = ind.def.id === 'design-tool-penetration' ? usesDesignTools(res) === null : res.value === null;
      if (missing && isUnknown(inputsOf(ind))) unknown.add(ind.def.id);
      if (implausibleIds.size && inputsOf(ind).some((id) => implausibleIds.has(id))) excluded.add(ind.def.id);
    }
    // Once every question of the questionnaire has been seen answered, there is nothing more to report.
    let covered = this.covered.get(q);
    if (!covered) this.covered.set(q, (covered = new Set()));
    if (covered.size < answers.resolved.size) {
      // Only a question the file answers can be answered: its keys, not every question of the questionnaire.
      const newlyCovered: string[] = [];
      for (const id of Object.keys(answers.file.answers ?? {})) {
        const r = answers.resolved.get(id);
        if (r !== undefined && r.status !== 'unanswered' && !covered.has(id)) {
          covered.add(id);
          newlyCovered.push(id);
        }
      }
      if (newlyCovered.length) (part.covered ??= []).push(...newlyCovered);
    }
    const time = isRowSource(source) ? source.time : undefined;
    const record = recordFromResult(headlineJson(result), where, {
      ...(group !== undefined ? { group } : {}),
      recommendations,
      warnings: ds.filter((d) => d.severity === 'warning').length + rowWarnings.length + implausible.length + contradicted.length,
      ...(time ? { time } : {}),
      ratios: this.ratios,
      unknown,
      excluded,
      coverage: answeredParts(result),
    });
    if (blanked) record.blanked = blanked;
    if (this.opts.includeAnswers) {
      // the programme office never reads a confidential answer, also not when it asks for the answers
      const given = rawAnswers(answers.resolved);
      for (const id of this.confidentialIds.keys()) delete given[id];
      record.answers = given;
    }
    // an implausible figure counts in nothing the plan adds up
    const num = (id: string) => {
      const r = answers.resolved.get(id);
      return r?.status === 'answered' && typeof r.value === 'number' && !implausibleIds.has(id) ? r.value : null;
    };
    const ready = layout.readiness?.map((id) => {
      const prof = extras.readiness.find((p) => p.def.id === id);
      if (!prof) return null;
      // a candidate, known not to be one, or undetermined (the answers do not decide its criteria: readiness.ts)
      return readinessVerdict(prof, q, result, answers);
    });
    const provisional = result.maturity.provisional;
    const resp = answers.file.respondent;
    const keys = plantKeys(resp);
    const scored: Scored = {
      line: jsonLineBytes(companyJson(record)),
      agg: packAggregate(layout, aggregateOf(record, layout, this.opts.groupBy, { provisional, assessed: !isSelfAssessment(resp), ...(layout.facts ? { facts: layout.facts.map(num) } : {}), ...(ready ? { ready } : {}) })),
      date: dateKey(resp.date, time),
      keys,
    };
    if (report) scored.report = report;
    if (this.opts.anonymize) scored.quasi = quasiIdentifier(record);
    if (coversSomeSections(answers.file.progress?.sections, answers.file.answers, q)) scored.partial = true;
    part.companies.push(scored);
  }

  private ratiosCache?: Map<string, readonly [string, string]>;
  /** Indicator id → its ratio's question ids, from the layout. */
  private get ratios(): Map<string, readonly [string, string]> {
    this.ratiosCache ??= new Map(this.opts.layout.indicators.filter((i) => i.ratio).map((i) => [i.id, i.ratio!]));
    return this.ratiosCache;
  }

  /** With --anonymize, a rejected row's messages must not carry the names and codes it was rejected with. */
  private scrubRejected(r: Rejected, data: unknown): Rejected {
    const { lang, anonKey } = this.opts;
    const map = this.identityNames(data);
    if (map.size === 0) return r;
    const company = r.company !== undefined ? (map.get(r.company) ?? pseudonym('company', r.company, lang, anonKey)) : undefined;
    return { ...r, ...(company !== undefined ? { company } : {}), message: scrubText(r.message, map), problems: r.problems.map((p) => ({ ...p, message: scrubText(p.message, map) })) };
  }
}

/** The ids of the sections and sub-domains with a scored question answered (the others' cells are left blank). */
function answeredParts(result: ScoreResult): { sections: Set<string>; subdomains: Set<string> } {
  const sections = new Set<string>();
  const subdomains = new Set<string>();
  for (const s of result.sections) if (s.answered) sections.add(s.id);
  for (const s of result.subdomains) if (s.answered) subdomains.add(s.id);
  return { sections, subdomains };
}

/**
 * A file whose interview covered only some of the questionnaire's sections: `assess --sections` wrote which
 * (`progress.sections`), and no question outside them is answered (a complete file reopened to correct one section
 * keeps its other answers, and is not a part).
 */
function coversSomeSections(sections: readonly string[] | undefined, given: Record<string, unknown> | null | undefined, q: Questionnaire): boolean {
  if (!Array.isArray(sections) || sections.length === 0 || !q.def.sections.some((s) => !sections.includes(s.id))) return false;
  return !q.def.sections.some((s) => !sections.includes(s.id) && s.questions.some((x) => given?.[x.id] !== undefined));
}

/**
 * A warning about a table's rows without the text it quotes from the file (a divider's heading, a note under the table
 * such as 填表人：…): under --anonymize no text of the file reaches the notes, which name the row instead.
 */
function withoutFileText(d: Diagnostic): Diagnostic {
  return d.args && typeof d.args.text === 'string' ? { ...d, args: { ...d.args, text: '…' } } : d;
}
