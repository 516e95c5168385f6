import type { MessageCode } from '../../messages/catalogue.js';
import path from 'node:path';
import { diag, type Diagnostic } from '../../core/diagnostics.js';
import type { Questionnaire } from '../../core/questionnaire.js';
import type { Source } from '../../core/source.js';
import { readBytes } from '../read-input.js';
import { cellText, type CellValue } from './cells.js';
import { resolveColumns, type SurveyMap } from './columns.js';
import { readCsvRows, type TableItem } from './csv-read.js';
import { readForm } from './form.js';
import type { TableLimits } from './limits.js';
import { rowContext, rowSource } from './row-source.js';
import { openWorkbook, readXlsxRows, tableSheet } from './xlsx-read.js';
import { DEFAULT_LIMITS } from '../../core/source.js';
import { FORM_META_SHEET } from './form.js';

export type TableEvent =
  /** A company row (or a filled form) ready for resolveSource(). */
  | { type: 'row'; row?: number; line: number; source: Source; sheetOf?: (p: readonly (string | number)[] | undefined) => string }
  /** A row or the whole input could not be read. */
  | { type: 'reject'; row?: number; line: number; column: number; diagnostics: Diagnostic[] }
  /** Warnings about the table itself (unknown columns…). */
  | { type: 'warning'; diagnostics: Diagnostic[] };

export interface TableEnv {
  q: Questionnaire;
  defaultQuestionnaire: string;
  map?: SurveyMap;
  limits: TableLimits;
  onFallback?: (why: string) => void;
}

const FIRST = { line: 1, column: 1 };
const isEmpty = (cells: readonly CellValue[]) => cells.every((c) => c === null || cellText(c).trim() === '');
const firstText = (cells: readonly CellValue[]) => cellText(cells.find((c) => c !== null && cellText(c).trim() !== '') ?? null).trim();

export type TableKind = 'csv' | 'xlsx';
export const tableKindOf = (file: string): TableKind | undefined => {
  const ext = path.extname(file).toLowerCase();
  return ext === '.csv' ? 'csv' : ext === '.xlsx' ? 'xlsx' : undefined;
};

/** Every company row of a CSV/XLSX table or Excel form, or why it could not be read; never throws for bad input. */
export async function* readTableInput(file: string, shown: string, kind: TableKind, env: TableEnv): AsyncGenerator<TableEvent> {
  const reject = (code: MessageCode, args: Record<string, string | number> = {}, at = FIRST, row?: number): TableEvent => ({
    type: 'reject',
    ...(row !== undefined ? { row } : {}),
    line: at.line,
    column: at.column,
    diagnostics: [diag(code, shown, at, args)],
  });
  const r = await readBytes(file, shown, { ...DEFAULT_LIMITS, maxBytes: env.limits.maxFileBytes });
  if (!r.ok) {
    yield { type: 'reject', line: 1, column: 1, diagnostics: r.diagnostics };
    return;
  }
  let items: AsyncIterable<TableItem>;
  if (kind === 'csv') items = readCsvRows(r.bytes);
  else {
    const opened = await openWorkbook(r.bytes, env.limits.zip);
    if (!opened.ok) {
      yield reject(opened.code, { detail: opened.detail });
      return;
    }
    if (opened.book.sheets.some((s) => s.name === FORM_META_SHEET)) {
      const form = await readForm(r.bytes, shown, env.q, env.defaultQuestionnaire);
      if ('error' in form) yield reject(form.error, { sheet: form.sheet });
      else yield { type: 'row', line: 1, source: form.source, sheetOf: form.sheetOf };
      return;
    }
    const sheet = tableSheet(opened.book);
    if (!sheet) {
      yield reject('table.empty');
      return;
    }
    items = readXlsxRows(opened.book, sheet, env.onFallback);
  }

  let ctx: ReturnType<typeof rowContext> | undefined;
  let scanned = 0;
  let rows = 0;
  const pending: TableItem[] = [];
  for await (const item of items) {
    if (!ctx) {
      if ('error' in item) {
        yield reject(kind === 'xlsx' ? 'xlsx.unreadable' : 'table.csv-syntax', { detail: item.error }, { line: item.line, column: 1 }, item.row);
        if (kind === 'xlsx') return; // an unreadable workbook has no more rows to offer
        continue;
      }
      if (isEmpty(item.cells) || (env.map && item.row < env.map.headerRow)) continue;
      // The header is the first row (of the first 20) that names a known column; rows above it are titles.
      const cols = resolveColumns(item.cells, env.q, shown, item.line, env.map);
      scanned++;
      if (cols.roles.length === 0 && scanned < 20 && !env.map?.headerRow) {
        pending.push(item);
        continue;
      }
      if (cols.roles.length === 0) {
        yield reject('table.empty');
        return;
      }
      if (cols.diagnostics.length) yield { type: 'warning', diagnostics: cols.diagnostics };
      if (!cols.roles.some((c) => c.kind === 'respondent' && (c.field === 'company' || c.field === 'credit_code'))) {
        yield reject('table.no-company-column', {}, { line: item.line, column: 1 }, item.row);
        return;
      }
      ctx = rowContext(env.q, cols.roles, env.defaultQuestionnaire, env.map);
      continue;
    }
    if ('error' in item) {
      yield reject(kind === 'xlsx' ? 'xlsx.unreadable' : 'table.csv-syntax', { detail: item.error }, { line: item.line, column: 1 }, item.row);
      continue;
    }
    if (isEmpty(item.cells) || firstText(item.cells).startsWith('#')) continue;
    if (++rows > env.limits.maxRows) {
      yield reject('table.too-many-rows', { limit: env.limits.maxRows }, { line: item.line, column: 1 }, item.row);
      return;
    }
    yield { type: 'row', row: item.row, line: item.line, source: rowSource(ctx, item.cells, shown, item.line) };
  }
  // No row named a known column (title rows only, or nothing at all).
  if (!ctx) yield reject('table.empty');
  else if (rows === 0) yield reject('table.no-rows');
}
