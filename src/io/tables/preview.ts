import { normaliseAnswer } from '../../core/answer-value.js';
import { diag, type Diagnostic } from '../../core/diagnostics.js';
import type { Questionnaire } from '../../core/questionnaire.js';
import { DEFAULT_LIMITS } from '../../core/source.js';
import { isEnterpriseClass, isIndustry, isRetrofitStatus } from '../../core/vocabulary.js';
import { readBytes } from '../read-input.js';
import { cellText } from './cells.js';
import type { ColumnRole, SurveyMap } from './columns.js';
import { readCsvRows, type BadRow, type TableItem } from './csv-read.js';
import type { TableLimits } from './limits.js';
import { rowContext, rowSource, type RowSource } from './row-source.js';
import { headerSearch, isBlankOrComment, layoutDiagnostic, layoutRow, namesCompany, sheetHidden, sheetLabel, sheetSkipped, type RowsCounted, type TableKind } from './table-input.js';
import { hiddenSheets, openWorkbook, readXlsxRows, tableSheets } from './xlsx-read.js';

/** Respondent fields with fixed values: a label the map does not turn into one of them is listed. */
const RESPONDENT_CHECKS: Record<string, (v: unknown) => boolean> = {
  industry: isIndustry,
  above_designated_size: (v) => typeof v === 'boolean',
  enterprise_class: isEnterpriseClass,
  retrofit_status: isRetrofitStatus,
};

/**
 * The tables of a file — a CSV, or each sheet a table is read from of an XLSX, named FILE[SHEET] when there are
 * several (as a run names their rows) — with their rows, or why the file cannot be read.
 */
export async function tableRows(file: string, shown: string, kind: TableKind, limits: TableLimits): Promise<{ tables: { shown: string; sheet?: string; rows: AsyncIterable<TableItem> }[]; hidden?: string[] } | { diagnostics: Diagnostic[] }> {
  const r = await readBytes(file, shown, { ...DEFAULT_LIMITS, maxBytes: limits.maxFileBytes });
  if (!r.ok) return { diagnostics: r.diagnostics };
  if (kind === 'csv') return { tables: [{ shown, rows: readCsvRows(r.bytes) }] };
  const opened = await openWorkbook(r.bytes, limits.zip);
  if (!opened.ok) return { diagnostics: [{ code: opened.code, severity: 'error', file: shown, line: 1, column: 1, args: { detail: opened.detail } }] };
  const sheets = tableSheets(opened.book);
  if (!sheets.length) return { tables: [{ shown, rows: (async function* () {})() }] };
  const hidden = hiddenSheets(opened.book, sheets).map((h) => h.name);
  return { tables: sheets.map((sheet) => ({ shown: sheets.length > 1 ? sheetLabel(shown, sheet.name) : shown, sheet: sheet.name, rows: readXlsxRows(opened.book, sheet) })), ...(hidden.length ? { hidden } : {}) };
}

export interface TablePreview {
  headerLine: number;
  header: string[];
  roles: ColumnRole[];
  unmapped: { col: number; header: string }[];
  /** Map entries without a column (errors) and other problems with the header. */
  diagnostics: Diagnostic[];
  rows: number;
  /** Records that could not be read (a broken quote): where, and where reading resumed. */
  lost: BadRow[];
  /** Question id → labels that match no option (with how many rows have each). */
  unmatched: Map<string, Map<string, number>>;
}

/**
 * What `batch --dry-run` shows for each table of a file (a CSV, or each sheet of a workbook): which column goes to
 * which field or question, the columns the map does not name, map entries with no column, and the cell labels that
 * match no option — read through the same code as a real run, nothing scored or written. `visit` is given each row
 * as a run reads it (to check its cells). As a run does, a sheet of a workbook of several that has no header is
 * skipped with a warning, unless none has one: then the first sheet's problem is the file's.
 */
