import type { MessageCode } from '../../messages/catalogue.js';
import path from 'node:path';
import { diag, type Diagnostic } from '../../core/diagnostics.js';
import type { Questionnaire } from '../../core/questionnaire.js';
import type { Source } from '../../core/source.js';
import { readBytes } from '../read-input.js';
import { cellText, type CellValue } from './cells.js';
import { NOTE_ROW_PREFIXES, TOTAL_ROW_WORDS } from './vocab.js';
import { resolveColumns, type ColumnRole, type ResolvedColumns, type SurveyMap } from './columns.js';
import { readCsvRows, type BadRow, type TableItem } from './csv-read.js';
import { readForm } from './form.js';
import type { TableLimits } from './limits.js';
import { rowContext, rowSource, type RowSource } from './row-source.js';
import { hiddenSheets, openWorkbook, OUTPUT_MARK, readXlsxRows, tableSheets } from './xlsx-read.js';
import { DEFAULT_LIMITS } from '../../core/source.js';
import { FORM_META_SHEET } from './form.js';

export type TableEvent =
  /**
   * A company row (or a filled form) ready for resolveSource(). `file`: how the row's input is named, FILE[SHEET] for
   * a sheet of a workbook of several (the input's own name otherwise).
   */
  | { type: 'row'; row?: number; line: number; source: Source | RowSource; sheetOf?: (p: readonly (string | number)[] | undefined) => string; file?: string }
  /** A row or the whole input could not be read; `company` when the row names one; `file` as a row's. */
  | { type: 'reject'; row?: number; line: number; column: number; diagnostics: Diagnostic[]; company?: string; file?: string }
  /** Warnings about the table itself (unknown columns…). */
  | { type: 'warning'; diagnostics: Diagnostic[] }
  /** A results file zhizao wrote (never an input). */
  | { type: 'own-output' };

export interface TableEnv {
  q: Questionnaire;
  defaultQuestionnaire: string;
  map?: SurveyMap;
  limits: TableLimits;
  onFallback?: (why: string) => void;
  /**
   * How a sheet of a workbook of several is named in FILE[SHEET] and in messages: as it is, or (batch --anonymize) by a
   * pseudonym — a district's workbook often names a sheet after a company.
   */
  sheetName?: (sheet: string) => string;
}

const FIRST = { line: 1, column: 1 };
/** A cell's text, trimmed; '' for an empty or missing cell. */
const trimmed = (c: CellValue | undefined): string => (c === null || c === undefined ? '' : cellText(c).trim());
const isEmpty = (cells: readonly CellValue[]) => cells.every((c) => trimmed(c) === '');
const firstText = (cells: readonly CellValue[]) => trimmed(cells.find((c) => trimmed(c) !== ''));
/** A row under the header that holds no company: empty, or a comment (its first text starts with #). */
export const isBlankOrComment = (cells: readonly CellValue[]) => isEmpty(cells) || firstText(cells).startsWith('#');

/** Whether a table's columns name the company (its name or its credit code): every row needs one. */
export const namesCompany = (roles: readonly ColumnRole[]): boolean => roles.some((c) => c.kind === 'respondent' && (c.field === 'company' || c.field === 'credit_code'));

/** The warning that a hidden sheet of a workbook is not read. */
export const sheetHidden = (shown: string, sheet: string): Diagnostic => diag('table.sheet-hidden', shown, FIRST, { sheet }, 'warning');

/** The warning that a sheet of a workbook of several is not read (no header), naming the sheets read. */
export const sheetSkipped = (shown: string, sheet: string, read: readonly string[]): Diagnostic => diag('table.sheet-skipped', shown, FIRST, { sheet, read: read.join('、') }, 'warning');

/**
 * A row under the header that is part of the sheet's layout, not a company: `unmapped` when none of the columns read
 * has a value (a row numbered in advance, 序号 only), `divider` when the company's column and at least two others
 * hold one same text and no column read holds another (a row merged across the table: 以下为补报企业), with that
 * text, `header` when each column read holds its own header again (two exports pasted one under the other: the
 * second's header row), `total` when the company's column holds 合计, 小计, Total…, also after a district's name or
 * before a count (金水区小计, 合计（6家）), or is empty beside a cell that holds one (合计 in the 序号 column): a row
 * adding up the others, whose figures are sums (isTotalText), `note` when each cell read that holds a text begins
 * 注：, 填表人：, 审核人：… (a note or the sign-off under the table; NOTE_ROW_PREFIXES). `roles`: the columns read; `header`: the header row's texts. In a workbook, a text merged
 * across columns (`merged`, first and last column from 1) stands in its first cell only: it is read as standing in
 * each column it spans.
 */
