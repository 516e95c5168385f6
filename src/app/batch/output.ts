import { promises as fs } from 'node:fs';
import path from 'node:path';
import { stringify as stringifyStream } from 'csv-stringify';
import { stringify } from 'csv-stringify/sync';
import type { SummaryLayout } from '../../core/batch/aggregate.js';
import { companyJson, type CompanyRecord } from '../../core/batch/record.js';
import type { BatchSummary } from '../../core/batch/summary.js';
import type { Questionnaire } from '../../core/questionnaire.js';
import { safeJsonText } from '../../messages/safe-text.js';
import type { Lang, Text } from '../../core/types.js';
import { fsyncDir } from '../../io/atomic-write.js';
import { VERSION } from '../../io/paths.js';
import { openAtomicStream, write, type AtomicStream } from '../../io/tables/atomic-stream.js';
import { columnLetter, neutralise, neutraliseCell } from '../../io/tables/cells.js';
import { loadExcel, OUTPUT_MARK } from '../../io/tables/xlsx-read.js';
import { formatMessage, type MessageCode } from '../../messages/catalogue.js';
import { answerColumns, companyColumns, M, problemColumns, rejectedColumns, SUMMARY_COLUMNS, summaryColumns, summaryRows, summaryTable, summaryTitles, type Column, type ColumnFormat, type GroupWords, type QuestionTexts } from './columns.js';
import { planColumns } from './plan-columns.js';
import { wideSummary } from './wide-summary.js';
import type { CellProblem, Rejected } from './parts.js';

export type OutputFormat = 'json' | 'csv' | 'xlsx';

export interface FinalPass {
  /** A fresh pass over the companies, in input order (each call reads the spool again). */
  companies(): AsyncIterable<CompanyRecord>;
  /**
   * The same as JSON lines in their final form (UTF-8, safe to show), when they can be written without parsing them
   * again; each line may be a view that the next one reuses.
   */
  companyLines?(): AsyncIterable<Uint8Array>;
  rejected(): AsyncIterable<Rejected>;
  /** The rejected inputs as JSON lines in their final form (as companyLines). */
  rejectedLines?(): AsyncIterable<Uint8Array>;
  /** Cell-level problems (blanked cells, implausible values, cells of rejected rows). */
  problems(): AsyncIterable<CellProblem>;
  /** The problems as JSON lines in their final form (as companyLines). */
  problemLines?(): AsyncIterable<Uint8Array>;
  /** Called after every company has been written (duplicates are known then). */
  summary(): BatchSummary;
}

export interface OutputOptions {
  layout: SummaryLayout;
  lang: Lang;
  group: boolean;
  force: boolean;
  q?: Questionnaire;
  includeAnswers?: boolean;
  /** Capability sub-domains of the scoring model, in model order (per-company sub-domain scores). */
  subdomains?: readonly { id: string; name: Text }[];
  /** The smart-factory tiers of the scoring profile: the companies sheet names them (the JSON keeps their ids). */
  tiers?: readonly { id: string; name: Text }[];
  /** A grouping by a question (--group-by): its text and its options' labels. */
  groupWords?: GroupWords;
}

/** The questionnaire's question texts by id, for titles that name a question. */
const questionTexts = (q: Questionnaire | undefined): { questions?: QuestionTexts } => (q ? { questions: (id) => q.byId.get(id)?.text } : {});
/** A question's own wording for an industry (a process plant's key processes under automatic control), where it has one. */
const questionVariants = (q: Questionnaire | undefined): { variants?: (id: string) => readonly { industry: string; text: Text }[] } =>
  q ? { variants: (id) => Object.entries(q.byId.get(id)?.variants ?? {}).flatMap(([industry, v]) => (v?.text ? [{ industry, text: v.text }] : [])) } : {};
/** Whether a question's answer is a whole number (a count): its column is formatted so. */
const integerQuestions = (q: Questionnaire | undefined): { integer?: (id: string) => boolean } => (q ? { integer: (id) => q.byId.get(id)?.integer === true } : {});

/** The per-company table's columns as both the CSV and the workbook write them. */
const companyColumnsOf = (o: OutputOptions) =>
  companyColumns(o.layout, { group: o.group, lang: o.lang, ...(o.subdomains ? { subdomains: o.subdomains } : {}), ...(o.tiers ? { tiers: o.tiers } : {}), ...(o.groupWords ? { groupWords: o.groupWords } : {}), ...questionTexts(o.q), ...questionVariants(o.q), ...integerQuestions(o.q) });

const csvCell = (v: unknown) => (v === null || v === undefined ? '' : typeof v === 'string' ? neutralise(v) : typeof v === 'boolean' ? String(v) : v);
const csvLine = (cells: unknown[]) => stringify([cells.map(csvCell)], { record_delimiter: '\r\n' });
const BOM = '\uFEFF';

