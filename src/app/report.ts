import path from 'node:path';
import { InputError, diag } from '../core/diagnostics.js';
import type { Profile } from '../core/profile.js';
import { profileFits } from '../core/profile-comparison.js';
import type { ScoreResult } from '../core/result.js';
import type { RuleSet } from '../core/rules-def.js';
import type { ReadinessProfile } from '../core/readiness-def.js';
import type { Questionnaire } from '../core/questionnaire.js';
import { DEFAULTS, type Definitions } from '../io/definitions.js';
import { displayPath } from '../io/paths.js';
import { stringifyJson } from '../messages/safe-text.js';
import { TemplateError, type ReportLang } from '../report/handlebars-env.js';
import type { Audience } from '../report/model.js';
import { buildReportData, reportJson, type ReportData } from '../report/report-data.js';
import { UsageError } from './errors.js';
import type { Plant } from './plant.js';
import { scoringSetup, type ScoringRequest } from './score.js';
import { sectorsFor } from './sectors.js';

export type ReportFormat = 'md' | 'html' | 'docx' | 'json';
export const REPORT_FORMATS: readonly ReportFormat[] = ['md', 'html', 'docx', 'json'];

const BY_EXTENSION: Record<string, ReportFormat> = { '.md': 'md', '.markdown': 'md', '.html': 'html', '.htm': 'html', '.docx': 'docx', '.json': 'json' };

/**
 * The one place that decides a report's format: --format when given, else the extension of -o, else Markdown.
 * A --format that contradicts the extension of -o is a usage error; so is DOCX to standard output.
 */
export function decideReportFormat(format: string | undefined, output: string | undefined, allowed: readonly ReportFormat[] = REPORT_FORMATS): ReportFormat {
  const toFile = output !== undefined && output !== '-';
  const ext = toFile ? path.extname(output).toLowerCase() : '';
  const fromExt = BY_EXTENSION[ext];
  let chosen: ReportFormat;
  if (format !== undefined) {
    if (!(allowed as readonly string[]).includes(format)) throw new UsageError('cli.format-unknown', { format, allowed: allowed.join(', ') });
    chosen = format as ReportFormat;
    if (fromExt !== undefined && fromExt !== chosen && allowed.includes(fromExt)) throw new UsageError('cli.format-contradicts-output', { format, output: displayPath(output!), implied: fromExt });
  } else if (toFile && ext !== '' && fromExt === undefined) {
    // report.pdf must not quietly become Markdown under a PDF name.
    throw new UsageError('cli.output-extension-unknown', { output: displayPath(output!), ext, allowed: allowed.join(', ') });
  } else chosen = fromExt !== undefined && allowed.includes(fromExt) ? fromExt : 'md';
  if (chosen === 'docx' && !toFile) throw new UsageError('cli.docx-needs-output');
  return chosen;
}

/** Recommendation rules for a questionnaire: asked for by name they must fit; the bundled default only fits the bundled questionnaire. */
export async function rulesFor(defs: Definitions, q: Questionnaire, requested?: string): Promise<{ rules?: RuleSet; note?: string }> {
  if (requested !== undefined) return { rules: await defs.rules(requested, q) };
  // The bundled rules are written for the bundled questionnaire; compiling them against another one only
  // produces (slowly) a list of unknown ids.
  if (q.def.id !== DEFAULTS.questionnaire) return { note: `the bundled recommendation rules are written for questionnaire ${DEFAULTS.questionnaire}, not ${q.def.id}` };
  try {
    return { rules: await defs.rules(DEFAULTS.rules, q) };
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return { note: `${e.diagnostics.length} problem(s) in the recommendation rules, first: ${e.diagnostics[0]?.code}` };
  }
}

/** The readiness profiles that fit a questionnaire (one that does not is left out). */
export async function readinessFor(defs: Definitions, q: Questionnaire): Promise<ReadinessProfile[]> {
  const out: ReadinessProfile[] = [];
  for (const id of DEFAULTS.readiness) {
    try {
      out.push(await defs.readiness(id, q));
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
    }
  }
  return out;
}

export interface ReportRequest {
  audience: Audience;
  /** The rules named on the command line (--rules), if any. */
  rules?: string | undefined;
  /** Who made the report, for its cover ("zhizao 0.2.0"). */
  tool: string;
  /** The scoring the result came from (--profile, --targets): the plan's projections re-score with it. */
  scoring?: ScoringRequest | undefined;
}


/**
 * The bundled scoring profiles that fit a questionnaire: a report states the plant's level under the others too
 * (the level depends on the scheme's weights, core/profile-comparison.ts).
 */
async function profilesFor(defs: Definitions, q: Questionnaire): Promise<Profile[]> {
  const out: Profile[] = [];
  for (const id of await defs.bundledIds('scoring-profile')) {
    try {
      const profile = await defs.profile(id);
      if (profileFits(profile, q)) out.push(profile);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
    }
  }
  return out;
}

/** What every report of a questionnaire needs besides the plant: rules, sector packs, readiness profiles, wording, policy, benchmark, scoring profiles. */
export async function reportContext(defs: Definitions, q: Questionnaire, requestedRules?: string) {
  const [{ rules, note }, sectors, readiness, wording, policy, benchmark, profiles] = await Promise.all([rulesFor(defs, q, requestedRules), sectorsFor(defs, q), readinessFor(defs, q), defs.wording(), defs.policy(), defs.benchmark(), profilesFor(defs, q)]);
  return { rules, note, sectors, readiness, wording, policy, benchmark, profiles };
}

/** Everything a report needs from a scored plant: the phased plan with its projections, readiness, the template model. */
export async function prepareReport(defs: Definitions, plant: Plant, result: ScoreResult, req: ReportRequest): Promise<ReportData & { note?: string }> {
  const [{ note, ...context }, scoring] = await Promise.all([reportContext(defs, plant.questionnaire, req.rules), scoringSetup(defs, plant.questionnaire, req.scoring)]);
  const data = buildReportData({ questionnaire: plant.questionnaire, answers: plant.answers, result, ...context, scoring, audience: req.audience, tool: req.tool });
  return note ? { ...data, note } : data;
}

export interface RenderRequest {
  lang: ReportLang;
  /** A user's own Handlebars template text (--template) and where it came from. */
  template?: { text: string; file: string } | undefined;
}

/** Render a prepared report in one format. A broken user template is an input error located in that file. */
export async function renderReport(data: ReportData, format: ReportFormat, req: RenderRequest): Promise<string | Uint8Array> {
  const template = req.template?.text;
  try {
    switch (format) {
      case 'json':
        return stringifyJson(reportJson(data, data.model.meta.audience)) + '\n';
      case 'md':
        return (await import('../report/render.js')).renderMarkdown(data.model, { lang: req.lang, ...(template ? { template } : {}) });
      case 'html':
        return (await import('../report/html.js')).renderHtml(data, { lang: req.lang, ...(template ? { template } : {}) });
      case 'docx':
        return (await import('../report/docx.js')).renderDocx(data, { lang: req.lang });
    }
  } catch (e) {
    if (e instanceof TemplateError && req.template) {
      const where = { line: e.line, column: e.column };
      throw new InputError([e.rule ? diag(e.rule.code, displayPath(req.template.file), where, e.rule.args ?? {}) : diag('template.invalid', displayPath(req.template.file), where, { detail: e.message })]);
    }
    throw e;
  }
}