export function layoutRow(cells: readonly CellValue[], roles: readonly ColumnRole[], merged?: readonly (readonly [number, number])[], header?: readonly string[]): 'unmapped' | 'header' | LayoutText | undefined {
  if (merged?.length) cells = acrossMerges(cells, merged);
  let first: string | undefined;
  let filled = 0;
  let same = true;
  let company = false;
  let asHeader = header !== undefined && roles.length >= 2;
  let total: string | undefined;
  for (const r of roles) {
    const text = trimmed(cells[r.col - 1]);
    if (asHeader && text !== (header![r.col - 1] ?? '').trim()) asHeader = false;
    if (text === '') continue;
    filled++;
    if (r.kind === 'respondent' && r.field === 'company') {
      company = true;
      if (isTotalText(text)) total = text;
    }
    if (first === undefined) first = text;
    else if (text !== first) same = false;
  }
  if (filled === 0) return 'unmapped';
  if (asHeader) return 'header';
  if (total !== undefined) return { total };
  // no company named, and a cell of the row (read or not: 合计 in the 序号 column) says it is a total
  if (!company) {
    for (const c of cells) {
      const text = trimmed(c);
      if (text && isTotalText(text)) return { total: text };
    }
  }
  // (one test for most rows: a row whose first text is no note is none)
  if ((company || filled > 1) && NOTE_ROW.test(first!) && roles.every((r) => isNoteOrEmpty(trimmed(cells[r.col - 1])))) return { note: first! };
  // (the company's cell among them: a company row never has its name in two other columns)
  return same && company && filled >= 3 ? { divider: first! } : undefined;
}

/**
 * Whether a cell's text says its row adds up others: a word of TOTAL_ROW_WORDS (spaces and case aside), alone, after a
 * short name (金水区小计, 全市合计) or before a count in brackets (合计（6家）, Total (6)); never a company's name
 * (…公司, …厂, …集团).
 */
function isTotalText(text: string): boolean {
  const t = text.replace(/\s+/g, '').toLowerCase().replace(/[（(][^）)]{0,20}[）)]$/, '');
  if (TOTAL_ROW_WORDS.has(t)) return true;
  const m = TOTAL_SUFFIX.exec(t);
  return m !== null && !/(公司|厂|集团|合作社|中心)/.test(t);
}
const isNoteOrEmpty = (text: string): boolean => text === '' || NOTE_ROW.test(text);
/** A total word at the end of a short text (a district's or a group's name before it). */
const TOTAL_SUFFIX = /^.{1,12}(合计|小计|总计|共计)$/;

/** A row of the layout that holds a text: a divider, a total or a note, with that text. */
type LayoutText = { divider: string } | { total: string } | { note: string };

/** A note's first words and its colon (NOTE_ROW_PREFIXES). */
const NOTE_ROW = new RegExp(`^(?:${NOTE_ROW_PREFIXES.join('|')})\\s*[：:]`, 'i');

/** The warning said of each kind of row of the layout that is passed over. */
const LAYOUT_ROW_CODE = { header: 'table.header-again', total: 'table.total-row', note: 'table.note-row', divider: 'table.divider-row' } as const;
/** The warnings of layoutDiagnostic: a run's notes and --dry-run list them under their table. */
export const LAYOUT_ROW_CODES: ReadonlySet<string> = new Set(Object.values(LAYOUT_ROW_CODE));
/** The warnings that a sheet of a workbook is not read (no header, or hidden): its companies, if any, are in no figure. */
export const SHEET_NOT_READ_CODES: ReadonlySet<string> = new Set(['table.sheet-skipped', 'table.sheet-hidden']);

/** What is said of a row of the sheet's layout that is passed over (layoutRow): a warning naming its row. */
export function layoutDiagnostic(layout: 'header' | LayoutText, shown: string, item: { row: number; line: number }): Diagnostic {
  const at = { line: item.line, column: 1 };
  if (layout === 'header') return diag(LAYOUT_ROW_CODE.header, shown, at, { row: item.row }, 'warning');
  if ('total' in layout) return diag(LAYOUT_ROW_CODE.total, shown, at, { row: item.row, text: layout.total }, 'warning');
  if ('note' in layout) return diag(LAYOUT_ROW_CODE.note, shown, at, { row: item.row, text: layout.note }, 'warning');
  return diag(LAYOUT_ROW_CODE.divider, shown, at, { row: item.row, text: layout.divider }, 'warning');
}

