/**
 * How batch reads one table row before scoring it, the one rule a run and `batch --dry-run` share: resolve the row
 * as an answer file, put the table reader's own explanation in place of the error of a cell it explained, and with
 * --on-bad-cell blank leave every bad cell unanswered while the row can still be scored. Also how a problem with a
 * cell reads in the problems list, and which answers a run leaves out of the regional figures as implausible.
 */
import { showNumber, showPercent } from '../../core/answer-display.js';
import { confirmationOf, findingDiagnostics, isConfidentialFinding, plausibleRangeText, runChecks, type CheckSet, type ImplausibleAnswer } from '../../core/checks.js';
import type { Answers } from '../../core/answers.js';
import type { IndicatorResult } from '../../core/indicators.js';
import type { Questionnaire } from '../../core/questionnaire.js';
import { diag, type Diagnostic } from '../../core/diagnostics.js';
import type { Question } from '../../core/types.js';
import { questionNamed } from '../../core/answer-words.js';
import type { Source } from '../../core/source.js';
import { resolveSource, type LoadedAnswers } from '../../io/answer-file.js';
import type { Definitions } from '../../io/definitions.js';
import { columnLetter } from '../../io/tables/cells.js';
import type { RowSource } from '../../io/tables/row-source.js';
import { problemText, type CellProblem, type Wording } from './parts.js';
import { blankPath } from './source-data.js';

export const isRowSource = (s: Source): s is RowSource => typeof (s as RowSource).cellAt === 'function';

export type Resolved = LoadedAnswers | { diagnostics: Diagnostic[] };

/** A table row resolved as a run scores it. */
export interface CheckedRow {
  loaded: Resolved;
  /** The cells left unanswered (--on-bad-cell blank): the error of each, once per cell, in the order they were met. */
  blanked: Diagnostic[];
  /**
   * The table reader's warnings about the row's cells (0.6 in a column in percent…) that a run lists as kept: those
   * that do not stand in for an error of their cell (said once, as that error).
   */
  warnings: Diagnostic[];
}

/**
 * Resolve a table row as batch does. With `blank`, every error that has a cell to blank (an answer, an optional
 * respondent field) is left unanswered and the row resolved again — until none is left, or one cannot be blanked
 * (the row is then rejected with what remains). `onBlank` is told of each cell before it is blanked.
 */
export async function resolveRow(source: RowSource, defs: Definitions, opts: { questionnaire?: string | undefined; onBadCell?: 'reject' | 'blank' | undefined }, onBlank?: (d: Diagnostic) => void): Promise<CheckedRow> {
  const explained = new Set<Diagnostic>();
  const resolve = async () => {
    const r = await resolveSource(source, defs, opts.questionnaire);
    return { ...r, diagnostics: explainedByCell(r.diagnostics, source.cellWarnings, explained) } as Resolved;
  };
  let loaded = await resolve();
  const blanked: Diagnostic[] = [];
  const warnings = () => source.cellWarnings.filter((w) => !explained.has(w));
  if (opts.onBadCell !== 'blank') return { loaded, blanked, warnings: warnings() };
  const done = new Set<string>();
  for (let pass = 0; pass < 5; pass++) {
    const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
    if (errors.length === 0) break;
    const paths = errors.map(blankPath);
    if (paths.some((p) => p === undefined)) break;
    const data = source.data as Record<string, Record<string, unknown> | undefined>;
    for (const [i, d] of errors.entries()) {
      const [section, key] = paths[i]!;
      // resolving may have dropped the bad value from the data already (a respondent field): blank either way
      if (done.has(`${section}.${key}`)) continue;
      done.add(`${section}.${key}`);
      blanked.push(d);
      // (told before the cell goes: its company's names and codes are still in the row, for --anonymize)
      onBlank?.(d);
      if (data[section] && key in data[section]!) delete data[section]![key];
    }
    loaded = await resolve();
  }
  return { loaded, blanked, warnings: warnings() };
}

/** Cell warnings of the table reader that explain why the value of their cell is invalid. */
const EXPLAINING = new Set<string>(['table.date-ambiguous']);

