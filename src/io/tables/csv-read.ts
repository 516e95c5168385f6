import { decodeText } from '../decode.js';
import type { CellValue } from './cells.js';

/** One physical table row: its spreadsheet row number, the line it starts on, and its cells (0-based). */
export interface RawRow {
  row: number;
  line: number;
  cells: CellValue[];
  /**
   * A workbook's cells merged across columns from this row (first and last column, from 1): the merged text stands
   * in the first cell only. For telling the sheet's layout (a divider row) from a company.
   */
  merged?: readonly (readonly [number, number])[];
}
/** A record that could not be read (bad quoting): the line it starts on, and its raw text for messages. */
export interface BadRow {
  row: number;
  line: number;
  error: string;
  /** The record's first line as written (to name the company in the message). */
  raw?: string;
  /** Where reading resumed (the next line). */
  resumedAt?: number;
  /**
   * What was wrong with a CSV record: a quote never closed, a stray quote after a closing one, a broken quote spanning
   * lines, a byte that is not UTF-8 in a file marked as UTF-8.
   */
  reason?: 'unclosed-quote' | 'stray-quote' | 'wrong-cells' | 'bad-utf8';
}
export type TableItem = RawRow | BadRow;

type Scan = { cells: string[]; end: number; newlines: number; multiline: boolean } | { error: string; reason: NonNullable<BadRow['reason']> };

/**
 * Read one record starting at `pos`. Quoted fields may hold delimiters, doubled quotes and line breaks; a quote
 * inside an unquoted field is kept as written. A quoted field that is never closed, or closed and followed by
 * something other than a delimiter or the end of the line, is an error.
 */
function scanRecord(text: string, pos: number, delim: string): Scan {
  const cells: string[] = [];
  const n = text.length;
  let i = pos;
  let newlines = 0;
  let multiline = false;
  for (;;) {
    if (text[i] === '"') {
      let value = '';
      let from = i + 1;
      for (;;) {
        const q = text.indexOf('"', from);
        if (q < 0) return { error: 'a quoted cell is never closed', reason: 'unclosed-quote' };
        value += text.slice(from, q);
        if (text[q + 1] === '"') {
          value += '"';
          from = q + 2;
          continue;
        }
        i = q + 1;
        while (text[i] === ' ' || text[i] === '\t') i++;
        if (i < n && text[i] !== delim && text[i] !== '\n' && text[i] !== '\r') return { error: 'a quote inside a quoted cell must be doubled ("")', reason: 'stray-quote' };
        break;
      }
      const breaks = value.split('\n').length - 1;
      if (breaks) {
        newlines += breaks;
        multiline = true;
      }
      cells.push(value);
    } else {
      let j = i;
      while (j < n && text[j] !== delim && text[j] !== '\n' && text[j] !== '\r') j++;
      cells.push(text.slice(i, j));
      i = j;
    }
    if (i >= n) return { cells, end: n, newlines, multiline };
    if (text[i] === delim) {
      i++;
      continue;
    }
    // end of line: \r\n, \n or a lone \r
    if (text[i] === '\r' && text[i + 1] === '\n') i += 2;
    else i += 1;
    return { cells, end: i, newlines: newlines + 1, multiline };
  }
}

/**
 * CSV in UTF-8 (with or without BOM), UTF-16 with BOM (Excel/WPS "Unicode 文本", tab separated) or GB18030; comma or,
 * when the header has at least as many tabs as commas, tab separated. In a file marked as UTF-8 (BOM) a record with a byte that
 * is not UTF-8 is reported with its line, the rest read as UTF-8.
 * A record that cannot be read is reported (with its line) and reading resumes at the next line, so one broken
 * quote loses one row, not the rest of the file. A quoted cell spanning lines that leaves its record with a
 * different number of cells than the record before it is taken for a broken quote too.
 */
export async function* readCsvRows(bytes: Uint8Array): AsyncGenerator<TableItem> {
  const { text, invalidAt } = decodeText(bytes);
  const firstLine = text.slice(0, text.indexOf('\n') >>> 0 || text.length);
  const count = (c: string) => firstLine.split(c).length - 1;
  // (a tab-separated header may name a column with a comma in it: 企业名称（全称, 含分公司）)
  const tabs = count('\t');
  const delim = tabs > 0 && tabs >= count(',') ? '\t' : ',';
  let pos = 0;
  let line = 1;
  let row = 0;
  let width = -1;
  const lineEnd = (p: number) => {
    const e = text.indexOf('\n', p);
    return e < 0 ? text.length : e + 1;
  };
  while (pos < text.length) {
    row++;
    const r = scanRecord(text, pos, delim);
    const broken: { error: string; reason: NonNullable<BadRow['reason']> } | undefined =
      'error' in r
        ? r
        : r.multiline && width >= 0 && r.cells.length !== width
          ? { error: 'a quoted cell runs over several lines and leaves the row with the wrong number of cells', reason: 'wrong-cells' }
          : undefined;
    if (broken !== undefined) {
      const next = lineEnd(pos);
      yield { row, line, ...broken, raw: text.slice(pos, next).replace(/\r?\n$/, ''), ...(next < text.length ? { resumedAt: line + 1 } : {}) };
      pos = next;
      line += 1;
      continue;
    }
    const ok = r as Exclude<Scan, { error: string }>;
    if (invalidAt !== undefined && ok.cells.some((c) => c.includes('\uFFFD'))) {
      // the whole record (its cells are read right; only the characters at the bad bytes are lost)
      yield { row, line, error: 'a byte that is not UTF-8 in a file marked as UTF-8', reason: 'bad-utf8', raw: text.slice(pos, lineEnd(pos)).replace(/\r?\n$/, ''), ...(ok.end < text.length ? { resumedAt: line + ok.newlines } : {}) };
      pos = ok.end;
      line += ok.newlines;
      continue;
    }
    if (!(ok.cells.length === 1 && ok.cells[0] === '')) width = ok.cells.length;
    yield { row, line, cells: ok.cells };
    pos = ok.end;
    line += ok.newlines;
  }
}