/** The cells with each merged range's value (in its first cell) in every empty cell it spans. */
function acrossMerges(cells: readonly CellValue[], merged: readonly (readonly [number, number])[]): CellValue[] {
  const out = cells.slice();
  for (const [from, to] of merged) {
    const v = cells[from - 1];
    if (v === null || v === undefined) continue;
    for (let c = from + 1; c <= to; c++) if (out[c - 1] === null || out[c - 1] === undefined) out[c - 1] = v;
  }
  return out;
}

/** How many rows naming no known column may stand above the header (a survey export's titles) before it needs a map. */
const HEADER_SEARCH_ROWS = 20;

/**
 * Finds a table's header row, the same way for a run and for `batch --dry-run`: the first row that is not empty and
 * names a known column, of the first 20 (rows above it are titles); with a map, the first row that is not empty
 * from the map's header row on. Given each row read before the header, `row` answers undefined (not yet), the
 * header's columns (with a map, even when they name nothing: the caller says so), or `table.needs-map`: no --map
 * was given and none of the first 20 rows names a column (a survey export). `end`: why a table whose rows ran out
 * has no header.
 */
export function headerSearch(q: Questionnaire, shown: string, map: SurveyMap | undefined) {
  let scanned = 0;
  return {
    row(item: { cells: readonly CellValue[]; row: number; line: number }): { columns: ResolvedColumns } | { code: 'table.needs-map' } | undefined {
      if (isEmpty(item.cells) || (map && item.row < map.headerRow)) return undefined;
      const columns = resolveColumns(item.cells, q, shown, item.line, map);
      scanned++;
      if (columns.roles.length > 0 || map) return { columns };
      return scanned < HEADER_SEARCH_ROWS ? undefined : { code: 'table.needs-map' };
    },
    end: (): MessageCode => (scanned > 0 && !map ? 'table.needs-map' : 'table.empty'),
  };
}

export type TableKind = 'csv' | 'xlsx';
export const tableKindOf = (file: string): TableKind | undefined => {
  const ext = path.extname(file).toLowerCase();
  return ext === '.csv' ? 'csv' : ext === '.xlsx' ? 'xlsx' : undefined;
};

/** The first columns of the tables zhizao batch writes (also those written before they carried the mark). */
const OUTPUT_HEADERS = [
  ['file', 'row', 'company'],
  ['section', 'group', 'item'],
  ['file', 'row', 'sheet', 'line'],
];
/** A CSV row that shows the table is one of zhizao's own outputs. */
export function isOwnOutputRow(cells: readonly CellValue[], rowNumber: number): boolean {
  if (cells.some((c) => typeof c === 'string' && c.includes(OUTPUT_MARK))) return true;
  if (rowNumber !== 1) return false;
  const head = cells.slice(0, 4).map((c) => cellText(c).replace(/^\uFEFF/, '').trim());
  return OUTPUT_HEADERS.some((h) => h.every((x, i) => head[i] === x));
}

/** The company cell of a row that could not be parsed: the raw line split naively at the delimiter. */
function companyOfRaw(bad: BadRow, roles: readonly ColumnRole[] | undefined): string | undefined {
  const col = roles?.find((r) => r.kind === 'respondent' && r.field === 'company')?.col;
  if (col === undefined || bad.raw === undefined) return undefined;
  const delim = bad.raw.includes('\t') && !bad.raw.includes(',') ? '\t' : ',';
  const cell = bad.raw.split(delim)[col - 1]?.replace(/^"|"$/g, '').trim();
  return cell ? cell : undefined;
}

/** The message for a CSV record lost to bad quoting. */
export function lostCode(item: BadRow): MessageCode {
  if (item.reason === 'bad-utf8') return 'table.csv-bad-utf8';
  if (item.resumedAt === undefined) return item.reason === 'unclosed-quote' ? 'table.csv-unclosed-quote-end' : 'table.csv-syntax';
  return item.reason === 'unclosed-quote' ? 'table.csv-unclosed-quote' : item.reason === 'stray-quote' ? 'table.csv-stray-quote' : 'table.csv-wrong-cells';
}