/**
 * The diagnostics with each error on a cell that the table reader explained (`EXPLAINING`) replaced by that
 * explanation as an error; the warnings used are added to `used` (they are not listed again).
 */
export function explainedByCell(ds: readonly Diagnostic[], cellWarnings: readonly Diagnostic[], used: Set<Diagnostic>): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const d of ds) {
    const why = d.severity === 'error' && d.path ? cellWarnings.find((w) => EXPLAINING.has(w.code) && w.path?.join('.') === d.path!.join('.')) : undefined;
    if (why) used.add(why);
    out.push(why ? { ...why, severity: 'error' } : d);
  }
  return out;
}

/**
 * A problem with a confidential answer, as the programme office may read it: which question, not the value or the
 * message that quotes it (the batch's outputs are the office's).
 */
export function shielded(d: Diagnostic, confidential: ReadonlyMap<string, Question>): Diagnostic {
  const id = d.path?.[0] === 'answers' ? d.path[1] : undefined;
  const question = typeof id === 'string' ? confidential.get(id) : undefined;
  // the question by its text with its id, as every other per-answer message names it
  return question ? { ...d, code: 'batch.confidential-problem', args: questionNamed(question) } : d;
}

/** The confidential questions of a questionnaire by id (what `shielded` names them by). */
export const confidentialQuestions = (questions: readonly Question[]): Map<string, Question> => new Map(questions.filter((x) => x.confidential).map((x) => [x.id, x]));

/** A problem with one cell (or answer) as the problems list has it, located at its table cell when the source is a table row. */
export function cellProblemOf(d: Diagnostic, source: Source, where: { file: string; row?: number }, company: string | undefined, action: CellProblem['action'], say: Wording, value: string | undefined): CellProblem {
  const cell = isRowSource(source) ? source.cellAt(d.path) : undefined;
  return {
    file: where.file,
    ...(where.row !== undefined ? { row: where.row } : {}),
    line: d.line,
    column: cell?.column ?? d.column,
    ...(cell ? { cell: `${columnLetter(cell.column)}${d.line}`, header: cell.header, ...(value !== undefined ? { value } : {}) } : {}),
    ...(company !== undefined ? { company } : {}),
    severity: d.severity,
    code: d.code,
    message: problemText(d, say, isRowSource(source), cell?.header),
    action,
  };
}

/**
 * The answers outside their question's plausible range (implausibleAnswers), as the warnings the problems list shows
 * (a run keeps them in the company row and leaves them out of every regional figure). A confidential answer is left
 * out of the figures like any other, but not listed: its value is not the programme office's.
 */
export function implausibleWarnings(found: readonly ImplausibleAnswer[], source: Source): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const { question, value } of found) {
    if (question.confidential) continue;
    const id = question.id;
    // the range as validate and the reports word it (in the question's unit, percentages as per cent)
    const range = plausibleRangeText(question)!;
    out.push(diag('batch.implausible', source.file, source.locate(['answers', id]), { question_zh: question.text.zh, question_en: question.text.en, value: question.type === 'percent' ? showPercent(value) : showNumber(value), range_zh: range.zh, range_en: range.en }, 'warning', ['answers', id]));
  }
  return out;
}

/**
 * The consistency checks of validate and report over one plant's answers, as a run lists them: each contradiction
 * between answers a warning, the row kept; one that names a confidential answer left out, as the programme office
 * sees neither. `indicators` are the plant's (the checks read `indicator(…)`).
 */
export function contradictions(checks: readonly CheckSet[], q: Questionnaire, answers: Answers, source: Source, indicators: readonly IndicatorResult[]): Diagnostic[] {
  // (a finding the assessor confirmed is no contradiction: not listed)
  const findings = runChecks(checks, q, answers, { source, indicators }).filter((f) => !isConfidentialFinding(q, f) && (!answers.file.confirmed || confirmationOf(answers.file, f) === undefined));
  return findingDiagnostics(findings, source.file);
}
