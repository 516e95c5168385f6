/**
 * What crosses between the batch's main thread and its workers: the units of work, what each yields (scored
 * companies, rejected inputs, cell problems) and the options a worker scores with. Plain data.
 */
import type { PackedAggregate, SummaryLayout } from '../../core/batch/aggregate.js';
import { sortDiagnostics, type Diagnostic } from '../../core/diagnostics.js';
import type { Limits } from '../../core/source.js';
import type { Lang } from '../../core/types.js';
import type { SurveyMap } from '../../io/tables/columns.js';
import type { TableLimits } from '../../io/tables/limits.js';
import { guessRespondent } from '../../io/tables/map-init.js';
import { bilingual, diagnosticText, formatMessage, type MessageCode } from '../../messages/catalogue.js';
import { jsonLine } from '../../messages/safe-text.js';

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
  /** The company the input or row names, when it names one. */
  company?: string;
  sheet?: string;
  line: number;
  column: number;
  message: string;
  problems: Problem[];
}
/** One cell (or answer) the batch had something to say about: blanked, kept with a warning, or why its row was rejected. */
export interface CellProblem {
  file: string;
  row?: number;
  line: number;
  column: number;
  /** The spreadsheet cell (P4), for table rows. */
  cell?: string;
  header?: string;
  value?: string;
  company?: string;
  severity: 'error' | 'warning';
  code: MessageCode;
  message: string;
  /** What the batch did: left the cell unanswered, kept it, or rejected the row. */
  /** `excluded`: an implausible value, kept in its company row and left out of every regional figure. */
  action: 'blanked' | 'kept' | 'excluded' | 'rejected';
}
export interface Scored {
  /**
   * The per-company record, serialised in the worker (the spool line; JSON.stringify runs in parallel) as UTF-8 in
   * a buffer of its own, moved to the main thread: as a string (≈ 3.4 KB in V8's two-byte form) it was the bulk of
   * what the main thread's heap received per company, and the lines waiting in the pool's reorder buffer survived
   * its scavenges — enough over a long batch for V8 to double the main thread's young generation (docs/performance.md).
   * Made safe to show here (jsonLineBytes), so that a JSON output copies it as it is.
   */
  line: Uint8Array;
  /** The small figures the summary needs, packed (aggregate.ts packAggregate). */
  agg: PackedAggregate;
  keys?: { code?: string; name?: string };
  date: number;
  report?: { content: string | Uint8Array; ext: string; base: string };
  /** The answer file covers only some sections (`progress.sections`, written by `assess --sections`). */
  partial?: true;
  /** With --anonymize: the fields the anonymised row keeps, as one key (anonymize.ts quasiIdentifier). */
  quasi?: string;
}
/**
 * Items serialised where they are made, in the form the spool and the JSON output hold them: one JSON text per line,
 * made safe to show (safeJsonText), as UTF-8, each line ending in a newline. The main thread spools the bytes and
 * copies them into a JSON output as they are: a full answer file has about ten problems, which as objects were
 * cloned into the main thread, stringified into the spool, and parsed and stringified again for the output.
 */
export interface JsonLines {
  count: number;
  bytes: Uint8Array;
}
const utf8 = new TextEncoder();
/** One value as it stands in the spool and a JSON output: JSON safe to show (safeJsonText) as UTF-8, without a newline. */
export const jsonLineBytes = (value: unknown): Uint8Array => utf8.encode(jsonLine(value));
/** `items` as JsonLines. */
export function jsonLines(items: readonly unknown[]): JsonLines {
  let text = '';
  for (const item of items) text += `${jsonLine(item)}\n`;
  return { count: items.length, bytes: utf8.encode(text) };
}