/** How a table named `shown` (a file, or FILE[SHEET]) says that it, or one of its rows, cannot be read. */
const rejectIn =
  (shown: string) =>
  (code: MessageCode, args: Record<string, string | number> = {}, at = FIRST, row?: number, company?: string): TableEvent => ({
    type: 'reject',
    ...(row !== undefined ? { row } : {}),
    line: at.line,
    column: at.column,
    diagnostics: [diag(code, shown, at, args)],
    ...(company !== undefined ? { company } : {}),
    file: shown,
  });

/** Every company row of a CSV/XLSX table or Excel form, or why it could not be read; never throws for bad input. */
export async function* readTableInput(file: string, shown: string, kind: TableKind, env: TableEnv): AsyncGenerator<TableEvent> {
  const reject = rejectIn(shown);
  const r = await readBytes(file, shown, { ...DEFAULT_LIMITS, maxBytes: env.limits.maxFileBytes });
  if (!r.ok) {
    yield { type: 'reject', line: 1, column: 1, diagnostics: r.diagnostics };
    return;
  }
  const counted: RowsCounted = { rows: 0, over: false };
  if (kind === 'csv') {
    // zhizao's own CSV outputs: their first row is a known header, or the row under it carries the mark
    const it = readCsvRows(r.bytes)[Symbol.asyncIterator]();
    const head: TableItem[] = [];
    for (let i = 0; i < 3; i++) {
      const n = await it.next();
      if (n.done) break;
      head.push(n.value);
    }
    if (head.some((x) => !('error' in x) && isOwnOutputRow(x.cells, x.row))) {
      yield { type: 'own-output' };
      return;
    }
    const items = (async function* () {
      yield* head;
      for (let n = await it.next(); !n.done; n = await it.next()) yield n.value;
    })();
    yield* sheetEvents(items, shown, kind, env, counted, { found: false });
    return;
  }
  const opened = await openWorkbook(r.bytes, env.limits.zip);
  if (!opened.ok) {
    yield reject(opened.code, { detail: opened.detail });
    return;
  }
  if (opened.book.ownOutput) {
    yield { type: 'own-output' };
    return;
  }
  if (opened.book.sheets.some((s) => s.name === FORM_META_SHEET)) {
    const form = await readForm(r.bytes, shown, env.q, env.defaultQuestionnaire);
    if ('error' in form) yield reject(form.error, { sheet: form.sheet });
    else yield { type: 'row', line: 1, source: form.source, sheetOf: form.sheetOf };
    return;
  }
  const sheets = tableSheets(opened.book);
  if (!sheets.length) {
    yield reject('table.empty');
    return;
  }
  const named = env.sheetName ?? ((x: string) => x);
  // hidden sheets are not read (a district's filtered-out copy, lookup lists): said, as a sheet that may hold companies
  for (const h of hiddenSheets(opened.book, sheets)) yield { type: 'warning', diagnostics: [sheetHidden(shown, named(h.name))] };
  if (sheets.length === 1) {
    yield* sheetEvents(readXlsxRows(opened.book, sheets[0]!, env.onFallback), shown, kind, env, counted, { found: false });
    return;
  }
  // A workbook of several sheets (one per district, an instructions sheet first): each sheet is a table of its own,
  // its rows named FILE[SHEET]. A sheet with no header row is skipped and said so, unless no sheet has one: then
  // the first sheet's problem is the workbook's, as for a workbook of one sheet.
  const skipped: { sheet: string; events: TableEvent[] }[] = [];
  for (const sheet of sheets) {
    const state = { found: false };
    const held: TableEvent[] = [];
    for await (const ev of sheetEvents(readXlsxRows(opened.book, sheet, env.onFallback), sheetLabel(shown, named(sheet.name)), kind, env, counted, state, true)) {
      if (!state.found) {
        held.push(ev);
        continue;
      }
      yield* held.splice(0);
      yield ev;
    }
    if (state.found) yield* held.splice(0);
    else skipped.push({ sheet: named(sheet.name), events: held });
    // past the limit on rows (of all the sheets together): said once, at the first row not read; no sheet after it is read
    if (counted.over) return;
  }
  if (skipped.length === sheets.length) {
    yield* skipped[0]!.events;
    return;
  }
  const read = sheets.map((x) => named(x.name)).filter((x) => !skipped.some((s) => s.sheet === x));
  for (const s of skipped) yield { type: 'warning', diagnostics: [sheetSkipped(shown, s.sheet, read)] };
}

/** The rows of a file's tables read so far (--max-rows bounds them all together), and whether the bound was passed. */
export interface RowsCounted {
  rows: number;
  over: boolean;
}