/** A JSON document written to a stream in pieces of about 64 KB: text (made safe to show here) and bytes already safe. */
class JsonWriter {
  private static readonly SIZE = 64 * 1024;
  private buffer = Buffer.allocUnsafe(JsonWriter.SIZE);
  private used = 0;

  constructor(private readonly out: NodeJS.WritableStream) {}

  /** JSON text; company names and notes come from the companies: no raw bidi or C1 controls in the bytes (messages/safe-text.ts). */
  text(json: string): Promise<void> | void {
    return this.bytes(Buffer.from(safeJsonText(json), 'utf8'));
  }

  /** UTF-8 bytes of JSON text already safe to show, copied at once (the caller may reuse them). */
  bytes(bytes: Uint8Array): Promise<void> | void {
    if (this.used + bytes.length <= this.buffer.length) {
      this.buffer.set(bytes, this.used);
      this.used += bytes.length;
      return;
    }
    return this.flush().then(() => {
      if (bytes.length > this.buffer.length) return write(this.out, Buffer.from(bytes));
      this.buffer.set(bytes, 0);
      this.used = bytes.length;
    });
  }

  /** Hands what is gathered to the stream (the stream keeps the buffer: the next piece is gathered in a new one). */
  async flush(): Promise<void> {
    if (!this.used) return;
    const piece = this.buffer.subarray(0, this.used);
    this.buffer = Buffer.allocUnsafe(JsonWriter.SIZE);
    this.used = 0;
    await write(this.out, piece);
  }
}

const FIRST_ITEM = Buffer.from('\n');
const NEXT_ITEM = Buffer.from(',\n');

/** Stream `{companies:[…], rejected:[…], problems:[…], summary:{…}}` to a writable. */
export async function writeJson(out: NodeJS.WritableStream, pass: FinalPass): Promise<void> {
  const w = new JsonWriter(out);
  const lists = [
    ['companies', pass.companyLines?.(), () => mapAsync(pass.companies(), companyJson)],
    ['rejected', pass.rejectedLines?.(), () => pass.rejected()],
    ['problems', pass.problemLines?.(), () => pass.problems()],
  ] as const;
  let first = true;
  for (const [key, lines, items] of lists) {
    await w.text(key === 'companies' ? `{\n"${key}": [` : `${first ? '' : '\n'}],\n"${key}": [`);
    first = true;
    if (lines)
      for await (const line of lines) {
        await w.bytes(first ? FIRST_ITEM : NEXT_ITEM);
        await w.bytes(line);
        first = false;
      }
    else
      for await (const item of items() as AsyncIterable<unknown>) {
        await w.text((first ? '\n' : ',\n') + JSON.stringify(item));
        first = false;
      }
  }
  await w.text((first ? '' : '\n') + '],\n"summary": ' + JSON.stringify(pass.summary(), null, 2) + '\n}\n');
  await w.flush();
}

async function* mapAsync<T, U>(items: AsyncIterable<T>, f: (item: T) => U): AsyncGenerator<U> {
  for await (const item of items) yield f(item);
}

/**
 * CSV row 1: ids; row 2: `#` and the titles, ending with the mark that keeps zhizao from reading its own output.
 * Written and fsynced under a temporary name, not yet in place: the set's files are placed together (writeCsv).
 */
async function writeCsvTable<T>(file: string, cols: Column<T>[], rows: AsyncIterable<T> | Iterable<T>, lang: Lang, force: boolean): Promise<AtomicStream> {
  const a = await openAtomicStream(file, { force });
  try {
    await write(a.stream, BOM + csvLine(cols.map((c) => c.id)) + csvLine([...cols.map((c, i) => (i === 0 ? '# ' : '') + c.title[lang]), `# ${OUTPUT_MARK} ${VERSION}`]));
    // One csv-stringify stream for the whole table (creating a stringifier per row costs more than the row).
    const csv = stringifyStream({ record_delimiter: '\r\n' });
    const piped = new Promise<void>((resolve, reject) => {
      csv.on('error', reject);
      csv.on('end', () => resolve());
    });
    csv.on('data', (chunk: Buffer) => {
      if (!a.stream.write(chunk)) {
        csv.pause();
        a.stream.once('drain', () => csv.resume());
      }
    });
    for await (const r of rows) await write(csv, cols.map((c) => csvCell(c.get(r))) as unknown as string);
    csv.end();
    await piped;
    await a.finish();
    return a;
  } catch (e) {
    await a.abort();
    throw e;
  }
}

export function csvNames(out: string, includeAnswers = false): Record<'main' | 'summary' | 'rejected' | 'problems' | 'plan', string> & { answers?: string } {
  const base = out.replace(/\.csv$/i, '');
  return { main: `${base}.csv`, summary: `${base}.summary.csv`, rejected: `${base}.rejected.csv`, problems: `${base}.problems.csv`, plan: `${base}.plan.csv`, ...(includeAnswers ? { answers: `${base}.answers.csv` } : {}) };
}