export interface UnitPart {
  companies: Scored[];
  rejected: Rejected[];
  /** Cell-level problems (blanked cells, implausible values, cells of rejected rows). */
  problems?: JsonLines;
  /** Of those, the cells left unanswered (--on-bad-cell blank), each with its row: what stderr says of them. */
  blanked?: { file: string; row: number; cell?: string; company?: string }[];
  /** The input is a results file zhizao wrote: skipped. */
  ownOutput?: boolean;
  /** Questions answered (不清楚 and 不适用 included) by a company of this part, not sent by this worker before. */
  covered?: string[];
  /** Messages about an input as a whole (unknown columns…), printed on stderr. */
  notes: string[];
  /** Sheets of a workbook not read (no header, or hidden), as FILE[SHEET]: said in the sample statement. */
  sheetsNotRead?: string[];
}

/** A part as the Processor builds it, with its cell problems as objects; serialised when handed over (`partOf`). */
export type PartDraft = Omit<UnitPart, 'problems'> & { problems?: CellProblem[] };
export function partOf(draft: PartDraft): UnitPart {
  const { problems, ...rest } = draft;
  if (!problems?.length) return rest;
  // the blanked cells stay readable (the rest crosses as bytes): the main thread counts and names them
  const blanked: NonNullable<UnitPart['blanked']> = [];
  for (const p of problems) if (p.action === 'blanked') blanked.push({ file: p.file, row: p.row ?? p.line, ...(p.cell !== undefined ? { cell: p.cell } : {}), ...(p.company !== undefined ? { company: p.company } : {}) });
  return { ...rest, problems: jsonLines(problems), ...(blanked.length ? { blanked } : {}) };
}

/** Options every worker receives (plain data). */
export interface ProcessOptions {
  lang: Lang;
  /** The command that runs zhizao where the user is, for `{cmd}` in messages. */
  cmd: string;
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
  /** A bad cell rejects its row (default), or is left unanswered and listed (blank). */
  onBadCell?: 'reject' | 'blank';
  /** Keep the raw answers in each company's record (--include-answers). */
  includeAnswers?: boolean;
}

/** How a batch words its messages: the language, and the command that runs zhizao where the user is (`{cmd}`). */
export interface Wording {
  lang: Lang;
  cmd: string;
}

/**
 * A problem as the programme office reads it in the problems list: a cell the importer could not read in the words of
 * its column, a contradiction between answers by its message and the lines of the answer file (a table row's cell
 * has its own column), without the check's or the questions' ids; anything else as the validator says it.
 */
export function problemText(d: Diagnostic, say: Wording, inCell: boolean, header?: string): string {
  if (inCell && header !== undefined) d = asCell(d);
  if (inCell) {
    const read = cellNotRead(d, say.lang) ?? fieldMissing(d, say.lang, header);
    if (read) return read;
  }
  if (d.code === 'checks.finding') {
    const message = String(d.args[say.lang] ?? d.args.en ?? '');
    const lines = typeof d.args.lines === 'string' && d.args.lines && !inCell ? d.args.lines : undefined;
    // the sentence's own full stop goes after the lines
    return lines ? formatMessage('batch.finding-at-lines', { message: message.replace(/[。.]\s*$/u, ''), lines: say.lang === 'zh' ? lines.replaceAll(', ', '、') : lines }, say.lang) : message;
  }
  return diagnosticText(d, say.lang, say.cmd);
}

function problemOf(d: Diagnostic, say: Wording, headerOf?: (path: Diagnostic['path']) => string | undefined): Problem {
  const header = headerOf?.(d.path);
  const message = (headerOf ? fieldMissing(d, say.lang, header) : undefined) ?? diagnosticText(header !== undefined ? asCell(d) : d, say.lang, say.cmd);
  return { file: d.file, line: d.line, column: d.column, severity: d.severity, code: d.code, message };
}

/**
 * A per-answer problem of a table cell (core/answers.ts answerWords): the question by its text alone — the cell's
 * column is named beside it — and the options by their labels, which a cell takes, without the values a file writes.
 */
function asCell(d: Diagnostic): Diagnostic {
  const { question_zh, question_en, labels_zh, labels_en } = d.args;
  if (question_zh === undefined || question_en === undefined) return d;
  const named = bilingual('answer.question-in-table', (lang) => ({ question: lang === 'zh' ? question_zh : question_en }));
  const args = { ...d.args, id_zh: named.zh, id_en: named.en };
  if (d.args.field_zh !== undefined) Object.assign(args, { field_zh: named.zh, field_en: named.en });
  if (labels_zh !== undefined && labels_en !== undefined) Object.assign(args, { allowed_zh: labels_zh, allowed_en: labels_en });
  return { ...d, args };
}

