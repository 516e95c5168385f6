import type { MessageCode } from '../../messages/catalogue.js';
import { Readable } from 'node:stream';
import { columnNumber, plainCell, type CellValue } from './cells.js';
import type { TableItem } from './csv-read.js';
import { checkZip, type ZipCaps } from './zip-guard.js';

// exceljs is large: load it only when a workbook is read.
type ExcelJSModule = typeof import('exceljs');
let excel: Promise<ExcelJSModule> | undefined;
export function loadExcel(): Promise<ExcelJSModule> {
  excel ??= import('exceljs').then((m) => ((m as unknown as { default?: ExcelJSModule }).default ?? m) as ExcelJSModule);
  return excel;
}

export interface SheetInfo {
  name: string;
  sheetId: string;
  rId: string;
  state: string;
  /** The worksheet part relative to xl/, e.g. worksheets/sheet1.xml */
  target: string;
}

export interface Workbook {
  buf: Buffer;
  sheets: SheetInfo[];
  date1904: boolean;
  /** xl/sharedStrings.xml, inflated (when the workbook has one): handed to the streaming reader before any sheet. */
  sharedStrings?: string;
  /** The text of xl/styles.xml, when the workbook has one (the cells' number formats). */
  styles?: string;
  /** Written by zhizao batch (its results workbook): never read as input. */
  ownOutput: boolean;
  /** Each worksheet part's merged ranges (`A3:D3`), by part name (xl/worksheets/sheet1.xml). */
  merges: Map<string, string[]>;
}

/** Marks every file `zhizao batch` writes (workbook keywords, a cell of the CSV title row). */
export const OUTPUT_MARK = 'zhizao-batch-output';

export type OpenResult = { ok: true; book: Workbook } | { ok: false; code: MessageCode; detail: string };