/**
 * The CSV set: every file is written under a temporary name first and all are put in place at the end, so that a
 * run stopped while writing (Ctrl-C, a full disk) leaves none of them — not the companies' table without its summary.
 */
export async function writeCsv(out: string, pass: FinalPass, o: OutputOptions): Promise<string[]> {
  const names = csvNames(out, o.includeAnswers && o.q !== undefined);
  const written: AtomicStream[] = [];
  try {
    written.push(await writeCsvTable(names.main, companyColumnsOf(o), pass.companies(), o.lang, o.force));
    if (names.answers && o.q) written.push(await writeCsvTable(names.answers, answerColumns(o.q, o.lang), pass.companies(), o.lang, o.force));
    written.push(await writeCsvTable(names.rejected, rejectedColumns(), pass.rejected(), o.lang, o.force));
    written.push(await writeCsvTable(names.problems, problemColumns(), pass.problems(), o.lang, o.force));
    const s = pass.summary();
    written.push(await writeCsvTable(names.plan, planColumns(o.lang, s.minGroupSize, questionTexts(o.q).questions), s.plan?.targets ?? [], o.lang, o.force));
    const titles = summaryTitles();
    const summaryCols = SUMMARY_COLUMNS.map((id, i): Column<unknown[]> => ({ id, title: titles[i]!, get: (r) => r[i] as string }));
    written.push(await writeCsvTable(names.summary, summaryCols, summaryRows(s, o.lang, false, undefined, o.groupWords), o.lang, o.force));
  } catch (e) {
    for (const a of written) await a.abort();
    throw e;
  }
  // With --force, no file of the set is replaced unless every one can be: one open in Excel/WPS would otherwise stay
  // old next to new ones (the rename over it fails, after those before it were placed).
  try {
    for (const a of written) a.assertPlaceable();
  } catch (e) {
    for (const a of written) await a.abort();
    throw e;
  }
  // placed together, without a pause an interruption could fall into; then the folder is made durable once
  for (const a of written) a.placeSync();
  await fsyncDir(path.dirname(path.resolve(names.main)));
  return Object.values(names);
}

/** Number formats of the workbook: percent, date, yes/no (1/0 shown as words, so that sums and filters work). */
function numFmtOf(format: ColumnFormat | undefined, lang: Lang): string | undefined {
  switch (format) {
    case 'percent':
      return '0.0%';
    case 'percent-fine':
      return '0.00%';
    case 'number':
      return '0.00';
    case 'integer':
      return '0';
    case 'yesno': {
      const [y, n] = [formatMessage('label.yes', {}, lang), formatMessage('label.no', {}, lang)];
      return `"${y}";"${y}";"${n}"`;
    }
    default:
      return undefined;
  }
}

/** One cell of the workbook: a real date, 1/0 for yes/no, a word for a code, a neutralised text. */
function xlsxValue<T>(c: Column<T>, r: T, lang: Lang): { value: unknown; numFmt?: string } {
  let v = c.get(r);
  if (v === undefined || v === null || v === '') return { value: null };
  if (c.labelOf) v = c.labelOf(r, lang) ?? v;
  else if (c.label && typeof v === 'string') v = c.label(v, lang);
  const format = c.formatOf?.(r) ?? c.format;
  switch (format) {
    case 'yesno':
      return { value: v === true || v === 1 ? 1 : v === false || v === 0 ? 0 : neutraliseCell(v), numFmt: numFmtOf('yesno', lang) };
    case 'date':
      // As given: a survey's local submission time. A date cell would be read back as a UTC instant (…T09:00:00.000Z),
      // a time zone the answers never stated; the text sorts and filters in date order as it is.
      return { value: neutraliseCell(v) };
    case 'percent':
    case 'percent-fine':
    case 'number':
    case 'integer':
      return typeof v === 'number' ? { value: v, numFmt: numFmtOf(format, lang) } : typeof v === 'boolean' ? { value: v ? 1 : 0 } : { value: neutraliseCell(v) };
    default:
      return { value: neutraliseCell(v) };
  }
}

/** Sheet names: the contract keeps 明细 / 汇总 / 拒收 in both languages; the others are named alike. */
const SHEET_NAMES = {
  companies: '明细',
  summary: '汇总',
  long: '汇总长表',
  plan: '规划目标',
  problems: '问题',
  rejected: '拒收',
  answers: '答卷',
  columns: '列说明',
} as const;

const widthOf = (id: string, format?: ColumnFormat) =>
  id === 'company' || id === 'file' || id === 'header' || id === 'quote' ? 30 : id === 'recommendations' || id === 'message' || id === 'problems' || id === 'problem' || id === 'how' || id === 'measure' || id === 'title' ? 60 : format === 'date' ? 18 : 14;

