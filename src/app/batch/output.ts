import { createReadStream, promises as fs } from 'node:fs';
import { createInterface } from 'node:readline';
import { stringify as stringifyStream } from 'csv-stringify';
import { stringify } from 'csv-stringify/sync';
import type { SummaryLayout } from '../../core/batch/aggregate.js';
import { companyJson, type CompanyRecord } from '../../core/batch/record.js';
import type { BatchSummary } from '../../core/batch/summary.js';
import { safeJsonText } from '../../messages/safe-text.js';
import type { Lang } from '../../core/types.js';
import { openAtomicStream, write, type AtomicStream } from '../../io/tables/atomic-stream.js';
import { columnLetter, neutralise, neutraliseCell } from '../../io/tables/cells.js';
import { loadExcel } from '../../io/tables/xlsx-read.js';
import { companyColumns, rejectedColumns, summaryRows, SUMMARY_HEADER, SUMMARY_TITLES, type Column } from './columns.js';
import type { Rejected } from './process.js';

export type OutputFormat = 'json' | 'csv' | 'xlsx';

/** Read an NDJSON spool file line by line (bounded memory). */
export async function* readSpool<T>(file: string): AsyncGenerator<T> {
  const rl = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  for await (const line of rl) if (line) yield JSON.parse(line) as T;
}

export interface FinalPass {
  /** A fresh pass over the companies, in input order (each call reads the spool again). */
  companies(): AsyncIterable<CompanyRecord>;
  /** The same as JSON lines in their final form, when they can be written without parsing them again. */
  companyLines?(): AsyncIterable<string>;
  rejected(): AsyncIterable<Rejected>;
  /** Called after every company has been written (duplicates are known then). */
  summary(): BatchSummary;
}

export interface OutputOptions {
  layout: SummaryLayout;
  lang: Lang;
  group: boolean;
  force: boolean;
}

const csvCell = (v: unknown) => (v === null || v === undefined ? '' : typeof v === 'string' ? neutralise(v) : typeof v === 'boolean' ? String(v) : v);
const csvLine = (cells: unknown[]) => stringify([cells.map(csvCell)], { record_delimiter: '\r\n' });
const BOM = '\uFEFF';

/** Stream `{companies:[…], rejected:[…], summary:{…}}` to a writable. */
export async function writeJson(out: NodeJS.WritableStream, pass: FinalPass): Promise<void> {
  // Company names and notes come from the companies: no raw bidi or C1 controls in the bytes (messages/safe-text.ts).
  const put = (s: string) => write(out, safeJsonText(s));
  await put('{\n"companies": [');
  let first = true;
  const lines = pass.companyLines?.();
  if (lines) {
    // gathered into ~64 KB writes
    let buf = '';
    for await (const line of lines) {
      buf += (first ? '\n' : ',\n') + line;
      first = false;
      if (buf.length > 65536) {
        await put(buf);
        buf = '';
      }
    }
    if (buf) await put(buf);
  } else
    for await (const r of pass.companies()) {
      await put((first ? '\n' : ',\n') + JSON.stringify(companyJson(r)));
      first = false;
    }
  await put((first ? '' : '\n') + '],\n"rejected": [');
  first = true;
  for await (const r of pass.rejected()) {
    await put((first ? '\n' : ',\n') + JSON.stringify(r));
    first = false;
  }
  await put((first ? '' : '\n') + '],\n"summary": ' + JSON.stringify(pass.summary(), null, 2) + '\n}\n');
}

async function writeCsvTable<T>(file: string, cols: Column<T>[], rows: AsyncIterable<T>, lang: Lang, force: boolean): Promise<void> {
  const a = await openAtomicStream(file, { force });
  try {
    await write(a.stream, BOM + csvLine(cols.map((c) => c.id)) + csvLine(cols.map((c, i) => (i === 0 ? '# ' : '') + c.title[lang])));
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
    await a.commit();
  } catch (e) {
    await a.abort();
    throw e;
  }
}

export function csvNames(out: string): { main: string; summary: string; rejected: string } {
  const base = out.replace(/\.csv$/i, '');
  return { main: `${base}.csv`, summary: `${base}.summary.csv`, rejected: `${base}.rejected.csv` };
}