export async function previewTables(file: string, shown: string, kind: TableKind, q: Questionnaire, limits: TableLimits, map?: SurveyMap, visit?: (row: RowSource, at: { row: number; line: number; file: string }) => Promise<void>): Promise<{ file: string; preview: TablePreview | { diagnostics: Diagnostic[] } }[]> {
  const t = await tableRows(file, shown, kind, limits);
  if ('diagnostics' in t) return [{ file: shown, preview: t }];
  const out: { file: string; sheet?: string; preview: TablePreview | { diagnostics: Diagnostic[] } }[] = [];
  // (the rows of all the sheets together, bounded by --max-rows as a run bounds them: no sheet is read past it)
  const counted: RowsCounted = { rows: 0, over: false };
  for (const table of t.tables) {
    if (counted.over) break;
    out.push({ file: table.shown, ...(table.sheet !== undefined ? { sheet: table.sheet } : {}), preview: await previewTable(table.rows, table.shown, q, { counted, maxRows: limits.maxRows }, map, visit && ((row, at) => visit(row, { ...at, file: table.shown }))) });
  }
  // hidden sheets are not read, by a run either: each said as a sheet not read
  for (const sheet of t.hidden ?? []) out.push({ file: sheetLabel(shown, sheet), sheet, preview: { diagnostics: [sheetHidden(shown, sheet)] } });
  if (out.length === 1) return out;
  // a sheet is a table when its header names a column (a map's header row that names none is a notes sheet)
  const isTable = (p: TablePreview | { diagnostics: Diagnostic[] }): boolean => 'roles' in p && p.roles.length > 0;
  const read = out.filter((x) => isTable(x.preview)).map((x) => x.sheet ?? x.file);
  if (!read.length) return out.slice(0, 1);
  const hiddenSaid = (p: TablePreview | { diagnostics: Diagnostic[] }): boolean => !('roles' in p) && p.diagnostics.some((d) => d.code === 'table.sheet-hidden');
  return out.map((x) => (isTable(x.preview) || hiddenSaid(x.preview) ? x : { file: x.file, preview: { diagnostics: [sheetSkipped(shown, x.sheet ?? x.file, read)] } }));
}

/** previewTables for one table's rows. */
async function previewTable(rows: AsyncIterable<TableItem>, shown: string, q: Questionnaire, bound: { counted: RowsCounted; maxRows: number }, map?: SurveyMap, visit?: (row: RowSource, at: { row: number; line: number }) => Promise<void>): Promise<TablePreview | { diagnostics: Diagnostic[] }> {
  let preview: TablePreview | undefined;
  let ctx: ReturnType<typeof rowContext> | undefined;
  const header = headerSearch(q, shown, map);
  const lost: TablePreview['lost'] = [];
  for await (const item of rows) {
    if ('error' in item) {
      lost.push(item);
      continue;
    }
    if (!preview) {
      const found = header.row(item);
      if (!found) continue;
      // A survey export read without its map: say what a real run says.
      if ('code' in found) return { diagnostics: [{ code: found.code, severity: 'error', file: shown, line: 1, column: 1, args: {} }] };
      const cols = found.columns;
      preview = { headerLine: item.line, header: item.cells.map((c) => cellText(c)), roles: cols.roles, unmapped: cols.unmapped, diagnostics: [...cols.diagnostics], rows: 0, lost, unmatched: new Map() };
      // a table with columns but none for the company: a run rejects it whole (table-input.ts), said here the same way
      if (cols.roles.length && !namesCompany(cols.roles))
        preview.diagnostics.push(diag('table.no-company-column', shown, { line: item.line, column: 1 }, {}));
      ctx = rowContext(q, cols.roles, q.def.id, map);
      continue;
    }
    if (isBlankOrComment(item.cells)) continue;
    // a row of the sheet's layout is not a company: skipped as a run skips it (a divider said so)
    const layout = layoutRow(item.cells, preview.roles, item.merged, preview.header);
    if (layout === 'unmapped') continue;
    if (layout) {
      preview.diagnostics.push(layoutDiagnostic(layout, shown, item));
      continue;
    }
    if (++bound.counted.rows > bound.maxRows) {
      bound.counted.over = true;
      preview.diagnostics.push(diag('table.too-many-rows-preview', shown, { line: item.line, column: 1 }, { limit: bound.maxRows, row: item.row }));
      break;
    }
    preview.rows++;
    const src = rowSource(ctx!, item.cells, shown, item.line);
    const { answers, respondent } = src.data as { answers: Record<string, unknown>; respondent: Record<string, unknown> };
    // the row as a run reads it (its cells checked by the caller: resolving changes the data, so after the labels)
    const visited = visit ? () => visit(src, { row: item.row, line: item.line }) : undefined;
    const note = (id: string, label: string) => {
      const m = preview!.unmatched.get(id) ?? new Map<string, number>();
      m.set(label, (m.get(label) ?? 0) + 1);
      preview!.unmatched.set(id, m);
    };
    for (const [field, ok] of Object.entries(RESPONDENT_CHECKS)) {
      const v = field === 'retrofit_status' ? (respondent.retrofit_status as { status?: unknown } | undefined)?.status : respondent[field];
      if (v !== undefined && !ok(v)) note(field, String(v));
    }
    for (const [id, raw] of Object.entries(answers)) {
      const question = q.byId.get(id);
      if (!question?.options) continue;
      const items = Array.isArray(raw) ? raw : [raw];
      for (const [i, it] of items.entries()) {
        const n = normaliseAnswer(question, question.type === 'multi' && Array.isArray(raw) ? [it] : it);
        if (!('error' in n) || n.error !== 'answer.option') continue;
        note(id, String(items[i]));
      }
    }
    await visited?.();
  }
  return preview ?? { diagnostics: [{ code: header.end(), severity: 'error', file: shown, line: 1, column: 1, args: {} }] };
}