/**
 * The workbook an analyst uses as it is: one header row of titles (ids in the 列说明 sheet), percent, date and
 * yes/no formats, autofilter and frozen panes on every table; 汇总 as a table of populations and groups × indicators,
 * the long form beside it, the plan's count targets, the cell problems, the rejected inputs and (with
 * --include-answers) the answers. Marked in its properties so that zhizao never reads it back as input.
 */
export async function writeXlsx(out: string, pass: FinalPass, o: OutputOptions): Promise<void> {
  const ExcelJS = await loadExcel();
  const { lang } = o;
  const a: AtomicStream = await openAtomicStream(out, { force: o.force });
  try {
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: a.stream, useStyles: true, useSharedStrings: false });
    wb.creator = 'zhizao';
    (wb as unknown as { keywords: string; title: string; subject: string }).keywords = OUTPUT_MARK;
    (wb as unknown as { title: string }).title = formatMessage('batch.workbook-title', {}, lang);
    (wb as unknown as { subject: string }).subject = `zhizao ${VERSION} batch`;
    const index: { sheet: string; column: string; id: string; title: string; format: string }[] = [];
    const sheet = async <T>(name: string, cols: Column<T>[], rows: AsyncIterable<T> | Iterable<T>, freezeCols = 0, wrap = false, notes: readonly string[] = []) => {
      const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1, xSplit: freezeCols }] });
      ws.columns = cols.map((c) => ({ key: c.id, width: widthOf(c.id, c.format) }));
      const head = ws.addRow(cols.map((c) => c.title[lang]));
      head.font = { bold: true };
      head.alignment = { vertical: 'top', wrapText: true };
      head.commit();
      cols.forEach((c, i) => index.push({ sheet: name, column: columnLetter(i + 1), id: c.id, title: c.title[lang], format: formatMessage(c.formatOf ? 'fmt.by-row' : (`fmt.${c.format ?? 'text'}` as MessageCode), {}, lang) }));
      let n = 1;
      for await (const r of rows) {
        const row = ws.addRow([]);
        cols.forEach((c, i) => {
          const { value, numFmt } = xlsxValue(c, r, lang);
          const cell = row.getCell(i + 1);
          cell.value = value as never;
          if (numFmt) cell.numFmt = numFmt;
        });
        if (wrap) row.alignment = { wrapText: true, vertical: 'top' };
        row.commit();
        n++;
      }
      ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(n, 1), column: cols.length } };
      // notes below the table (outside the filter): one empty row, then one note per row in the first column
      if (notes.length) ws.addRow([]).commit();
      for (const note of notes) ws.addRow([neutraliseCell(note)]).commit();
      ws.commit();
    };
    await sheet(SHEET_NAMES.companies, companyColumnsOf(o), pass.companies(), 3);
    const s = pass.summary();
    const wide = wideSummary(s, o.layout, lang, o.groupWords);
    await sheet(SHEET_NAMES.summary, wide.columns, wide.rows, 1, false, wide.notes);
    const { questions } = questionTexts(o.q);
    await sheet(SHEET_NAMES.long, summaryColumns(), summaryTable(s, lang, true, questions, o.groupWords), 3);
    await sheet(SHEET_NAMES.plan, planColumns(lang, s.minGroupSize, questions, true), s.plan?.targets ?? [], 1, true);
    await sheet(SHEET_NAMES.problems, problemColumns(), pass.problems(), 3);
    await sheet(SHEET_NAMES.rejected, [...rejectedColumns(), { id: 'cell', title: M('col.cell'), format: 'text', get: (r: Rejected) => (r.row !== undefined ? `${columnLetter(r.column)}${r.line}` : null) }], pass.rejected(), 3, true);
    if (o.includeAnswers && o.q) await sheet(SHEET_NAMES.answers, answerColumns(o.q, lang), pass.companies(), 3);
    const idx: Column<(typeof index)[number]>[] = [
      { id: 'sheet', title: M('col.sheet'), format: 'text', get: (r) => r.sheet },
      { id: 'column', title: M('col.column'), format: 'text', get: (r) => r.column },
      { id: 'id', title: M('col.id'), format: 'text', get: (r) => r.id },
      { id: 'title', title: M('col.title'), format: 'text', get: (r) => r.title },
      { id: 'format', title: M('col.format'), format: 'text', get: (r) => r.format },
    ];
    await sheet(SHEET_NAMES.columns, idx, index, 0);
    await wb.commit();
    await a.commit();
  } catch (e) {
    await a.abort();
    throw e;
  }
}

export async function removeDir(dir: string): Promise<void> {
  await fs.rm(dir, { recursive: true, force: true });
}