const attr = (tag: string, name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];
const xmlDecode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** Check the archive against the caps, then read the sheet list from xl/workbook.xml and its relationships. */
export async function openWorkbook(buf: Buffer, caps: ZipCaps): Promise<OpenResult> {
  const z = await checkZip(buf, caps, new Set(['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'docProps/core.xml', 'xl/sharedStrings.xml', 'xl/styles.xml']));
  if (!z.ok) return z;
  const wbXml = z.texts.get('xl/workbook.xml');
  if (wbXml === undefined) return { ok: false, code: 'xlsx.unreadable', detail: 'no xl/workbook.xml' };
  const rels = new Map<string, string>();
  for (const tag of (z.texts.get('xl/_rels/workbook.xml.rels') ?? '').match(/<Relationship\b[^>]*>/g) ?? []) {
    const id = attr(tag, 'Id');
    let target = attr(tag, 'Target');
    if (!id || !target) continue;
    target = target.replace(/^\/?xl\//, '').replace(/^\//, '');
    rels.set(id, target);
  }
  const sheets: SheetInfo[] = [];
  for (const tag of wbXml.match(/<(?:\w+:)?sheet\b[^>]*>/g) ?? []) {
    const rId = /\br:id="([^"]*)"/.exec(tag)?.[1] ?? /\b\w+:id="([^"]*)"/.exec(tag)?.[1] ?? '';
    sheets.push({ name: xmlDecode(attr(tag, 'name') ?? ''), sheetId: attr(tag, 'sheetId') ?? '', rId, state: attr(tag, 'state') ?? 'visible', target: rels.get(rId) ?? '' });
  }
  const date1904 = /<(?:\w+:)?workbookPr\b[^>]*\bdate1904="(1|true)"/.test(wbXml);
  const core = z.texts.get('docProps/core.xml') ?? '';
  const names = new Set(sheets.map((s) => s.name));
  // Marked workbooks, and those written before the mark existed (creator zhizao, sheets 明细 and 汇总).
  const ownOutput = core.includes(OUTPUT_MARK) || (/<dc:creator>zhizao<\/dc:creator>/.test(core) && names.has('明细') && names.has('汇总'));
  const sharedStrings = z.texts.get('xl/sharedStrings.xml');
  const styles = z.texts.get('xl/styles.xml');
  return { ok: true, book: { buf, sheets, date1904, ...(sharedStrings !== undefined ? { sharedStrings } : {}), ...(styles !== undefined ? { styles } : {}), ownOutput, merges: z.merges } };
}

/** A sheet's ranges merged across columns, by the row they start on: first and last column, from 1. */
export function mergedAcross(refs: readonly string[]): Map<number, [number, number][]> {
  const byRow = new Map<number, [number, number][]>();
  for (const ref of refs) {
    const m = /^([A-Z]+)([0-9]+):([A-Z]+)([0-9]+)$/.exec(ref);
    if (!m) continue;
    const [from, to, row] = [columnNumber(m[1]!), columnNumber(m[3]!), Number(m[2])];
    if (to <= from) continue;
    let spans = byRow.get(row);
    if (!spans) byRow.set(row, (spans = []));
    spans.push([from, to]);
  }
  return byRow;
}

function rowCells(row: XlsxRow): CellValue[] {
  const arr = Array.isArray(row.values) ? row.values : [];
  const out: CellValue[] = [];
  for (let i = 1; i < arr.length; i++) {
    const v = plainCell(arr[i]);
    // A number shown as a percentage (0.85 in a cell formatted 0%, which Excel shows as 85%) is read as it is shown:
    // "85%", which every column reads as 85 %, whether its header says % (a column in percent, which would read the
    // bare 0.85 as 0.85 %) or not.
    out.push(typeof v === 'number' && isPercentFormat(row.getCell?.(i).numFmt) ? `${+(v * 100).toPrecision(12)}%` : v);
  }
  return out;
}

/** A row as exceljs's readers give it: its values from 1, and its cells' number formats. */
interface XlsxRow {
  values: unknown;
  getCell?: (i: number) => { numFmt?: unknown };
}

/** Whether a number format shows the number as a percentage: a % outside quoted text and not escaped. */
export function isPercentFormat(numFmt: unknown): boolean {
  return typeof numFmt === 'string' && numFmt.replace(/"[^"]*"|\\./g, '').includes('%');
}

/**
 * Rows of one worksheet. Uses exceljs's streaming reader, pre-seeded with the sheet list and the shared strings we
 * read ourselves (so the reader's known races — exceljs#3064 — cannot bite); if streaming fails or never reaches the
 * sheet, falls back to the non-streaming reader and continues after the last row delivered.
 */
export async function* readXlsxRows(book: Workbook, sheet: SheetInfo, onFallback?: (why: string) => void): AsyncGenerator<TableItem> {
  const ExcelJS = await loadExcel();
  const merged = mergedAcross(book.merges.get(`xl/${sheet.target}`) ?? []);
  const item = (row: number, cells: CellValue[]): TableItem => {
    const spans = merged.get(row);
    return spans ? { row, line: row, cells, merged: spans } : { row, line: row, cells };
  };
  let last = 0;
  let reached = false;
  let failure: string | undefined;
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([book.buf]), {
      worksheets: 'emit',
      sharedStrings: 'cache',
      hyperlinks: 'ignore',
      styles: 'cache',
      entries: 'ignore',
    });
    const r = reader as unknown as Record<string, unknown>;
    r.model = { sheets: book.sheets.map((s) => ({ name: s.name, id: Number(s.sheetId), rId: s.rId, state: s.state })) };
    r.workbookRels = book.sheets.map((s) => ({ Id: s.rId, Target: s.target }));
    r.properties = { model: { date1904: book.date1904 } };
    // The shared strings, read before any sheet with exceljs's own parser (none: an empty list). A sheet stored before
    // xl/sharedStrings.xml (LibreOffice and Excel both write them so) would otherwise be copied by exceljs to a
    // temporary file, which it removes only when the sheet is read to its end: a sheet skipped or left early stayed
    // in the system's temporary folder, a plant's answers in plain text, after every run. With no sheet deferred,
    // the race of exceljs#3064 (entries after a deferred sheet lost, the shared strings among them) cannot happen.
    // The cell styles too (a cell's number format: a percentage shown as such), which Excel stores after the sheets:
    // read as the archive streams past, they would come too late for them.
    if (book.styles !== undefined) await (r._parseStyles as (entry: Readable) => Promise<void>).call(reader, Readable.from(slices(Buffer.from(book.styles, 'utf8'))));
    if (book.sharedStrings === undefined) r.sharedStrings = [];
    else {
      const parse = r._parseSharedStrings as (entry: Readable) => AsyncIterable<unknown>;
      for await (const _ of parse.call(reader, Readable.from(slices(Buffer.from(book.sharedStrings, 'utf8'))))) void _;
      // read once: the part itself, met later in the archive, is skipped
      (r.options as Record<string, unknown>).sharedStrings = 'ignore';
    }
    for await (const ws of reader) {
      const w = ws as unknown as { name: string } & AsyncIterable<XlsxRow & { number: number }>;
      if (w.name !== sheet.name) continue;
      reached = true;
      for await (const row of w) {
        const cells = rowCells(row);
        last = row.number;
        yield item(row.number, cells);
      }
    }
  } catch (e) {
    failure = (e as Error).message;
  }
  if (reached && failure === undefined) return;
  onFallback?.(failure ?? 'streaming reader did not reach the sheet');
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(book.buf as unknown as ArrayBuffer);
  } catch (e) {
    // Corrupt parts (a size that does not match, a broken XML part): the workbook cannot be read.
    yield { row: last + 1, line: last + 1, error: (e as Error).message.split('\n')[0]! };
    return;
  }
  const ws = wb.getWorksheet(sheet.name) ?? wb.worksheets[0];
  if (!ws) return;
  const rows: TableItem[] = [];
  ws.eachRow({ includeEmpty: false }, (row, n) => {
    if (n > last) rows.push(item(n, rowCells(row as unknown as XlsxRow)));
  });
  yield* rows;
}

/** A buffer in 64 KiB pieces, as a stream delivers it (the XML parser is several times slower on one large chunk). */
function* slices(buf: Buffer): Generator<Buffer> {
  for (let i = 0; i < buf.length; i += 65536) yield buf.subarray(i, i + 65536);
}

/** The sheet a table is read from: the first visible one. */
export function tableSheet(book: Workbook): SheetInfo | undefined {
  return tableSheets(book)[0];
}

/** The hidden sheets of a workbook not read (those named _… are the workbook's own lists, not said). */
export function hiddenSheets(book: Workbook, read: readonly SheetInfo[]): SheetInfo[] {
  return book.sheets.filter((s) => s.state !== 'visible' && !s.name.startsWith('_') && !read.includes(s));
}

/** The sheets a table is read from: the visible ones (not those named _…), else the first. */
export function tableSheets(book: Workbook): SheetInfo[] {
  const visible = book.sheets.filter((s) => s.state === 'visible' && !s.name.startsWith('_'));
  return visible.length ? visible : book.sheets.slice(0, 1);
}