/** Respondent fields read from a table cell through a fixed vocabulary (src/io/tables/row-source.ts), with the value a map's `values:` gives. */
const VOCABULARY_FIELDS: Record<string, string> = { above_designated_size: 'true | false', industry: 'discrete | process | mixed', retrofit_status: 'none | planned | in-progress | done', enterprise_class: 'A | B | C | D' };

/** A table cell of a vocabulary field the importer could not read: its words, in the user's language, not the schema's type or codes. */
function cellNotRead(d: Diagnostic, lang: Lang): string | undefined {
  const field = d.path?.[0] === 'respondent' && d.path.length === 2 ? String(d.path[1]) : undefined;
  const codes = field !== undefined ? VOCABULARY_FIELDS[field] : undefined;
  if (codes === undefined || (d.code !== 'schema.type' && d.code !== 'schema.enum') || d.args.value === undefined) return undefined;
  // the code the wording most likely stands for ("否（规下）" → false), else the codes to choose from
  const example = guessRespondent(field!, String(d.args.value)) ?? codes;
  const W = (code: string) => formatMessage(code as MessageCode, {}, lang);
  return formatMessage('batch.cell-not-read', { value: String(d.args.value), what: W(`batch.cell-what.${field}`), accepted: W(`batch.cell-accepted.${field}`), field: field!, example }, lang);
}

/**
 * A required respondent field a table row lacks, in the words of a table: the table has no column for it (named by
 * the header to add), or the row leaves its cell empty (the column's header is said beside the message).
 */
function fieldMissing(d: Diagnostic, lang: Lang, header: string | undefined): string | undefined {
  if (d.code !== 'schema.required-field') return undefined;
  const { name, label_zh, label_en } = d.args;
  return formatMessage(header !== undefined ? 'batch.field-empty' : 'batch.field-missing', { name: String(name), label_zh: String(label_zh), label_en: String(label_en) }, lang);
}

/** A message about a table cell, after the column's header: "“date”列：…" (without the field's name again). */
export const inColumn = (message: string, header: string, lang: Lang): string => formatMessage('batch.in-column', { header, message: withoutOwnName(message, header) }, lang);

/** A message that starts by naming its field, when the column's header is that name: "“date”列：date：…" reads "“date”列：…". */
function withoutOwnName(message: string, header: string): string {
  for (const own of [`${header}：`, `${header}: `]) if (message.startsWith(own)) return message.slice(own.length);
  return message;
}

export function rejectedOf(ds: Diagnostic[], where: { file: string; row?: number; sheet?: string; company?: string }, say: Wording, headerOf?: (path: Diagnostic['path']) => string | undefined): Rejected {
  const errors = sortDiagnostics(ds.filter((d) => d.severity === 'error'));
  const list = errors.length ? errors : ds;
  const first = list[0];
  // A table row's problem names its column as the analyst knows it (the survey's header), not the field behind it;
  // a contradiction between answers names the cell of each answer itself, not one column.
  const header = first && headerOf && first.code !== 'answers.check' ? headerOf(first.path) : undefined;
  const message = first ? (headerOf ? (header ? cellNotRead(first, say.lang) : undefined) ?? fieldMissing(first, say.lang, header) : undefined) ?? diagnosticText(header ? asCell(first) : first, say.lang, say.cmd) : 'rejected';
  return {
    file: where.file,
    ...(where.row !== undefined ? { row: where.row } : {}),
    ...(where.company !== undefined ? { company: where.company } : {}),
    ...(where.sheet ? { sheet: where.sheet } : {}),
    line: first?.line ?? 1,
    column: first?.column ?? 1,
    message: header ? inColumn(message, header, say.lang) : message,
    problems: list.map((d) => problemOf(d, say, headerOf)),
  };
}