/** How the rows of one sheet of a workbook of several are named: FILE[SHEET], as a form's sheets are. */
export const sheetLabel = (shown: string, sheet: string): string => `${shown}[${sheet}]`;

/**
 * The events of one table (a CSV, or one sheet of a workbook), its rows named `shown`: `state.found` is set once its
 * header row is found (the events before it may be the table's only ones: why it has no header); `counted` holds the
 * rows read so far, over every sheet of the input, against the row limit.
 */
async function* sheetEvents(items: AsyncIterable<TableItem>, shown: string, kind: TableKind, env: TableEnv, counted: RowsCounted, state: { found: boolean }, oneOfSeveral = false): AsyncGenerator<TableEvent> {
  const reject = rejectIn(shown);
  let ctx: ReturnType<typeof rowContext> | undefined;
  const header = headerSearch(env.q, shown, env.map);
  let rows = 0;
  let headerTexts: string[] = [];
  const pending: BadRow[] = [];
  const lost = (item: BadRow): TableEvent => {
    const company = companyOfRaw(item, ctx?.roles);
    if (kind === 'xlsx') return reject('xlsx.unreadable', { detail: item.error }, { line: item.line, column: 1 }, item.row, company);
    return reject(lostCode(item), { detail: item.error, line: item.line, next: item.resumedAt ?? '—' }, { line: item.line, column: 1 }, item.row, company);
  };
  for await (const item of items) {
    if (!ctx) {
      if ('error' in item) {
        if (kind === 'xlsx') {
          yield lost(item);
          return; // an unreadable workbook has no more rows to offer
        }
        pending.push(item);
        continue;
      }
      const found = header.row(item);
      if (!found) continue;
      if ('code' in found) {
        yield reject(found.code);
        return;
      }
      const cols = found.columns;
      headerTexts = item.cells.map((c) => cellText(c));
      // a header that names a known column (or a column the map names) makes the sheet a table: its problems are its
      // own (a district's sheet without its company column is rejected, never passed over as a notes sheet)
      if (cols.roles.length > 0) state.found = true;
      const errors = cols.diagnostics.filter((d) => d.severity === 'error');
      if (errors.length) {
        // A map entry whose column is missing: the export is not the one the map describes.
        yield { type: 'reject', line: item.line, column: 1, diagnostics: errors, file: shown };
        return;
      }
      if (cols.roles.length === 0) {
        yield reject('table.empty');
        return;
      }
      const warnings = cols.diagnostics.filter((d) => d.severity === 'warning');
      if (cols.unmapped.length) warnings.push(diag('map.unmapped-columns', shown, { line: item.line, column: cols.unmapped[0]!.col }, { count: cols.unmapped.length, headers: cols.unmapped.map((u) => u.header).join(' | ') }, 'warning'));
      if (warnings.length) yield { type: 'warning', diagnostics: warnings };
      if (!namesCompany(cols.roles)) {
        yield reject('table.no-company-column', {}, { line: item.line, column: 1 }, item.row);
        return;
      }
      ctx = rowContext(env.q, cols.roles, env.defaultQuestionnaire, env.map);
      state.found = true;
      for (const p of pending.splice(0)) yield lost(p);
      continue;
    }
    if ('error' in item) {
      yield lost(item);
      continue;
    }
    if (isBlankOrComment(item.cells)) continue;
    const layout = layoutRow(item.cells, ctx.roles, item.merged, headerTexts);
    if (layout === 'unmapped') continue;
    if (layout) {
      yield { type: 'warning', diagnostics: [layoutDiagnostic(layout, shown, item)] };
      continue;
    }
    rows++;
    if (++counted.rows > env.limits.maxRows) {
      counted.over = true;
      yield reject('table.too-many-rows', { limit: env.limits.maxRows }, { line: item.line, column: 1 }, item.row);
      return;
    }
    yield { type: 'row', row: item.row, line: item.line, source: rowSource(ctx, item.cells, shown, item.line), file: shown };
  }
  for (const p of pending.splice(0)) yield lost(p);
  // No row named a known column: a survey export read without its map, or nothing at all.
  if (!ctx) yield reject(header.end());
  // (a sheet of several with its header and no company yet, the district that has not reported: said, not rejected)
  else if (rows === 0 && oneOfSeveral) yield { type: 'warning', diagnostics: [diag('table.sheet-no-rows', shown, FIRST, {}, 'warning')] };
  else if (rows === 0) yield reject('table.no-rows');
}
