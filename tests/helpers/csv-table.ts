// A batch CSV output read as rows by column id: row 1 the ids, the "#" line of titles (row 2) skipped.
import { readFileSync } from 'node:fs';
import { parse as parseCsv } from 'csv-parse/sync';

export function csvTable(file: string): Record<string, string>[] {
  const [ids, ...rows] = (parseCsv(readFileSync(file, 'utf8'), { bom: true, relax_column_count: true }) as string[][]).filter((row) => !row[0]?.startsWith('#'));
  return rows.map((row) => Object.fromEntries(ids!.map((id, i) => [id, row[i] ?? ''])));
}
