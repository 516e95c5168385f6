import { parse } from 'csv-parse';
import { Readable } from 'node:stream';
import { decodeText } from '../decode.js';
import type { CellValue } from './cells.js';

/** One physical table row: its spreadsheet row number, the line it starts on, and its cells (0-based). */
export interface RawRow {
  row: number;
  line: number;
  cells: CellValue[];
}
/** A record the parser could not read (bad quoting); the rest of the table goes on. */
export interface BadRow {
  row: number;
  line: number;
  error: string;
}
export type TableItem = RawRow | BadRow;

/** CSV in UTF-8 (with or without BOM) or GB18030; comma or, when the header has tabs and no comma, tab separated. */
export async function* readCsvRows(bytes: Uint8Array): AsyncGenerator<TableItem> {
  const { text } = decodeText(bytes);
  const firstLine = text.slice(0, text.indexOf('\n') >>> 0 || text.length);
  const delimiter = firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ',';
  let lastEnd = 0;
  let records = 0;
  const skipped: BadRow[] = [];
  const parser = parse({
    delimiter,
    relax_column_count: true,
    skip_empty_lines: false,
    skip_records_with_error: true,
    on_skip: (err: (Error & { lines?: number }) | undefined) => {
      records++;
      const line = lastEnd + 1;
      lastEnd = err?.lines ?? lastEnd + 1;
      skipped.push({ row: records, line, error: err?.message.replace(/ at line \d+/, '') ?? 'unreadable record' });
      return undefined;
    },
    on_record: (record: string[], ctx: { lines: number }) => {
      records++;
      const line = lastEnd + 1;
      lastEnd = ctx.lines;
      return { row: records, line, cells: record } as unknown as string[];
    },
  });
  Readable.from([text]).pipe(parser);
  for await (const item of parser as AsyncIterable<RawRow>) {
    while (skipped.length && skipped[0]!.row < item.row) yield skipped.shift()!;
    yield item;
  }
  yield* skipped;
}