export async function writeCsv(out: string, pass: FinalPass, o: OutputOptions): Promise<string[]> {
  const names = csvNames(out);
  await writeCsvTable(names.main, companyColumns(o.layout, { group: o.group, lang: o.lang }), pass.companies(), o.lang, o.force);
  await writeCsvTable(names.rejected, rejectedColumns(), pass.rejected(), o.lang, o.force);
  const a = await openAtomicStream(names.summary, { force: o.force });
  try {
    await write(a.stream, BOM + csvLine(SUMMARY_HEADER) + csvLine(SUMMARY_TITLES.map((t, i) => (i === 0 ? '# ' : '') + t[o.lang])));
    for (const row of summaryRows(pass.summary(), o.lang)) await write(a.stream, csvLine(row));
    await a.commit();
  } catch (e) {
    await a.abort();
    throw e;
  }
  return [names.main, names.summary, names.rejected];
}

const SHEET_NAMES = { companies: { zh: '明细', en: '明细' }, summary: { zh: '汇总', en: '汇总' }, rejected: { zh: '拒收', en: '拒收' } };

/** XLSX with three sheets (明细, 汇总, 拒收), written row by row with exceljs's streaming writer. */
export async function writeXlsx(out: string, pass: FinalPass, o: OutputOptions): Promise<void> {
  const ExcelJS = await loadExcel();
  const a: AtomicStream = await openAtomicStream(out, { force: o.force });
  try {
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: a.stream, useStyles: true, useSharedStrings: false });
    wb.creator = 'zhizao';
    const header = (ws: ReturnType<typeof wb.addWorksheet>, ids: string[], titles: string[]) => {
      const r1 = ws.addRow(ids);
      r1.font = { bold: true, color: { argb: 'FF666666' } };
      r1.commit();
      const r2 = ws.addRow(titles.map((t, i) => (i === 0 ? `# ${t}` : t)));
      r2.font = { bold: true };
      r2.commit();
    };
    const cell = (v: unknown) => (v === undefined ? null : neutraliseCell(v));
    const cols = companyColumns(o.layout, { group: o.group, lang: o.lang });
    const ws1 = wb.addWorksheet(SHEET_NAMES.companies[o.lang], { views: [{ state: 'frozen', ySplit: 2, xSplit: 3 }] });
    ws1.columns = cols.map((c) => ({ key: c.id, width: c.id === 'company' || c.id === 'file' ? 30 : c.id === 'recommendations' ? 60 : 14 }));
    header(ws1, cols.map((c) => c.id), cols.map((c) => c.title[o.lang]));
    for await (const r of pass.companies()) ws1.addRow(cols.map((c) => cell(c.get(r)))).commit();
    ws1.commit();
    const ws2 = wb.addWorksheet(SHEET_NAMES.summary[o.lang], { views: [{ state: 'frozen', ySplit: 2 }] });
    ws2.columns = SUMMARY_HEADER.map((h) => ({ key: h, width: h === 'title' || h === 'population' ? 40 : 14 }));
    header(ws2, SUMMARY_HEADER, SUMMARY_TITLES.map((t) => t[o.lang]));
    for (const row of summaryRows(pass.summary(), o.lang)) ws2.addRow(row.map(cell)).commit();
    ws2.commit();
    const rcols = rejectedColumns();
    const ws3 = wb.addWorksheet(SHEET_NAMES.rejected[o.lang], { views: [{ state: 'frozen', ySplit: 2 }] });
    ws3.columns = rcols.map((c) => ({ key: c.id, width: c.id === 'message' || c.id === 'problems' ? 70 : c.id === 'file' ? 30 : 8 }));
    header(ws3, [...rcols.map((c) => c.id), 'cell'], [...rcols.map((c) => c.title[o.lang]), o.lang === 'zh' ? '单元格' : 'cell']);
    for await (const r of pass.rejected()) {
      const row = ws3.addRow([...rcols.map((c) => cell(c.get(r))), r.row !== undefined ? `${columnLetter(r.column)}${r.line}` : null]);
      row.alignment = { wrapText: true, vertical: 'top' };
      row.commit();
    }
    ws3.commit();
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
